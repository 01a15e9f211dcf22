// Authorisation of the chronology: its list, CSV, printable page and timeline, entries, corrections and disputes, and the events API: every row of rows/chronology.ts for every kind of requester (matrix-helpers.ts).
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import { describe } from 'node:test';
import { caseRouteTests, useMatrix } from './matrix-helpers.ts';
import { rows } from './rows/chronology.ts';

describe('authorisation: chronology', () => {
  caseRouteTests(useMatrix(), rows);
});
