// H1 (ADR 0027): a decision below the level a critical finding suggests is not in force on one
// practitioner's word. It awaits a safeguarding lead's account, chosen on the form; the lead is sent an
// alert; until they confirm, the finding has no decision, the review cannot be signed off and the
// critical alert stays open; the decider may not confirm their own; refusals are audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, qaElements, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { notTakenUp } from '../../../application/alerts/open-alerts.ts';

describe('a decision below the level a critical finding suggests awaits a safeguarding lead', () => {
  let t: TestApp;
  let caseId: string;
  let practitioner: Awaited<ReturnType<typeof makeUser>>;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  let leadPractitioner: Awaited<ReturnType<typeof makeUser>>;
  let client: WebClient;
  let leadClient: WebClient;
  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting', 'Health Visiting');
    practitioner = await makeUser(t.ctx, { name: 'Hana Visitor', organisationId: health.id });
    const colleague = await makeUser(t.ctx, { name: 'Gail Colleague', organisationId: health.id });
    lead = await makeUser(t.ctx, { name: 'Lena Lead', role: 'safeguarding-lead', organisationId: health.id });
    // A lead in the team who records a decision herself: she may not confirm it.
    leadPractitioner = await makeUser(t.ctx, { name: 'Rita Selflead', role: 'safeguarding-lead', organisationId: health.id });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [practitioner.id, colleague.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum', history_checked: true });
    client = await WebClient.signedIn(t.app, practitioner);
    leadClient = await WebClient.signedIn(t.app, lead);
    for (const [factorId, detail] of [['unsafe-sleep', 'Baby sleeps on the sofa with dad'], ['smoking-in-home', 'Both parents smoke indoors']] as const) {
      await client.get(url(`household/${factorId}`));
      assert.equal((await client.post(url(`household/${factorId}`), { version: '0', status: 'present', detail })).statusCode, 303);
    }
  });
  after(async () => t.close());

  const url = (path: string) => `/cases/${caseId}/profile/${path}`;
  const currentVersion = async () => String((await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow()).profile_version);
  const denied = async (action: string, userId: string) =>
    (await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', action).where('outcome', '=', 'denied').where('actor_user_id', '=', userId).execute()).length;
  const criticalAlertOpen = async () =>
    (await t.ctx.db.selectFrom('alerts').select('id').where('case_id', '=', caseId).where('reason', '=', 'critical-finding').where(notTakenUp).execute()).length > 0;

  it('says on the profile page which severities need a decision', async () => {
    const page = await client.get(`/cases/${caseId}/profile`);
    assert.match(textOf(qaElement(page.body, 'needing-decision')), /^\d+ critical( and \d+ high)? findings? needs? an escalation decision before the profile can be marked reviewed\.$/);
  });

  it('shows every error of the decision form at once, the form\'s and the rules\', and gives back what was typed', async () => {
    await client.get(url('decision'));
    const version = await currentVersion();
    // The schema fails (no reasoning), and the rules too: a lead consulted with no name, no lead chosen to confirm.
    const page = await client.post(url('decision'), { profileVersion: version, decision: 'no-further-action', reasoning: '', leadConsulted: 'yes', leadName: '', confirmingLead: '' });
    assert.equal(page.statusCode, 400);
    assert.deepEqual(summaryErrors(page.body).map((e) => e.split(': ')[0]), ['#reasoning', '#leadName', '#confirmingLead']);
    assert.match(page.body, /value="no-further-action" checked/);
    // The rules alone (the schema passes): a typed name is no confirmation, and a made-up lead is refused.
    const typed = await client.post(url('decision'), { profileVersion: version, decision: 'no-further-action', reasoning: 'Parents agreed to <safe> sleep', leadConsulted: 'yes', leadName: 'x', confirmingLead: 'x' });
    assert.equal(typed.statusCode, 400);
    assert.deepEqual(summaryErrors(typed.body).map((e) => e.split(': ')[0]), ['#confirmingLead']);
    assert.match(typed.body, /Parents agreed to &lt;safe&gt; sleep/);
    assert.match(typed.body, /name="leadName" type="text" value="x"/);
    const mine = await client.post(url('decision'), { profileVersion: version, decision: 'universal-plus', reasoning: 'r', leadConsulted: 'no', confirmingLead: practitioner.id });
    assert.match(summaryErrors(mine.body).join(), /#confirmingLead: Choose a safeguarding lead other than yourself/);
    assert.equal((await t.ctx.db.selectFrom('profile_decisions').select('id').where('case_id', '=', caseId).execute()).length, 0);
  });

  it('records it awaiting the chosen lead, who is sent an alert; the finding still has no decision and the critical alert stays open', async () => {
    const form = await client.get(url('decision'));
    assert.match(form.body, /Lena Lead, Health Visiting/);
    const saved = await client.post(url('decision'), { profileVersion: await currentVersion(), decision: 'no-further-action', reasoning: 'Parents agreed to move the cot', leadConsulted: 'yes', leadName: 'x', confirmingLead: lead.id });
    assert.equal(saved.statusCode, 303);
    const decision = await t.ctx.db.selectFrom('profile_decisions').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
    assert.equal(decision.confirming_lead_id, lead.id);
    const version = await t.ctx.db.selectFrom('profile_versions').select(['kind', 'change']).where('case_id', '=', caseId).orderBy('version', 'desc').executeTakeFirstOrThrow();
    assert.equal(version.kind, 'decision');
    assert.match(String(version.change['summary']), /awaiting a safeguarding lead's confirmation/);
    const alert = await t.ctx.db.selectFrom('alerts').innerJoin('alert_recipients', 'alert_recipients.alert_id', 'alerts.id').selectAll().where('alerts.case_id', '=', caseId).where('reason', '=', 'decision-to-confirm').execute();
    assert.deepEqual(alert.map((a) => [a.user_id, a.reached_as, a.acknowledged_at]), [[lead.id, 'safeguarding-lead', null]]);
    assert.equal((await t.ctx.db.selectFrom('outbox').select('id').where('alert_id', '=', alert[0]!.alert_id).execute()).length, 1);
    assert.equal(await criticalAlertOpen(), true);
    const review = await client.get(url('review'));
    assert.match(textOf(qaElement(review.body, 'decision-standing')), /Not in force: awaiting confirmation by Lena Lead/);
    assert.match(textOf(qaElement(review.body, 'decision-needed')), /Unsafe sleep/i);
    assert.equal(qaElement(review.body, 'confirm-decision'), null, 'the practitioner is offered no confirmation');
    const refused = await client.post(url('review'), { profileVersion: await currentVersion() });
    assert.equal(refused.statusCode, 409);
    assert.match(textOf(qaElement((await client.get(`/cases/${caseId}/profile`)).body, 'needing-decision')), /awaits a safeguarding lead’s confirmation/);
  });

  it('refuses the practitioner, audited, and a lead confirming her own decision, audited', async () => {
    const decisionId = (await t.ctx.db.selectFrom('profile_decisions').select('id').where('case_id', '=', caseId).executeTakeFirstOrThrow()).id;
    const before = await denied('profile.decision-confirmation', practitioner.id);
    const page = await client.get(url(`decisions/${decisionId}/confirmation`));
    assert.match(textOf(qaElement(page.body, 'confirmation-refused')), /Only a safeguarding lead/);
    const posted = await client.post(url(`decisions/${decisionId}/confirmation`), { answer: 'confirmed', reasoning: 'Fine by me' });
    assert.equal(posted.statusCode, 403);
    assert.equal(await denied('profile.decision-confirmation', practitioner.id), before + 1);
    // A lead in the team records a decision of her own, naming the other lead, then tries to confirm it herself.
    await t.ctx.db.insertInto('case_team').values({ case_id: caseId, user_id: leadPractitioner.id, role: 'member', added_at: t.clock.now(), added_by: null }).execute();
    const self = await WebClient.signedIn(t.app, leadPractitioner);
    await self.get(url('decision'));
    const own = await self.post(url('decision'), { profileVersion: await currentVersion(), decision: 'early-help-assessment', reasoning: 'Early help first', leadConsulted: 'no', confirmingLead: leadPractitioner.id });
    assert.match(summaryErrors(own.body).join(), /#confirmingLead: Choose a safeguarding lead other than yourself/);
    await self.get(url('decision'));
    assert.equal((await self.post(url('decision'), { profileVersion: await currentVersion(), decision: 'early-help-assessment', reasoning: 'Early help first', leadConsulted: 'no', confirmingLead: lead.id })).statusCode, 303);
    const ownId = (await t.ctx.db.selectFrom('profile_decisions').select('id').where('case_id', '=', caseId).where('decided_by', '=', leadPractitioner.id).executeTakeFirstOrThrow()).id;
    await self.get(url(`decisions/${ownId}/confirmation`));
    const mine = await self.post(url(`decisions/${ownId}/confirmation`), { answer: 'confirmed', reasoning: 'My own' });
    assert.equal(mine.statusCode, 403);
    assert.match(mine.body, /You recorded this decision/);
    assert.equal(await denied('profile.decision-confirmation', leadPractitioner.id), 1);
    // She overturns nothing of hers, but the other lead overturns it: it never comes into force.
    await leadClient.get(url(`decisions/${ownId}/confirmation`));
    assert.equal((await leadClient.post(url(`decisions/${ownId}/confirmation`), { answer: 'overturned', reasoning: 'A critical finding: strategy discussion' })).statusCode, 303);
    assert.match(textOf(qaElements((await client.get(url('review'))).body, 'decision-standing')[0] ?? null), /^Overturned, so never in force/);
  });

  it('the chosen lead confirms with reasoning: in force, the review can be marked, her alert acknowledged', async () => {
    const decisionId = (await t.ctx.db.selectFrom('profile_decisions').select('id').where('case_id', '=', caseId).where('decided_by', '=', practitioner.id).executeTakeFirstOrThrow()).id;
    const review = await leadClient.get(url('review'));
    assert.ok(qaElement(review.body, 'confirm-decision'));
    const form = await leadClient.get(url(`decisions/${decisionId}/confirmation`));
    assert.match(form.body, /a record of a conversation: it does not confirm the decision/);
    const empty = await leadClient.post(url(`decisions/${decisionId}/confirmation`), { reasoning: 'typed but no answer' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /typed but no answer/);
    const versionBefore = Number(await currentVersion());
    const confirmed = await leadClient.post(url(`decisions/${decisionId}/confirmation`), { answer: 'confirmed', reasoning: 'Spoke to the family: cot moved, seen' });
    assert.equal(confirmed.statusCode, 303);
    assert.equal(Number(await currentVersion()), versionBefore + 1);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'subject_id']).where('action', '=', 'profile.decision-confirmation').where('actor_user_id', '=', lead.id).where('subject_id', '=', decisionId).execute();
    assert.deepEqual(audit.map((a) => a.outcome), ['success']);
    const recipient = await t.ctx.db.selectFrom('alert_recipients').innerJoin('alerts', 'alerts.id', 'alert_recipients.alert_id').select(['acknowledged_note']).where('alerts.case_id', '=', caseId).where('alerts.reason', '=', 'decision-to-confirm').where('user_id', '=', lead.id).execute();
    assert.ok(recipient.every((r) => r.acknowledged_note?.startsWith('Confirmed the decision "No further action"') || r.acknowledged_note?.startsWith('Overturned')));
    assert.match(textOf(qaElements((await client.get(url('review'))).body, 'decision-standing').at(-1) ?? null), /^Confirmed: .* by Lena Lead, Health Visiting: Spoke to the family/);
    // Answered once: a second answer is refused, audited.
    const again = await leadClient.post(url(`decisions/${decisionId}/confirmation`), { answer: 'overturned', reasoning: 'Changed my mind' });
    assert.equal(again.statusCode, 409);
    await client.get(url('review'));
    assert.equal((await client.post(url('review'), { profileVersion: await currentVersion() })).statusCode, 303);
  });

  it('the API publishes the leads, the standing, and refuses a confirmation by the decider', async () => {
    const token = await apiTokenFor(t.ctx, practitioner.email);
    const api = (method: 'GET' | 'POST', path: string, payload?: object) => t.app.inject({ method, url: `/api/v1/cases/${caseId}${path}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    const leads = await api('GET', '/profile/decision-leads');
    assert.equal(leads.statusCode, 200);
    assert.deepEqual(leads.json<{ offered: { name: string }[] }>().offered.map((l: { name: string }) => l.name), ['Lena Lead', 'Rita Selflead']);
    const noLead = await api('POST', '/profile/decisions', { decision: 'universal-plus', reasoning: 'Support', leadConsulted: true, profileVersion: Number(await currentVersion()) });
    assert.equal(noLead.statusCode, 400);
    assert.deepEqual(noLead.json<{ error: { details: { path: string }[] } }>().error.details.map((d: { path: string }) => d.path), ['/leadName', '/confirmingLeadId']);
    const recorded = await api('POST', '/profile/decisions', { decision: 'universal-plus', reasoning: 'Support', leadConsulted: false, confirmingLeadId: lead.id, profileVersion: Number(await currentVersion()) });
    assert.equal(recorded.statusCode, 201);
    assert.equal(recorded.json<{ awaitingConfirmation: boolean }>().awaitingConfirmation, true);
    const listed = await api('GET', '/profile/decisions');
    assert.equal(listed.json<{ decisions: { standing: string }[] }>().decisions[0]?.standing, 'awaiting-confirmation');
    const refused = await api('POST', `/profile/decisions/${recorded.json<{ id: string }>().id}/confirmation`, { answer: 'confirmed', reasoning: 'mine' });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json<{ error: { code: string } }>().error.code, 'not-a-lead');
  });
});
