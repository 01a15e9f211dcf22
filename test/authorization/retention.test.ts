// Authorisation of keeping the record: the disposal date and legal holds: every row of rows/retention.ts for every kind of requester (matrix-helpers.ts).
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import { describe } from 'node:test';
import { caseRouteTests, useMatrix } from './matrix-helpers.ts';
import { rows } from './rows/retention.ts';

describe('authorisation: retention', () => {
  caseRouteTests(useMatrix(), rows);
});
