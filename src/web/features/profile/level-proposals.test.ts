import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

describe('proposing a change of level, and answering it on the case page', () => {
  let t: TestApp;
  let caseId: string;
  const clients: Record<string, WebClient> = {};
  const ids: Record<string, string> = {};
  before(async () => {
    t = await createTestApp();
    const hv = await makeUser(t.ctx, { name: 'Hana Visitor' });
    const housing = await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'housing')).id, name: 'Hal Housing' });
    const socialCare = await makeOrganisation(t.ctx, 'childrens-social-care');
    const social = await makeUser(t.ctx, { organisationId: socialCare.id, name: 'Sam Social' });
    const cscLead = await makeUser(t.ctx, { organisationId: socialCare.id, name: 'Priya Lead', role: 'safeguarding-lead' });
    const manager = await makeUser(t.ctx, { organisationId: socialCare.id, name: 'Max Manager', role: 'manager' });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [hv.id, housing.id, social.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum', history_checked: true });
    for (const [name, user] of Object.entries({ hv, housing, social, cscLead, manager })) {
      ids[name] = user.id;
      clients[name] = await WebClient.signedIn(t.app, user);
    }
  });
  after(async () => t.close());

  const level = async () => (await t.ctx.db.selectFrom('cases').select('level').where('id', '=', caseId).executeTakeFirstOrThrow()).level;
  const openProposal = async () => (await t.ctx.db.selectFrom('level_proposals').select('id').where('case_id', '=', caseId).where('status', '=', 'open').executeTakeFirstOrThrow()).id;

  it('offers the housing officer a proposal when the level is refused, and keeps what was typed on an error', async () => {
    const housing = clients['housing']!;
    await housing.get(`/cases/${caseId}/profile/level`);
    const refused = await housing.post(`/cases/${caseId}/profile/level`, { level: 'child-in-need', why: 'Rent arrears and a new partner' });
    assert.equal(refused.statusCode, 403);
    assert.match(summaryErrors(refused.body).join(), /#level: Only children’s social care .*Propose the change instead/);
    assert.ok(qaElement(refused.body, 'propose-instead'));
    const form = await housing.get(`/cases/${caseId}/profile/level/propose`);
    assert.equal(form.statusCode, 200);
    assert.match(textOf(qaElement(form.body, 'current-level')), /universal/);
    const empty = await housing.post(`/cases/${caseId}/profile/level/propose`, { reason: 'typed but no level' });
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(summaryErrors(empty.body).map((e) => e.split(': ')[0]), ['#level']);
    assert.match(empty.body, /typed but no level/);
  });

  it('stores the proposal, shows it on the review page, and refuses a second one while it is open', async () => {
    const housing = clients['housing']!;
    await housing.get(`/cases/${caseId}/profile/level/propose`);
    const sent = await housing.post(`/cases/${caseId}/profile/level/propose`, { level: 'child-protection', reason: 'A new partner with a violent history moved in' });
    assert.equal(sent.statusCode, 303);
    const review = await housing.get(`/cases/${caseId}/profile/review`);
    assert.match(textOf(qaElement(review.body, 'proposal-open')), /From universal to child protection.*A new partner with a violent history.*Hal Housing.*Waiting for the lead professional/);
    const second = await housing.post(`/cases/${caseId}/profile/level/propose`, { level: 'child-in-need', reason: 'Second thoughts' });
    assert.equal(second.statusCode, 409);
    assert.match(summaryErrors(second.body).join(), /#level: There is already an open proposal, from Hal Housing, to move to child protection/);
    assert.match(second.body, /Second thoughts/);
    const hv = clients['hv']!;
    await hv.get(`/cases/${caseId}/profile/level/propose`);
    const own = await hv.post(`/cases/${caseId}/profile/level/propose`, { level: 'early-help', reason: 'Early help' });
    assert.match(summaryErrors(own.body).join(), /#level: You may change the level yourself/);
    const audits = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('case_id', '=', caseId).where('action', '=', 'case.level-proposal').orderBy('seq').execute();
    assert.deepEqual(audits.map((a) => `${a.outcome}:${(a.details as { reason?: string }).reason ?? ''}`), ['success:', 'failure:proposal-open', 'failure:may-change-level']);
  });

  it('shows the answer form on the case page only to the lead professional and a safeguarding lead', async () => {
    for (const who of ['hv', 'cscLead']) {
      const page = await clients[who]!.get(`/cases/${caseId}`);
      assert.ok(qaElement(page.body, 'decide-proposal'), who);
    }
    for (const who of ['housing', 'social', 'manager']) {
      const page = await clients[who]!.get(`/cases/${caseId}`);
      assert.match(textOf(qaElement(page.body, 'case-level-proposal')), /From universal to child protection/, who);
      assert.equal(qaElement(page.body, 'decide-proposal'), null, who);
    }
    const social = clients['social']!;
    const refused = await social.post(`/cases/${caseId}/level-proposals/${await openProposal()}/decision`, { answer: 'accept', reason: '' });
    assert.equal(refused.statusCode, 403);
  });

  it('asks for a reason to decline, keeping the answer, and refuses the lead a statutory move', async () => {
    const hv = clients['hv']!;
    await hv.get(`/cases/${caseId}`);
    const id = await openProposal();
    const noReason = await hv.post(`/cases/${caseId}/level-proposals/${id}/decision`, { answer: 'decline', reason: '' });
    assert.equal(noReason.statusCode, 409);
    assert.match(summaryErrors(noReason.body).join(), /#reason: Say why you are declining the proposal/);
    assert.match(noReason.body, /value="decline" checked/);
    const noAnswer = await hv.post(`/cases/${caseId}/level-proposals/${id}/decision`, { reason: 'typed' });
    assert.equal(noAnswer.statusCode, 400);
    assert.deepEqual(summaryErrors(noAnswer.body).map((e) => e.split(': ')[0]), ['#answer']);
    assert.match(noAnswer.body, />typed</);
    const statutory = await hv.post(`/cases/${caseId}/level-proposals/${id}/decision`, { answer: 'accept', reason: '' });
    assert.equal(statutory.statusCode, 403);
    assert.match(summaryErrors(statutory.body).join(), /#answer: Only children’s social care/);
    assert.equal(await level(), 'universal');
  });

  it('refuses the social worker a move to child protection on the level form without a conference, saying what to do and keeping the reason', async () => {
    const social = clients['social']!;
    await t.ctx.db.updateTable('cases').set({ level: 'child-in-need' }).where('id', '=', caseId).execute();
    try {
      await social.get(`/cases/${caseId}/profile/level`);
      const refused = await social.post(`/cases/${caseId}/profile/level`, { level: 'child-protection', why: 'Typed reason kept' });
      assert.equal(refused.statusCode, 409);
      assert.match(summaryErrors(refused.body).join(), /#level: A move to child protection follows a child protection conference that decided on a plan\. Record the conference/);
      assert.match(refused.body, /Typed reason kept/);
      const audit = await t.ctx.db.selectFrom('audit_log').select('details').where('case_id', '=', caseId).where('action', '=', 'case.level-change').where('outcome', '=', 'denied').where('actor_user_id', '=', ids['social']!).executeTakeFirstOrThrow();
      assert.equal((audit.details as { reason: string }).reason, 'no-conference');
    } finally {
      await t.ctx.db.updateTable('cases').set({ level: 'universal' }).where('id', '=', caseId).execute();
    }
  });

  it('refuses children’s social care’s safeguarding lead until a conference decided on a plan, then changes the level naming it', async () => {
    const lead = clients['cscLead']!;
    await lead.get(`/cases/${caseId}`);
    const id = await openProposal();
    const noConference = await lead.post(`/cases/${caseId}/level-proposals/${id}/decision`, { answer: 'accept', reason: 'Agreed' });
    assert.equal(noConference.statusCode, 409);
    assert.match(summaryErrors(noConference.body).join(), /#answer: A move to child protection follows a child protection conference/);
    await t.ctx.db
      .insertInto('case_meetings')
      .values({
        case_id: caseId, id: 'conf-1', kind: 'initial-conference', held_on: '2026-11-20', chair: 'Ina Chair', chair_independent: true, parents_present: true,
        attendees: JSON.stringify([{ name: 'Sam Social', agency: 'childrens-social-care' }]), invited_absent: '[]', decisions: JSON.stringify(['Child protection plan']), dissent: null, actions: '[]',
        section47: null, protection_plan: true, recorded_at: t.clock.now(), recorded_by: ids['social']!, recorded_by_name: 'Sam Social',
      })
      .execute();
    const accepted = await lead.post(`/cases/${caseId}/level-proposals/${id}/decision`, { answer: 'accept', reason: '' });
    assert.equal(accepted.statusCode, 303);
    assert.equal(await level(), 'child-protection');
    const version = await t.ctx.db.selectFrom('profile_versions').select(['change', 'why', 'version']).where('case_id', '=', caseId).where('kind', '=', 'level').executeTakeFirstOrThrow();
    assert.equal(version.change['summary'], 'Level changed from universal to child protection following the initial child protection conference of 20 November 2026');
    assert.match(version.why ?? '', /Accepted the proposal from Hal Housing/);
    const row = await t.ctx.db.selectFrom('level_proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.status, row.decided_by_name, row.profile_version], ['accepted', 'Priya Lead', version.version]);
    const review = await clients['housing']!.get(`/cases/${caseId}/profile/review`);
    assert.match(textOf(qaElement(review.body, 'proposal-accepted')), /Accepted .* by Priya Lead/);
    const decisions = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'actor_user_id']).where('case_id', '=', caseId).where('action', '=', 'case.level-proposal-decision').orderBy('seq').execute();
    // The social worker (not a decider), decline without a reason, the lead's statutory move, no conference, then accepted; a form with no answer never reaches the use case.
    assert.deepEqual(decisions.map((d) => d.outcome), ['denied', 'failure', 'denied', 'failure', 'success']);
  });

  it('caps the next review at the next clock and says why', async () => {
    const lead = clients['hv']!;
    const version = async () => String((await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow()).profile_version);
    await lead.get(`/cases/${caseId}/profile/decision`);
    await lead.post(`/cases/${caseId}/profile/decision`, { profileVersion: await version(), decision: 'universal-plus', reasoning: 'Seen at home this week', leadConsulted: 'no' });
    await lead.get(`/cases/${caseId}/profile/review`);
    assert.equal((await lead.post(`/cases/${caseId}/profile/review`, { profileVersion: await version() })).statusCode, 303);
    const page = await lead.get(`/cases/${caseId}/profile/review`);
    assert.match(textOf(qaElement(page.body, 'review-summary')), /Next review due \d{1,2} December 2026: the first core group is due then/);
  });

  it('declines with a reason, which the proposer sees', async () => {
    const housing = clients['housing']!;
    await housing.get(`/cases/${caseId}/profile/level/propose`);
    assert.equal((await housing.post(`/cases/${caseId}/profile/level/propose`, { level: 'looked-after', reason: 'Mum left' })).statusCode, 303);
    const hv = clients['hv']!;
    await hv.get(`/cases/${caseId}`);
    const declined = await hv.post(`/cases/${caseId}/level-proposals/${await openProposal()}/decision`, { answer: 'decline', reason: 'Mum is back: dad’s sister is staying' });
    assert.equal(declined.statusCode, 303);
    const review = await housing.get(`/cases/${caseId}/profile/review`);
    assert.match(textOf(qaElement(review.body, 'proposal-declined')), /Declined .* by Hana Visitor: Mum is back/);
  });
});
