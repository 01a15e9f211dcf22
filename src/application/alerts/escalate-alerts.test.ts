import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, testConfig, type TestApp } from '../../../test/helpers/test-app.ts';
import { ConfigError } from '../../config.ts';
import { discharge, makeFamily, makePartnership, outboxFor, recipientsOf, record, type Partnership } from './alerts.test-support.ts';
import { acknowledgeAlert } from './acknowledge-alert.ts';
import { escalateOverdueAlerts } from './escalate-alerts.ts';

describe('escalating alerts nobody acknowledged', () => {
  let t: TestApp;
  let p: Partnership;
  before(async () => {
    t = await createTestApp();
    p = await makePartnership(t);
  });
  after(async () => t.close());

  const escalatedIds = async () => (await escalateOverdueAlerts(t.ctx)).escalated.map((e) => e.alertId);
  const alertRow = (id: string) => t.ctx.db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('escalates after the configured hours (4 by default) to the safeguarding leads of the organisations in the team, and not before', async () => {
    assert.equal(t.ctx.config.alertEscalationHours, 4);
    const caseId = await makeFamily(t, p, 'Unseen');
    const alertId = (await record(t, p.nurse, caseId, discharge)).alerts[0]!.id;

    t.clock.advanceMinutes(4 * 60 - 1);
    assert.ok(!(await escalatedIds()).includes(alertId));
    assert.equal((await alertRow(alertId)).escalated_at, null);

    t.clock.advanceMinutes(1);
    const report = await escalateOverdueAlerts(t.ctx);
    const mine = report.escalated.find((e) => e.alertId === alertId);
    assert.deepEqual(new Set(mine?.safeguardingLeads), new Set([p.socialCareLead.id, p.healthVisitingLead.id]), 'not the police lead: the police are not in this team');
    assert.deepEqual((await alertRow(alertId)).escalated_at, t.clock.now());

    const leads = (await recipientsOf(t, alertId)).filter((r) => r.reached_as === 'safeguarding-lead');
    assert.equal(leads.length, 2);
    const mail = (await outboxFor(t, alertId)).find((m) => m.to_address === p.socialCareLead.email);
    assert.equal(mail?.subject, 'Not acknowledged: High alert – Discharged from hospital or a neonatal unit');
    assert.match(mail?.body ?? '', /^Nobody in the team around the family has acknowledged this alert in 4 hours, so it comes to you as a safeguarding lead\./);

    const audit = await t.ctx.db.selectFrom('audit_log').select(['channel', 'actor_user_id', 'details']).where('action', '=', 'alert.escalate').where('subject_id', '=', alertId).execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.channel, 'system');
    assert.equal(audit[0]!.actor_user_id, null);
  });

  it('ends a round after the alert it is on when asked to stop, and the next round escalates the rest', async () => {
    const first = (await record(t, p.nurse, await makeFamily(t, p, 'Stop one'), discharge)).alerts[0]!.id;
    const second = (await record(t, p.nurse, await makeFamily(t, p, 'Stop two'), discharge)).alerts[0]!.id;
    t.clock.advanceMinutes(5 * 60);
    let asked = 0;
    const stopped = await escalateOverdueAlerts(t.ctx, undefined, { shouldStop: () => asked++ > 0 });
    assert.equal(stopped.escalated.length, 1, 'one alert escalated before the stop');
    assert.equal(asked, 2, 'asked before each alert, and not again after the stop');
    const rest = await escalatedIds();
    assert.ok([...stopped.escalated.map((e) => e.alertId), ...rest].includes(first) && [...stopped.escalated.map((e) => e.alertId), ...rest].includes(second));
    assert.ok(!rest.includes(stopped.escalated[0]!.alertId), 'nothing escalated twice');
    assert.equal(await escalateOverdueAlerts(t.ctx, undefined, { shouldStop: () => true }).then((r) => r.escalated.length), 0);
  });

  it('escalates each alert once, however often it runs', async () => {
    const caseId = await makeFamily(t, p, 'Once');
    const alertId = (await record(t, p.nurse, caseId, discharge)).alerts[0]!.id;
    t.clock.advanceMinutes(5 * 60);
    assert.ok((await escalatedIds()).includes(alertId));
    const mails = (await outboxFor(t, alertId)).length;
    t.clock.advanceMinutes(24 * 60);
    const [again, atOnce] = await Promise.all([escalatedIds(), escalatedIds()]);
    assert.ok(!again.includes(alertId) && !atOnce.includes(alertId));
    assert.equal((await outboxFor(t, alertId)).length, mails);
    assert.equal((await recipientsOf(t, alertId)).length, 5);
  });

  it('does not escalate an alert someone acknowledged with a note', async () => {
    const caseId = await makeFamily(t, p, 'TakenUp');
    const alertId = (await record(t, p.nurse, caseId, discharge)).alerts[0]!.id;
    assert.ok((await acknowledgeAlert(t.ctx, actorFor(p.healthVisitor), alertId, 'Visiting this afternoon')).ok);
    t.clock.advanceMinutes(10 * 60);
    assert.ok(!(await escalatedIds()).includes(alertId));
  });

  it('escalates though the person who raised it is acknowledged automatically', async () => {
    const caseId = await makeFamily(t, p, 'OnlyRecorder');
    const alertId = (await record(t, p.socialWorker, caseId, discharge)).alerts[0]!.id;
    t.clock.advanceMinutes(4 * 60);
    assert.ok((await escalatedIds()).includes(alertId));
  });

  it('does not reach a safeguarding lead twice when they are in the team already, nor one whose account is switched off', async () => {
    const organisationId = p.socialCareLead.organisationId;
    const leadInTeam = await makeUser(t.ctx, { organisationId, role: 'safeguarding-lead', name: 'Lia Lead In Team' });
    const switchedOff = await makeUser(t.ctx, { organisationId, role: 'safeguarding-lead', name: 'Gone Lead' });
    await t.ctx.db.updateTable('users').set({ disabled_at: t.clock.now() }).where('id', '=', switchedOff.id).execute();
    const caseId = await makeFamily(t, p, 'LeadInTeam');
    await t.ctx.db.insertInto('case_team').values({ case_id: caseId, user_id: leadInTeam.id, role: 'member', added_at: t.clock.now(), added_by: null }).execute();
    const alertId = (await record(t, p.nurse, caseId, discharge)).alerts[0]!.id;
    t.clock.advanceMinutes(4 * 60);
    await escalateOverdueAlerts(t.ctx);
    const recipients = await recipientsOf(t, alertId);
    assert.deepEqual(recipients.filter((r) => r.user_id === leadInTeam.id).map((r) => r.reached_as), ['team-member']);
    assert.ok(!recipients.some((r) => r.user_id === switchedOff.id));
    assert.equal(recipients.length, 6);
  });
});

describe('the escalation setting', () => {
  it('follows ALERT_ESCALATION_HOURS', async () => {
    const t = await createTestApp({ env: { ALERT_ESCALATION_HOURS: '1' } });
    try {
      const p = await makePartnership(t);
      const alertId = (await record(t, p.nurse, await makeFamily(t, p), discharge)).alerts[0]!.id;
      t.clock.advanceMinutes(59);
      assert.deepEqual((await escalateOverdueAlerts(t.ctx)).escalated, []);
      t.clock.advanceMinutes(1);
      assert.deepEqual((await escalateOverdueAlerts(t.ctx)).escalated.map((e) => e.alertId), [alertId]);
      assert.match((await outboxFor(t, alertId)).find((m) => m.to_address === p.socialCareLead.email)?.body ?? '', /in 1 hour,/);
    } finally {
      await t.close();
    }
  });

  it('refuses a value that is not a whole number of hours from 1 to 168', () => {
    for (const value of ['0', '169', '2.5', 'soon']) {
      assert.throws(() => testConfig({ ALERT_ESCALATION_HOURS: value }), (error: unknown) => error instanceof ConfigError && /ALERT_ESCALATION_HOURS must be a whole number from 1 to 168/.test(error.message));
    }
  });
});
