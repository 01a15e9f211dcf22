// Authorisation of contacts (a visit or call and what was seen of the baby's day): every row of rows/contacts.ts for every kind of requester (matrix-helpers.ts).
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import { describe } from 'node:test';
import { caseRouteTests, useMatrix } from './matrix-helpers.ts';
import { rows } from './rows/contacts.ts';

describe('authorisation: contacts', () => {
  caseRouteTests(useMatrix(), rows);
});
