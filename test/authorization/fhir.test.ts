// Authorisation of the FHIR API: its reads of a case, every row of rows/fhir.ts for every kind of
// requester (matrix-helpers.ts); and its import (POST /fhir/Bundle), which finds its record by the
// Patient's NHS number, not an id: a record the caller may not open is answered as no record
// (docs/adr/0024-refused-requests-audited.md, "Unknown and unseen cases").
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ALLOWED, caseRouteTests, SUBJECTS, useMatrix } from './matrix-helpers.ts';
import { rows } from './rows/fhir.ts';

describe('authorisation: fhir', () => {
  caseRouteTests(useMatrix(), rows);
});

describe('authorisation: fhir import (POST /fhir/Bundle), the record found by its NHS number', () => {
  const matrix = useMatrix();
  const TARGET_NHS = '4857771098';
  const NO_RECORD_NHS = '4857771101';
  const bundle = (nhsNumber: string, id: string) => ({
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: 'urn:uuid:baby', resource: { resourceType: 'Patient', id: 'baby', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber }] } },
      { resource: { resourceType: 'Encounter', id, status: 'finished', class: { code: 'AMB' }, subject: { reference: 'urn:uuid:baby' }, period: { start: '2026-11-19T10:00:00+00:00' } } },
    ],
  });
  before(async () => {
    await matrix.t.ctx.db.updateTable('cases').set({ nhs_number: TARGET_NHS }).where('id', '=', matrix.target.caseId).execute();
  });

  for (const subject of SUBJECTS) {
    const allowed = ALLOWED[subject].includes('change');
    const mayOpen = ALLOWED[subject].includes('read');
    const how = allowed ? 'imports for' : mayOpen ? 'refuses 403 (may open, not change)' : 'answers as no record';
    it(`${how} ${subject}`, async () => {
      const caller = matrix.callers[subject];
      const deniedBefore = await matrix.deniedAudits(caller.userId);
      const rowsBefore = await matrix.watchedRows();
      const response = await caller.api('POST', '/fhir/Bundle', bundle(TARGET_NHS, `visit-${subject}`));
      if (allowed) {
        assert.equal(response.statusCode, 200, response.body.slice(0, 300));
        assert.equal(response.json<{ stored: unknown[] }>().stored.length, 1);
        return;
      }
      if (mayOpen) assert.equal(response.statusCode, 403, response.body.slice(0, 300));
      else {
        const none = await caller.api('POST', '/fhir/Bundle', bundle(NO_RECORD_NHS, `visit-${subject}`));
        assert.equal(response.statusCode, 404, response.body.slice(0, 300));
        assert.equal(response.body, none.body, 'the answer for a record there is not, byte for byte');
      }
      assert.equal(await matrix.deniedAudits(caller.userId), deniedBefore + 1, 'the refusal is audited once, denied');
      assert.deepEqual(await matrix.watchedRows(), rowsBefore, 'a refusal changes no row');
    });
  }
});
