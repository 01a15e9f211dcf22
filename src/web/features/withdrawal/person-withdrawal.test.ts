import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

describe('the page that withdraws a person added to the wrong family', () => {
  let t: TestApp;
  let caseId: string;
  let personId: string;
  let lead: WebClient;
  let member: WebClient;
  let manager: WebClient;
  let organisationId: string;

  before(async () => {
    t = await createTestApp();
    const org = await makeOrganisation(t.ctx, 'health-visiting', 'Withdraw Health');
    organisationId = org.id;
    const leadUser = await makeUser(t.ctx, { organisationId: org.id, name: 'Lena Lead' });
    const memberUser = await makeUser(t.ctx, { organisationId: org.id });
    const managerUser = await makeUser(t.ctx, { organisationId: org.id, role: 'manager' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Rightfamily', teamUserIds: [leadUser.id, memberUser.id] }));
    await makePerson(t.ctx, caseId, { given_name: 'Priya', family_name: 'Rightfamily' });
    ({ id: personId } = await makePerson(t.ctx, caseId, { given_name: 'Wendel', family_name: 'Wrongfamily', relationship_to_infant: 'father' }));
    [lead, member, manager] = await Promise.all([WebClient.signedIn(t.app, leadUser), WebClient.signedIn(t.app, memberUser), WebClient.signedIn(t.app, managerUser)]);
  });
  after(async () => t.close());

  const url = () => `/cases/${caseId}/people/${personId}/withdrawal`;

  it('is linked from the person’s details, names them, and offers the proposal only to the lead professional', async () => {
    assert.match((await member.get(`/cases/${caseId}/people/${personId}`)).body, new RegExp(`href="${url()}" data-qa="open-person-withdrawal"`));
    const forLead = await lead.get(url());
    assert.equal(forLead.statusCode, 200);
    assert.match(forLead.body, /<title>Withdraw Wendel Wrongfamily: added to the wrong family/);
    assert.ok(qaElement(forLead.body, 'propose-withdrawal'));
    assert.match(textOf(qaElement((await member.get(url())).body, 'ask-lead')), /Only the lead professional can propose it/);
    assert.equal((await lead.get(`/cases/${caseId}/people/no-such-person/withdrawal`)).statusCode, 404);
  });

  it('keeps what was typed and says what to do when the reason is missing, and refuses (audited) a proposal by someone else', async () => {
    const blank = await lead.post(url(), { reason: '  ' });
    assert.equal(blank.statusCode, 400);
    assert.deepEqual(summaryErrors(blank.body), ['#reason: Enter why the person was added to the wrong family']);
    const refused = await member.post(url(), { reason: 'Wrong family' });
    assert.equal(refused.statusCode, 403);
    assert.match(summaryErrors(refused.body)[0] ?? '', /Only the lead professional can propose/);
    assert.doesNotMatch(refused.body, /Wendel|Wrongfamily/, 'a refusal shows nothing of the record, not even whom it is about');
    assert.equal((await t.ctx.db.selectFrom('person_withdrawals').select('person_id').execute()).length, 0);
    const audit = await t.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', 'person.withdrawal-propose').where('case_id', '=', caseId).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.outcome), ['failure', 'denied']);
    const reason = `Wrong ${'x'.repeat(3500)}`;
    const tooLong = await lead.post(url(), { reason });
    assert.equal(tooLong.statusCode, 400);
    assert.deepEqual(summaryErrors(tooLong.body), ['#reason: Why the person was added to the wrong family must be 2,000 characters or fewer: you have 3,506.']);
    assert.ok(tooLong.body.includes(`>${reason}</textarea>`), 'the reason comes back whole, never cut');
  });

  it('takes the proposal, refuses the proposer’s own confirmation, and on a manager’s confirmation removes the person and returns to the case', async () => {
    assert.equal((await lead.post(url(), { reason: 'The neighbour’s partner' })).statusCode, 303);
    const page = await lead.get(url());
    assert.match(textOf(qaElement(page.body, 'withdrawal-proposal')), /Lena Lead.*The neighbour’s partner/s);
    assert.ok(qaElement(page.body, 'awaiting-confirmation'));
    const self = await lead.post(`${url()}/confirm`, {});
    assert.equal(self.statusCode, 403);
    assert.match(summaryErrors(self.body)[0] ?? '', /someone else must confirm it/);
    assert.ok(qaElement((await manager.get(url())).body, 'confirm-withdrawal'));
    // An agency's FHIR import proposed him, and the lead said he is the person recorded: that proposal goes too.
    await t.ctx.db.insertInto('fhir_proposed_people').values({
      case_id: caseId, id: 'proposal-1', organisation_id: organisationId, agency: 'City Hospital', resource: 'RelatedPerson/wendel', given_name: 'Wendel', family_name: 'Wrongfamily',
      relationship_to_infant: 'father', received_at: t.clock.now(), decision: 'same-person', person_id: personId, decided_at: t.clock.now(),
    }).execute();
    const confirmed = await manager.post(`${url()}/confirm`, {});
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, `/cases/${caseId}`);
    const casePage = await manager.get(`/cases/${caseId}`);
    assert.match(casePage.body, /The person added to the wrong family has been withdrawn and removed/);
    assert.doesNotMatch(casePage.body, /Wendel|Wrongfamily/);
    assert.match(casePage.body, /Priya/);
    assert.equal((await t.ctx.db.selectFrom('fhir_proposed_people').select('id').where('case_id', '=', caseId).execute()).length, 0);
    for (const client of [lead, member, manager]) {
      assert.equal((await client.get(`/cases/${caseId}/people/${personId}`)).statusCode, 404);
      assert.equal((await client.get(url())).statusCode, 404);
    }
  });
});
