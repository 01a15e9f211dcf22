// An agency system's external id names its own record on one case. Every writer (a single event, a
// batch, a FHIR import) must treat a retry as a duplicate of the caller's own stored entry, and the
// same id on another case as new: never answering with another family's entry, never revealing it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from './helpers/factories.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

interface Entry {
  id: string;
  summary: string;
}
interface BatchResult {
  stored: { index: number; id: string }[];
  duplicates: { index: number; id: string }[];
  rejected: { index: number; code: string }[];
}

const NHS_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
const P_NHS = '9434765919';
const Q_NHS = '4010232137';

describe('external ids are keyed by case and agency: no writer discloses another case’s entry', () => {
  let t: TestApp;
  let caseP: string;
  let caseQ: string;
  const tokens: Record<string, string> = {};

  before(async () => {
    t = await createTestApp();
    const police = await makeOrganisation(t.ctx, 'police', 'County Police');
    const hospital = await makeOrganisation(t.ctx, 'hospital', 'City Hospital');
    const users = {
      // On P's team, and a colleague of the same force also on P's team.
      officer: await makeUser(t.ctx, { organisationId: police.id, name: 'PC Lane' }),
      colleague: await makeUser(t.ctx, { organisationId: police.id, name: 'PC Hill' }),
      // Same force, on Q's team only: refused on P.
      otherOfficer: await makeUser(t.ctx, { organisationId: police.id, name: 'PC Stone' }),
      // Another agency on P's team.
      ward: await makeUser(t.ctx, { organisationId: hospital.id, name: 'Ward Clerk' }),
      // The same hospital, on Q's team only.
      otherWard: await makeUser(t.ctx, { organisationId: hospital.id, name: 'Other Clerk' }),
    };
    for (const [name, user] of Object.entries(users)) tokens[name] = await apiTokenFor(t.ctx, user.email);
    ({ id: caseP } = await makeCase(t.ctx, { teamUserIds: [users.officer.id, users.colleague.id, users.ward.id] }));
    ({ id: caseQ } = await makeCase(t.ctx, { teamUserIds: [users.otherOfficer.id, users.otherWard.id] }));
    await t.ctx.db.updateTable('cases').set({ nhs_number: P_NHS }).where('id', '=', caseP).execute();
    await t.ctx.db.updateTable('cases').set({ nhs_number: Q_NHS }).where('id', '=', caseQ).execute();
    await makePerson(t.ctx, caseP, { id: 'p-mum' });
    await makePerson(t.ctx, caseP, { id: 'p-dad', given_name: 'Dan', relationship_to_infant: 'father', sex: 'male' });
  });
  after(async () => t.close());

  const post = (who: string, url: string, payload: object, contentType = 'application/json') =>
    t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': contentType }, payload: JSON.stringify(payload) });
  const entriesOn = async (caseId: string, externalId: string) =>
    t.ctx.db.selectFrom('chronology_entries').select(['id', 'summary', 'organisation_id']).where('case_id', '=', caseId).where('external_id', '=', externalId).execute();
  const auditActionsOn = async (caseId: string) => (await t.ctx.db.selectFrom('audit_log').select('action').where('case_id', '=', caseId).execute()).map((a) => a.action);

  describe('a single event (POST /api/v1/cases/{id}/events)', () => {
    const incident = { kind: 'police-domestic-abuse-incident', occurredAt: '2026-11-20T23:10:00+00:00', summary: 'Police called to flat, father arrested', source: 'agency-record', personIds: ['p-mum', 'p-dad'], victimIds: ['p-mum'], perpetratorIds: ['p-dad'], externalId: 'CAD-777' };
    const note = { kind: 'case-note', occurredAt: '2026-11-21', summary: 'My own note about Q', source: 'observed', externalId: 'CAD-777' };

    it('stores the same id on another case as new for a caller of the same agency, never answering with the first case’s entry', async () => {
      assert.equal((await post('officer', `/api/v1/cases/${caseP}/events`, incident)).statusCode, 201);
      const auditOnPBefore = await auditActionsOn(caseP);
      const reply = await post('otherOfficer', `/api/v1/cases/${caseQ}/events`, note);
      assert.equal(reply.statusCode, 201, reply.body);
      assert.equal(reply.json<Entry>().summary, 'My own note about Q');
      assert.doesNotMatch(reply.body, /arrested|p-mum|p-dad/);
      assert.deepEqual((await entriesOn(caseQ, 'CAD-777')).map((e) => e.summary), ['My own note about Q']);
      assert.equal((await entriesOn(caseP, 'CAD-777')).length, 1);
      assert.deepEqual(await auditActionsOn(caseP), auditOnPBefore, 'nothing about P was read');
    });

    it('answers a retry, from the caller or a colleague of the same agency on the same case, with the stored entry', async () => {
      const [stored] = await entriesOn(caseP, 'CAD-777');
      for (const who of ['officer', 'colleague']) {
        const again = await post(who, `/api/v1/cases/${caseP}/events`, incident);
        assert.equal(again.statusCode, 200, who);
        assert.equal(again.json<Entry>().id, stored!.id);
      }
      assert.equal((await entriesOn(caseP, 'CAD-777')).length, 1);
    });

    it('stores the same id from another agency on the same case as that agency’s own entry', async () => {
      const reply = await post('ward', `/api/v1/cases/${caseP}/events`, { ...note, summary: 'Ward note' });
      assert.equal(reply.statusCode, 201, reply.body);
      assert.deepEqual((await entriesOn(caseP, 'CAD-777')).map((e) => e.summary).sort(), ['Police called to flat, father arrested', 'Ward note']);
    });

    it('still refuses the case itself to a caller outside its team, whatever the id', async () => {
      const reply = await post('otherOfficer', `/api/v1/cases/${caseP}/events`, incident);
      // Answered as a case there is not (docs/adr/0024-refused-requests-audited.md, "Unknown and unseen cases").
      assert.equal(reply.statusCode, 404);
      assert.doesNotMatch(reply.body, /arrested/);
    });
  });

  describe('a batch (POST /api/v1/events:batch)', () => {
    const entry = (caseId: string, summary: string, externalId: string) => ({ caseId, kind: 'case-note', occurredAt: '2026-11-21', summary, source: 'agency-record', externalId });

    it('stores the same id on two cases, and for the other case never answers with the first one’s entry', async () => {
      const first = (await post('officer', '/api/v1/events:batch', { entries: [entry(caseP, 'Batch note on P', 'BATCH-1')] })).json<BatchResult>();
      assert.equal(first.stored.length, 1);
      const second = await post('otherOfficer', '/api/v1/events:batch', { entries: [entry(caseQ, 'Batch note on Q', 'BATCH-1')] });
      const result = second.json<BatchResult>();
      assert.deepEqual([result.stored.length, result.duplicates.length], [1, 0], second.body);
      assert.notEqual(result.stored[0]!.id, first.stored[0]!.id);
      assert.deepEqual((await entriesOn(caseQ, 'BATCH-1')).map((e) => e.summary), ['Batch note on Q']);
    });

    it('treats a retry on the same case by the same agency as a duplicate of its own entry, and another agency’s as new', async () => {
      const [stored] = await entriesOn(caseP, 'BATCH-1');
      const retry = (await post('colleague', '/api/v1/events:batch', { entries: [entry(caseP, 'Batch note on P', 'BATCH-1')] })).json<BatchResult>();
      assert.deepEqual(retry.duplicates, [{ index: 0, id: stored!.id }]);
      const otherAgency = (await post('ward', '/api/v1/events:batch', { entries: [entry(caseP, 'Ward batch note', 'BATCH-1')] })).json<BatchResult>();
      assert.equal(otherAgency.stored.length, 1);
    });

    it('the same id for two cases in one batch stores both', async () => {
      const both = (await post('officer', '/api/v1/events:batch', { entries: [entry(caseP, 'Sibling incident', 'BATCH-2')] })).json<BatchResult>();
      assert.equal(both.stored.length, 1);
      const onQ = (await post('otherOfficer', '/api/v1/events:batch', { entries: [entry(caseQ, 'Sibling incident', 'BATCH-2'), entry(caseQ, 'Sibling incident', 'BATCH-2')] })).json<BatchResult>();
      assert.deepEqual([onQ.stored.length, onQ.duplicates.length], [1, 1]);
    });
  });

  describe('a FHIR import (POST /api/v1/fhir/Bundle)', () => {
    const bundle = (nhsNumber: string, reason: string) => ({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:baby', resource: { resourceType: 'Patient', id: 'baby', identifier: [{ system: NHS_SYSTEM, value: nhsNumber }] } },
        { resource: { resourceType: 'Encounter', id: 'enc-1', status: 'finished', class: { code: 'AMB' }, subject: { reference: 'urn:uuid:baby' }, period: { start: '2026-11-20T10:00:00+00:00' }, reasonCode: [{ text: reason }] } },
      ],
    });

    it('stores an Encounter with the same id for a second baby, instead of calling it a duplicate of the first baby’s', async () => {
      const first = await post('ward', '/api/v1/fhir/Bundle', bundle(P_NHS, 'Clinic visit for P'), 'application/fhir+json');
      assert.equal(first.json<{ stored: unknown[] }>().stored.length, 1, first.body);
      const second = await post('otherWard', '/api/v1/fhir/Bundle', bundle(Q_NHS, 'Clinic visit for Q'), 'application/fhir+json');
      const result = second.json<{ stored: { id: string }[]; duplicates: unknown[] }>();
      assert.deepEqual([result.stored.length, result.duplicates.length], [1, 0], second.body);
      assert.equal((await entriesOn(caseQ, 'fhir:Encounter/enc-1')).length, 1);
      assert.doesNotMatch(second.body, /for P/);
    });

    it('treats the same Bundle again, for the same baby, as a duplicate', async () => {
      const again = (await post('ward', '/api/v1/fhir/Bundle', bundle(P_NHS, 'Clinic visit for P'), 'application/fhir+json')).json<{ stored: unknown[]; duplicates: unknown[] }>();
      assert.deepEqual([again.stored.length, again.duplicates.length], [0, 1]);
    });
  });
});
