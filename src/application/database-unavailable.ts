// Whether an error means no writable database could be reached for a moment (a failover, a restart):
// the pages and the API answer 503 and say to try again, instead of a 500 (docs/adr/0013-database-failover.md).
// They ask here because they never reach into the database layer themselves.
export { isDatabaseUnavailable } from '../infrastructure/db/connection-errors.ts';
