// H7 (ADR 0027, amendment): the alert asking a safeguarding lead to confirm or overturn a decision is a
// request for an answer. Acknowledging it is refused, audited, while the decision awaits one; it stays
// open and escalates on the clock of any alert; a lead's answer closes it for everyone it reached; and
// when no lead it reached can answer any more (account switched off, or no longer a lead who sees the
// case) it goes on to the leads who can, else the partnership's, else it says it reached nobody.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { WebClient } from '../../../test/helpers/web-client.ts';
import { ESCALATION_UNREACHED } from '../../domain/alerts/recipients.ts';
import { DECISION_REQUEST_MESSAGES } from '../../domain/alerts/decision-request.ts';
import { acknowledgeAlert } from '../alerts/acknowledge-alert.ts';
import { escalateOverdueAlerts } from '../alerts/escalate-alerts.ts';
import { notTakenUp } from '../alerts/open-alerts.ts';
import { confirmDecision } from './confirm-decision.ts';
import { recordDecision } from './record-decision.ts';

describe('the request for a safeguarding lead’s answer to a decision', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  /** A team of two health visitors with a critical finding showing, two leads of their organisation, and a decision below it naming the first lead. */
  async function awaitingDecision(name: string) {
    const health = await makeOrganisation(t.ctx, 'health-visiting', `${name} Health Visiting`);
    const visitor = await makeUser(t.ctx, { name: `${name} Visitor`, organisationId: health.id });
    const colleague = await makeUser(t.ctx, { name: `${name} Colleague`, organisationId: health.id });
    const mark = await makeUser(t.ctx, { name: 'Mark Ellis', role: 'safeguarding-lead', organisationId: health.id });
    const lena = await makeUser(t.ctx, { name: 'Lena Lead', role: 'safeguarding-lead', organisationId: health.id });
    const { id: caseId } = await makeCase(t.ctx, { familyName: name, teamUserIds: [visitor.id, colleague.id] });
    await makePerson(t.ctx, caseId, { id: 'mum', history_checked: true });
    const client = await WebClient.signedIn(t.app, visitor);
    for (const [factorId, detail] of [['unsafe-sleep', 'Baby sleeps on the sofa with dad'], ['smoking-in-home', 'Both parents smoke indoors']] as const) {
      await client.get(`/cases/${caseId}/profile/household/${factorId}`);
      assert.equal((await client.post(`/cases/${caseId}/profile/household/${factorId}`, { version: '0', status: 'present', detail })).statusCode, 303);
    }
    const { profile_version: profileVersion } = await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow();
    const recorded = await recordDecision(t.ctx, actorFor(visitor), caseId, { decision: 'universal-plus', reasoning: 'Support at home', leadConsulted: false, confirmingLeadId: mark.id, profileVersion });
    assert.ok(recorded.ok && recorded.awaitingConfirmation && recorded.alertId);
    return { caseId, visitor, mark, lena, decisionId: recorded.id, alertId: recorded.alertId };
  }

  const recipients = (alertId: string) => t.ctx.db.selectFrom('alert_recipients').select(['user_id', 'reached_as', 'acknowledged_at', 'acknowledged_note']).where('alert_id', '=', alertId).orderBy('created_at').orderBy('user_id').execute();
  const isOpen = async (alertId: string) => (await t.ctx.db.selectFrom('alerts').select('id').where('id', '=', alertId).where(notTakenUp).execute()).length === 1;
  const lastAudit = async (alertId: string) => (await t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'actor_user_id', 'details']).where('subject_id', '=', alertId).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow());

  it('names the decision it asks about', async () => {
    const { alertId, decisionId } = await awaitingDecision('Named');
    assert.equal((await t.ctx.db.selectFrom('alerts').select('decision_id').where('id', '=', alertId).executeTakeFirstOrThrow()).decision_id, decisionId);
  });

  it('cannot be acknowledged while the decision awaits an answer: refused with words to answer it, audited, and still open', async () => {
    const { caseId, mark, visitor, decisionId, alertId } = await awaitingDecision('Tomorrow');
    const refused = await acknowledgeAlert(t.ctx, actorFor(mark), alertId, 'Will look at it tomorrow');
    assert.deepEqual(refused, { ok: false, code: 'answer-needed', message: DECISION_REQUEST_MESSAGES['answer-needed'], caseId, decisionId });
    assert.match(refused.ok ? '' : refused.message, /confirm or overturn the decision/);
    assert.deepEqual(await lastAudit(alertId), { action: 'alert.acknowledge', outcome: 'denied', actor_user_id: mark.id, details: { refused: 'answer-needed', decisionId } });
    assert.deepEqual((await recipients(alertId)).map((r) => [r.user_id, r.acknowledged_at]), [[mark.id, null]]);
    assert.equal(await isOpen(alertId), true);
    // Someone it did not reach is refused as before.
    const outsider = await acknowledgeAlert(t.ctx, actorFor(visitor), alertId, 'Seen');
    assert.ok(!outsider.ok && outsider.code === 'forbidden');
  });

  it('stays open after an acknowledgement written before this rule, and escalates on the clock of any alert', async () => {
    const { mark, lena, alertId } = await awaitingDecision('Clock');
    // As the user walk found it: acknowledged with a note before acknowledging was refused.
    await t.ctx.db.updateTable('alert_recipients').set({ acknowledged_at: t.clock.now(), acknowledged_note: 'Will look at it tomorrow' }).where('alert_id', '=', alertId).execute();
    assert.equal(await isOpen(alertId), true);
    t.clock.advanceMinutes(3 * 60);
    assert.equal((await escalateOverdueAlerts(t.ctx)).escalated.some((e) => e.alertId === alertId), false, 'not before the hours');
    t.clock.advanceMinutes(60);
    const report = await escalateOverdueAlerts(t.ctx);
    const escalated = report.escalated.find((e) => e.alertId === alertId);
    assert.deepEqual(escalated?.safeguardingLeads, [lena.id].filter((id) => id !== mark.id));
    assert.deepEqual((await recipients(alertId)).map((r) => r.user_id).sort(), [mark.id, lena.id].sort());
  });

  it('closes for everyone it reached when a lead answers, whoever it named; the decider is never one', async () => {
    const { caseId, mark, lena, decisionId, alertId } = await awaitingDecision('Answered');
    t.clock.advanceMinutes(4 * 60);
    await escalateOverdueAlerts(t.ctx);
    assert.equal((await recipients(alertId)).length, 2);
    const answered = await confirmDecision(t.ctx, actorFor(lena), caseId, decisionId, { answer: 'confirmed', reasoning: 'Seen at home: the cot is up' });
    assert.ok(answered.ok);
    const rows = await recipients(alertId);
    assert.deepEqual(
      rows.map((r) => [r.user_id, r.acknowledged_note]).sort(),
      [
        [mark.id, `Closed: Lena Lead (Answered Health Visiting) confirmed the decision "Universal plus": Seen at home: the cot is up`],
        [lena.id, 'Confirmed the decision "Universal plus": Seen at home: the cot is up'],
      ].sort(),
    );
    assert.ok(rows.every((r) => r.acknowledged_at?.getTime() === t.clock.now().getTime()));
    assert.equal(await isOpen(alertId), false);
    const late = await acknowledgeAlert(t.ctx, actorFor(mark), alertId, 'Will look at it tomorrow');
    assert.ok(!late.ok && late.code === 'already-acknowledged');
  });

  it('an overturned decision closes it too', async () => {
    const { caseId, mark, decisionId, alertId } = await awaitingDecision('Overturned');
    assert.ok((await confirmDecision(t.ctx, actorFor(mark), caseId, decisionId, { answer: 'overturned', reasoning: 'Needs a strategy discussion' })).ok);
    assert.deepEqual((await recipients(alertId)).map((r) => r.acknowledged_note), ['Overturned the decision "Universal plus": Needs a strategy discussion']);
    assert.equal(await isOpen(alertId), false);
  });

  it('goes on at once to another lead when the named one loses the role or the account, then to the partnership, else says it reached nobody', async () => {
    const { mark, lena, alertId, caseId } = await awaitingDecision('Leaver');
    const admin = await makeUser(t.ctx, { role: 'admin', name: 'Ada Admin' });
    // Mark still can answer: nothing moves.
    assert.equal((await escalateOverdueAlerts(t.ctx)).sentOn.some((s) => s.alertId === alertId), false);
    // Mark is no longer a safeguarding lead: Lena, who sees the case, is asked, without waiting for the hours.
    await t.ctx.db.updateTable('users').set({ role: 'practitioner' }).where('id', '=', mark.id).execute();
    const first = await escalateOverdueAlerts(t.ctx);
    assert.deepEqual(first.sentOn.find((s) => s.alertId === alertId), { alertId, caseId, safeguardingLeads: [lena.id], via: 'case-leads' });
    assert.deepEqual((await recipients(alertId)).map((r) => [r.user_id, r.reached_as, r.acknowledged_at]).sort(), [[mark.id, 'safeguarding-lead', null], [lena.id, 'safeguarding-lead', null]].sort());
    assert.equal((await t.ctx.db.selectFrom('outbox').select('id').where('alert_id', '=', alertId).where('to_address', '=', lena.email).execute()).length, 1);
    assert.deepEqual(await lastAudit(alertId), { action: 'alert.escalate', outcome: 'success', actor_user_id: null, details: { because: 'no-lead-reached-can-answer', safeguardingLeads: [lena.id], via: 'case-leads' } });
    assert.equal((await escalateOverdueAlerts(t.ctx)).sentOn.some((s) => s.alertId === alertId), false, 'once');
    // Lena's account is switched off; no other lead sees the case and the partnership has none designated
    // (other tests' leads are of other organisations, none designated): it says so, and the administrators are told.
    await t.ctx.db.updateTable('users').set({ disabled_at: t.clock.now() }).where('id', '=', lena.id).execute();
    const second = await escalateOverdueAlerts(t.ctx);
    assert.deepEqual(second.sentOn.find((s) => s.alertId === alertId), { alertId, caseId, safeguardingLeads: [], via: 'nobody' });
    assert.equal((await t.ctx.db.selectFrom('alerts').select('escalation_unreached').where('id', '=', alertId).executeTakeFirstOrThrow()).escalation_unreached, ESCALATION_UNREACHED);
    assert.equal((await t.ctx.db.selectFrom('outbox').select('id').where('alert_id', '=', alertId).where('to_address', '=', admin.email).execute()).length, 1);
    assert.equal((await escalateOverdueAlerts(t.ctx)).sentOn.some((s) => s.alertId === alertId), false, 'said once');
    // A partnership lead is designated: the next round asks her.
    const pia = await makeUser(t.ctx, { role: 'safeguarding-lead', name: 'Pia Partnership' });
    await t.ctx.db.insertInto('partnership_view_grants').values({ user_id: pia.id, granted_at: t.clock.now(), granted_by: admin.id, granted_by_name: 'Ada Admin' }).execute();
    const third = await escalateOverdueAlerts(t.ctx);
    assert.deepEqual(third.sentOn.find((s) => s.alertId === alertId), { alertId, caseId, safeguardingLeads: [pia.id], via: 'partnership' });
  });
});
