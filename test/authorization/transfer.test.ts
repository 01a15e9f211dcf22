// Authorisation of transfer to another area: closing for transfer, the receipt, cancelling, merging a pack into the record and the printable pack: every row of rows/transfer.ts for every kind of requester (matrix-helpers.ts).
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import { describe } from 'node:test';
import { caseRouteTests, useMatrix } from './matrix-helpers.ts';
import { rows } from './rows/transfer.ts';

describe('authorisation: transfer', () => {
  caseRouteTests(useMatrix(), rows);
});
