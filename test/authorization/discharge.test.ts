// Authorisation of discharge plans: every row of rows/discharge.ts for every kind of requester (matrix-helpers.ts).
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import { describe } from 'node:test';
import { caseRouteTests, useMatrix } from './matrix-helpers.ts';
import { rows } from './rows/discharge.ts';

describe('authorisation: discharge', () => {
  caseRouteTests(useMatrix(), rows);
});
