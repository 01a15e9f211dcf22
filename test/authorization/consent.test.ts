// Authorisation of consent and information sharing: every row of rows/consent.ts for every kind of requester (matrix-helpers.ts).
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import { describe } from 'node:test';
import { caseRouteTests, useMatrix } from './matrix-helpers.ts';
import { rows } from './rows/consent.ts';

describe('authorisation: consent', () => {
  caseRouteTests(useMatrix(), rows);
});
