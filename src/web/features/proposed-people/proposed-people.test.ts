import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

const JOY_NHS = '4010232137';
const RECORDED_NHS = '9434765919';

describe('people another agency named around the baby (page)', () => {
  let t: TestApp;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  let caseId: string;
  let withoutNumber: string;
  let withOtherNumber: string;
  let client: WebClient;

  /** A proposal as a FHIR import keeps it (application/fhir/store-proposed-people.ts). */
  const propose = (id: string, fields: Partial<{ given_name: string | null; nhs_number: string | null; relationship_to_infant: string }> = {}) =>
    t.ctx.db.insertInto('fhir_proposed_people').values({
      case_id: caseId, id, organisation_id: lead.organisationId, agency: 'City Hospital', resource: `RelatedPerson/${id}`,
      given_name: 'Joy', family_name: 'Smith', relationship_to_infant: 'unknown', relationship_as_sent: 'wife', sex: 'female', date_of_birth: '1990-05-01', nhs_number: JOY_NHS, received_at: t.clock.now(), ...fields,
    }).execute();
  const decided = (id: string) => t.ctx.db.selectFrom('fhir_proposed_people').select(['decision', 'person_id', 'decided_by']).where('id', '=', id).executeTakeFirstOrThrow();
  const audits = (action: string) => t.ctx.db.selectFrom('audit_log').select(['subject_id', 'details', 'outcome']).where('case_id', '=', caseId).where('action', '=', action).execute();

  before(async () => {
    t = await createTestApp();
    lead = await makeUser(t.ctx);
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id] }));
    ({ id: withoutNumber } = await makePerson(t.ctx, caseId, { given_name: 'Sam', family_name: 'Hart', relationship_to_infant: 'father' }));
    ({ id: withOtherNumber } = await makePerson(t.ctx, caseId, { given_name: 'Sarah', family_name: 'Hart', nhs_number: RECORDED_NHS }));
    client = await WebClient.signedIn(t.app, lead);
  });
  after(async () => t.close());

  it('shows each person sent, what was sent about them, and every way to decide, audited as a look', async () => {
    await propose('joy');
    const response = await client.get(`/cases/${caseId}/proposed-people`);
    assert.equal(response.statusCode, 200);
    const joy = textOf(qaElement(response.body, 'proposal-joy'));
    for (const said of ['Joy Smith', 'Related as the agency put it wife', 'Date of birth 1 May 1990', 'NHS number 401 023 2137', 'Sex Female', 'Sent by City Hospital', 'Add as a new person', 'This is Sam Hart (father)', 'This is Sarah Hart (mother)', 'Not part of this family']) {
      assert.ok(joy.includes(said), `${said} in: ${joy}`);
    }
    const [audit] = await audits('person.proposals-view');
    assert.deepEqual((audit!.details as { proposals: string[] }).proposals, ['joy']);
  });

  it('refuses a form with nothing chosen, saying what to do, and changes nothing', async () => {
    const response = await client.post(`/cases/${caseId}/proposed-people/joy`, {});
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#decision-joy: Select whether to add this person, who they are on the record, or that they are not part of this family']);
    assert.equal((await decided('joy')).decision, null);
  });

  it('keeps the choice made when the person recorded has another NHS number, and says how to go on', async () => {
    const response = await client.post(`/cases/${caseId}/proposed-people/joy`, { decision: `person:${withOtherNumber}` });
    assert.equal(response.statusCode, 400);
    assert.match(summaryErrors(response.body)[0]!, /#decision-joy: This person is recorded with a different NHS number/);
    assert.match(qaElement(response.body, 'proposal-joy')!, new RegExp(`value="person:${withOtherNumber}" checked`));
    assert.equal((await decided('joy')).decision, null);
  });

  it('keeps the relationship typed when it is not one of the list', async () => {
    const response = await client.post(`/cases/${caseId}/proposed-people/joy`, { decision: 'new-person', relationshipToInfant: 'wife' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#relationship-joy: Select how this person is related to the baby']);
    assert.match(qaElement(response.body, 'proposal-joy')!, /value="new-person" checked/);
  });

  it('adds them as a new person with what was sent, a profile version and an audit entry, and opens their details to complete', async () => {
    const response = await client.post(`/cases/${caseId}/proposed-people/joy`, { decision: 'new-person', relationshipToInfant: 'mothers-partner' });
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    const { person_id: personId, decision, decided_by: decidedBy } = await decided('joy');
    assert.deepEqual([decision, decidedBy, response.headers.location], ['new-person', lead.id, `/cases/${caseId}/people/${personId!}`]);
    const person = await t.ctx.db.selectFrom('people').selectAll().where('id', '=', personId!).executeTakeFirstOrThrow();
    assert.deepEqual([person.given_name, person.family_name, person.relationship_to_infant, person.nhs_number, person.date_of_birth, person.lives_in_household], ['Joy', 'Smith', 'mothers-partner', JOY_NHS, '1990-05-01', false]);
    const version = await t.ctx.db.selectFrom('profile_versions').select('kind').where('case_id', '=', caseId).orderBy('version', 'desc').executeTakeFirstOrThrow();
    assert.equal(version.kind, 'person');
    assert.deepEqual((await audits('person.proposal-decide')).map((a) => [a.subject_id, (a.details as { decision: string }).decision]), [['joy', 'new-person']]);
    assert.match((await client.get(response.headers.location!)).body, /Joy Smith added to the record/);
  });

  it('refuses a decision about someone already decided, saying so', async () => {
    const response = await client.post(`/cases/${caseId}/proposed-people/joy`, { decision: 'not-in-family' });
    assert.equal(response.statusCode, 409);
    assert.match(summaryErrors(response.body).join(), /Someone has already decided about this person/);
    assert.equal((await decided('joy')).decision, 'new-person');
  });

  it('records that they are a person already recorded, with the NHS number sent when the record had none', async () => {
    await propose('sam', { given_name: 'Samuel', nhs_number: '4857771004' });
    const response = await client.post(`/cases/${caseId}/proposed-people/sam`, { decision: `person:${withoutNumber}` });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/cases/${caseId}/proposed-people`);
    assert.deepEqual(await decided('sam'), { decision: 'same-person', person_id: withoutNumber, decided_by: lead.id });
    assert.equal((await t.ctx.db.selectFrom('people').select('nhs_number').where('id', '=', withoutNumber).executeTakeFirstOrThrow()).nhs_number, '4857771004');
    const followed = await client.get(response.headers.location);
    assert.match(followed.body, /Recorded that the person the other agency named is Sam Hart/);
    assert.equal(qaElement(followed.body, 'proposal-sam'), null, 'no longer waiting');
  });

  it('records that someone is not part of this family, adding nobody', async () => {
    await propose('ann', { given_name: 'Ann', nhs_number: null });
    const peopleBefore = await t.ctx.db.selectFrom('people').select('id').where('case_id', '=', caseId).execute();
    const response = await client.post(`/cases/${caseId}/proposed-people/ann`, { decision: 'not-in-family' });
    assert.equal(response.statusCode, 303);
    assert.deepEqual(await decided('ann'), { decision: 'not-in-family', person_id: null, decided_by: lead.id });
    assert.deepEqual(await t.ctx.db.selectFrom('people').select('id').where('case_id', '=', caseId).execute(), peopleBefore);
    assert.ok(qaElement((await client.get(`/cases/${caseId}/proposed-people`)).body, 'no-proposals'));
  });

  it('answers a proposal that is not on this record with the not-found page', async () => {
    const response = await client.post(`/cases/${caseId}/proposed-people/nobody`, { decision: 'not-in-family' });
    assert.equal(response.statusCode, 404);
  });
});
