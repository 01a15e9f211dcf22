// Authorisation of the case itself: its overview, address, GP and hospital, the household address, the birth, the team and who has looked, and the case's timescales: every row of rows/cases.ts for every kind of requester (matrix-helpers.ts).
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import { describe } from 'node:test';
import { caseRouteTests, useMatrix } from './matrix-helpers.ts';
import { rows } from './rows/cases.ts';

describe('authorisation: cases', () => {
  caseRouteTests(useMatrix(), rows);
});
