import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

interface Imported {
  index: number;
  resource: string;
  kind: string;
  id: string;
}
interface Outcome {
  index: number;
  resource: string;
  code: string;
  message: string;
  details: { path: string; message: string }[];
}
interface ImportResult {
  caseId: string;
  stored: Imported[];
  duplicates: Imported[];
  rejected: Outcome[];
  skipped: Outcome[];
}
interface ApiError {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}

const BABY_NHS = '9434765919';
const OTHER_NHS = '4010232137';
const UNKNOWN_NHS = '9990001111';
const TWICE_NHS = '4857773457';
const NHS_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';

const patient = (nhsNumber: string) => ({ fullUrl: 'urn:uuid:baby', resource: { resourceType: 'Patient', id: 'baby', identifier: [{ system: NHS_SYSTEM, value: nhsNumber }] } });
const subject = { reference: 'urn:uuid:baby' };
const emergency = { resourceType: 'Encounter', id: 'ed-1', status: 'finished', class: { code: 'EMER' }, subject, period: { start: '2026-11-19T21:40:00+00:00', end: '2026-11-20T01:10:00+00:00' }, reasonCode: [{ text: 'Baby floppy after a fall' }], serviceProvider: { display: 'City Hospital' } };
const stay = (status: string, end?: string) => ({ resourceType: 'Encounter', id: 'ward-7', status, class: { code: 'IMP' }, subject, period: { start: '2026-11-20T02:00:00+00:00', ...(end ? { end } : {}) }, type: [{ text: 'Paediatric ward admission' }] });
const bruise = { resourceType: 'Observation', id: 'skin-1', status: 'final', subject, code: { text: 'Bruise' }, bodySite: { text: 'Left ear' }, effectiveDateTime: '2026-11-19T22:00:00+00:00' };
const bundleOf = (...entries: object[]) => ({ resourceType: 'Bundle', type: 'collection', entry: entries });

