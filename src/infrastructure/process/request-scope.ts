// The request a piece of work is done for, without passing it through every call: the web layer runs
// each request's hooks and handler inside its scope (web/plugins/request-logging.ts), and the audit
// trail reads it when an entry is appended (infrastructure/audit/audit-log.ts), so that the request id
// in a log line leads to the audit entries that request wrote. Work outside a request (the CLI, the
// background work) has no scope, and its entries no request id.
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `work` (and everything it starts) as work for the request with this id. */
export function runForRequest<T>(requestId: string, work: () => T): T {
  return scope.run({ requestId }, work);
}

/** The id of the request the current work is done for, or null outside a request. */
export function currentRequestId(): string | null {
  return scope.getStore()?.requestId ?? null;
}
