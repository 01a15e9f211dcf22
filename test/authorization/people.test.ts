// Authorisation of the people around the baby, their relationships and the people another agency named: every row of rows/people.ts for every kind of requester (matrix-helpers.ts).
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import { describe } from 'node:test';
import { caseRouteTests, useMatrix } from './matrix-helpers.ts';
import { rows } from './rows/people.ts';

describe('authorisation: people', () => {
  caseRouteTests(useMatrix(), rows);
});
