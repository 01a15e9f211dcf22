// Authorisation of the printable profile and case summary: every row of rows/print.ts for every kind of requester (matrix-helpers.ts).
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import { describe } from 'node:test';
import { caseRouteTests, useMatrix } from './matrix-helpers.ts';
import { rows } from './rows/print.ts';

describe('authorisation: print', () => {
  caseRouteTests(useMatrix(), rows);
});
