import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

const BABY_NHS = '9434765919';
const OTHER_NHS = '4010232137';

// A FHIR Bundle about a baby whose case is closed for transfer (issue 21) is answered 409 like every
// other change to it, its resources refused closed-for-transfer, the refusal audited once and nothing
// stored; a Bundle also about an open case stores that case's resources and refuses the closed one's.
describe('FHIR import on a case closed for transfer', () => {
  let t: TestApp;
  let closedId: string;
  let clerkToken: string;
  let today: string;

  const send = (body: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/fhir/Bundle', headers: { authorization: `Bearer ${clerkToken}`, 'content-type': 'application/fhir+json' }, payload: JSON.stringify(body) });
  const patient = (nhsNumber: string, id: string) => ({ fullUrl: `urn:uuid:${id}`, resource: { resourceType: 'Patient', id, identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber }] } });
  const note = (id: string, about: string) => ({ resource: { resourceType: 'Observation', id, status: 'final', subject: { reference: `urn:uuid:${about}` }, code: { text: 'Bruise' }, effectiveDateTime: `${addDays(today, -1)}T10:00:00+00:00` } });
  const entries = async (caseId: string) => (await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).execute()).length;
  const deniedAsClosed = async () =>
    (await t.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('case_id', '=', closedId).where('outcome', '=', 'denied').execute()).filter((row) => (row.details as { reason?: string } | null)?.reason === 'closed-for-transfer').map((row) => row.action);

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const council = await makeOrganisation(t.ctx, 'childrens-social-care', 'County Children’s Services');
    const hospital = await makeOrganisation(t.ctx, 'hospital', 'City Hospital');
    const lead = await makeUser(t.ctx, { organisationId: council.id });
    const clerk = await makeUser(t.ctx, { organisationId: hospital.id });
    clerkToken = await apiTokenFor(t.ctx, clerk.email);
    ({ id: closedId } = await makeCase(t.ctx, { teamUserIds: [lead.id, clerk.id] }));
    const { id: openId } = await makeCase(t.ctx, { teamUserIds: [lead.id, clerk.id] });
    await t.ctx.db.updateTable('cases').set({ nhs_number: BABY_NHS }).where('id', '=', closedId).execute();
    await t.ctx.db.updateTable('cases').set({ nhs_number: OTHER_NHS }).where('id', '=', openId).execute();
    const closed = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${closedId}/transfer`, headers: { authorization: `Bearer ${await apiTokenFor(t.ctx, lead.email)}` }, payload: { toArea: 'Northshire County Council', contact: 'Rita Receiver' } });
    assert.equal(closed.statusCode, 201, closed.body);
  });
  after(async () => t.close());

  it('answers 409 with an OperationOutcome naming each resource, audited once, nothing stored', async () => {
    const before = await entries(closedId);
    const response = await send({ resourceType: 'Bundle', type: 'collection', entry: [patient(BABY_NHS, 'baby'), note('skin-1', 'baby')] });
    assert.equal(response.statusCode, 409, response.body);
    const outcome = response.json<{ resourceType: string; issue: { details: { coding: { code: string }[]; text: string } }[] }>();
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.ok(outcome.issue.some((issue) => issue.details.coding[0]?.code === 'closed-for-transfer' && /closed for transfer to Northshire County Council/.test(issue.details.text)), response.body);
    assert.deepEqual(await deniedAsClosed(), ['chronology.fhir-import']);
    assert.equal(await entries(closedId), before);
  });

  it('stores an open case\'s resources beside and refuses the closed case\'s', async () => {
    const response = await send({ resourceType: 'Bundle', type: 'collection', entry: [patient(BABY_NHS, 'baby'), note('skin-2', 'baby'), patient(OTHER_NHS, 'other'), note('skin-3', 'other')] });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json<{ stored: { index: number }[]; rejected: { index: number; code: string }[] }>();
    assert.deepEqual(result.stored.map((s) => s.index), [3]);
    assert.deepEqual(result.rejected.map((r) => [r.index, r.code]), [[1, 'closed-for-transfer']]);
  });
});
