// Authorisation of withdrawing a record or a person made in error: every row of rows/withdrawal.ts for every kind of requester (matrix-helpers.ts).
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import { describe } from 'node:test';
import { caseRouteTests, useMatrix } from './matrix-helpers.ts';
import { rows } from './rows/withdrawal.ts';

describe('authorisation: withdrawal', () => {
  caseRouteTests(useMatrix(), rows);
});
