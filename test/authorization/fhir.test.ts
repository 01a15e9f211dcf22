// Authorisation of the FHIR API's reads of a case: every row of rows/fhir.ts for every kind of requester (matrix-helpers.ts).
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import { describe } from 'node:test';
import { caseRouteTests, useMatrix } from './matrix-helpers.ts';
import { rows } from './rows/fhir.ts';

describe('authorisation: fhir', () => {
  caseRouteTests(useMatrix(), rows);
});