describe('FHIR import API (POST /api/v1/fhir/Bundle)', () => {
  let t: TestApp;
  let caseId: string;
  let token: string;
  let socialWorkerId: string;

  before(async () => {
    t = await createTestApp();
    const hospital = await makeOrganisation(t.ctx, 'hospital', 'City Hospital');
    const socialCare = await makeOrganisation(t.ctx, 'childrens-social-care', 'County Children’s Services');
    const socialWorker = await makeUser(t.ctx, { organisationId: socialCare.id, name: 'Sam Social' });
    const clerk = await makeUser(t.ctx, { organisationId: hospital.id, name: 'Ward Clerk' });
    token = await apiTokenFor(t.ctx, clerk.email);
    socialWorkerId = socialWorker.id;
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [socialWorker.id, clerk.id] }));
    const { id: otherCaseId } = await makeCase(t.ctx, { teamUserIds: [socialWorker.id] });
    await t.ctx.db.updateTable('cases').set({ nhs_number: BABY_NHS }).where('id', '=', caseId).execute();
    await t.ctx.db.updateTable('cases').set({ nhs_number: OTHER_NHS }).where('id', '=', otherCaseId).execute();
    for (let i = 0; i < 2; i++) {
      const { id } = await makeCase(t.ctx, { teamUserIds: [clerk.id] });
      await t.ctx.db.updateTable('cases').set({ nhs_number: TWICE_NHS }).where('id', '=', id).execute();
    }
  });
  after(async () => t.close());

  const send = (body: unknown, contentType = 'application/fhir+json', auth = token) =>
    t.app.inject({ method: 'POST', url: '/api/v1/fhir/Bundle', headers: { authorization: `Bearer ${auth}`, 'content-type': contentType }, payload: JSON.stringify(body) });
  const entries = async () => t.ctx.db.selectFrom('chronology_entries').select(['kind', 'agency', 'external_id', 'source']).where('case_id', '=', caseId).orderBy('occurred_on').orderBy('kind').execute();

  it('imports the Encounters and Observations into the chronology of the baby with that NHS number, reporting the rest', async () => {
    const response = await send(bundleOf(patient(BABY_NHS), { resource: emergency }, { resource: stay('in-progress') }, { resource: bruise }, { resource: { resourceType: 'Condition', id: 'c-1' } }, { resource: { ...bruise, id: 'later', effectiveDateTime: '2026-12-25' } }));
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json<ImportResult>();
    assert.equal(result.caseId, caseId);
    assert.deepEqual(result.stored.map((s) => [s.index, s.resource, s.kind]), [[1, 'Encounter/ed-1', 'emergency-attendance'], [2, 'Encounter/ward-7', 'hospital-admission'], [3, 'Observation/skin-1', 'injury-observed']]);
    assert.deepEqual(result.skipped.map((s) => [s.index, s.code]), [[4, 'unsupported-resource']]);
    assert.deepEqual(result.rejected.map((r) => [r.index, r.code, r.details.map((d) => d.path)]), [[5, 'invalid-entry', ['/entry/5/resource/effectiveDateTime']]]);
    assert.deepEqual(await entries(), [
      { kind: 'emergency-attendance', agency: 'City Hospital', external_id: 'fhir:Encounter/ed-1', source: 'agency-record' },
      { kind: 'injury-observed', agency: 'City Hospital', external_id: 'fhir:Observation/skin-1', source: 'agency-record' },
      { kind: 'hospital-admission', agency: 'City Hospital', external_id: 'fhir:Encounter/ward-7', source: 'agency-record' },
    ]);
    const audits = await t.ctx.db.selectFrom('audit_log').select('details').where('case_id', '=', caseId).where('action', '=', 'chronology.fhir-import').execute();
    assert.deepEqual(audits.map((a) => (a.details as { count: number }).count), [3]);
  });

  it('stores nothing twice when the Bundle comes again, and adds the discharge once the stay has ended', async () => {
    const again = (await send(bundleOf(patient(BABY_NHS), { resource: emergency }, { resource: stay('in-progress') }, { resource: bruise }))).json<ImportResult>();
    assert.deepEqual(again.stored, []);
    assert.deepEqual(again.duplicates.map((d) => d.resource), ['Encounter/ed-1', 'Encounter/ward-7', 'Observation/skin-1']);
    const discharged = (await send(bundleOf(patient(BABY_NHS), { resource: stay('finished', '2026-11-21T15:00:00+00:00') }), 'application/json')).json<ImportResult>();
    assert.deepEqual(discharged.duplicates.map((d) => d.kind), ['hospital-admission']);
    assert.deepEqual(discharged.stored.map((s) => [s.index, s.kind]), [[1, 'hospital-discharge']]);
    assert.equal((await entries()).length, 4);
  });

  it('tells the social worker in the team at once of the discharge and the emergency attendance', async () => {
    const reached = await t.ctx.db
      .selectFrom('alert_recipients')
      .innerJoin('alerts', 'alerts.id', 'alert_recipients.alert_id')
      .select('alerts.reason')
      .where('alerts.case_id', '=', caseId)
      .where('alert_recipients.user_id', '=', socialWorkerId)
      .execute();
    const reasons = reached.map((r) => r.reason);
    assert.ok(reasons.includes('discharge') && reasons.includes('emergency-attendance'), JSON.stringify(reasons));
  });

  it('answers 404, saying nothing more, when no record has the NHS number', async () => {
    const response = await send(bundleOf(patient(UNKNOWN_NHS), { resource: emergency }));
    assert.equal(response.statusCode, 404);
    assert.deepEqual(response.json<ApiError>().error, { code: 'not-found', message: 'There is no record with this NHS number.', details: [] });
  });

  it('imports nothing when two records have the NHS number, and says the duplicate must be resolved', async () => {
    const response = await send(bundleOf(patient(TWICE_NHS), { resource: emergency }));
    assert.equal(response.statusCode, 422);
    assert.equal(response.json<ApiError>().error.code, 'several-records');
  });

  it('refuses, and audits once, a record the caller cannot change', async () => {
    const response = await send(bundleOf(patient(OTHER_NHS), { resource: emergency }, { resource: bruise }));
    assert.equal(response.statusCode, 403);
    assert.doesNotMatch(response.body, /caseId/);
    const denied = await t.ctx.db.selectFrom('audit_log').select(['action', 'case_id']).where('outcome', '=', 'denied').execute();
    assert.deepEqual(denied.map((d) => d.action), ['chronology.fhir-import']);
  });

  it('refuses, with a clear error, what is not a Bundle of one identified patient', async () => {
    const refused = async (body: unknown, status: number, code: string, path?: string) => {
      const response = await send(body);
      assert.equal(response.statusCode, status, `${JSON.stringify(body).slice(0, 60)}: ${response.body}`);
      const { error } = response.json<ApiError>();
      assert.equal(error.code, code);
      if (path) assert.equal(error.details[0]?.path, path);
      return error;
    };
    assert.match((await refused({ resourceType: 'Patient', id: 'p' }, 400, 'not-a-bundle', '/resourceType')).message, /Send a FHIR R4 Bundle/);
    await refused({ ...bundleOf(patient(BABY_NHS)), type: 'searchset' }, 400, 'unsupported-bundle-type', '/type');
    assert.match((await refused(bundleOf({ resource: emergency }), 422, 'no-nhs-number', '/entry')).message, /fhir\.nhs\.uk\/Id\/nhs-number/);
    await refused(bundleOf(patient('9434765918')), 422, 'nhs-number-invalid', '/entry/0/resource/identifier/0/value');
    await refused(bundleOf(patient(BABY_NHS), patient(OTHER_NHS)), 422, 'several-patients');
    await refused([bundleOf()], 400, 'validation-failed');
    await refused({ ...bundleOf(), entry: ['x'] }, 400, 'validation-failed', '/entry/0');
    await refused({ ...bundleOf(), entry: Array.from({ length: 1001 }, () => ({})) }, 400, 'validation-failed', '/entry');
    const notJson = await t.app.inject({ method: 'POST', url: '/api/v1/fhir/Bundle', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' }, payload: '{"resourceType": ' });
    assert.equal(notJson.statusCode, 400);
  });

  it('is published in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, { post?: { summary?: string } }> }>();
    assert.match(doc.paths['/api/v1/fhir/Bundle']?.post?.summary ?? '', /not a FHIR server/);
  });
});
