import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { discharge, injury, makeFamily, makePartnership, recipientsOf, record, type Partnership } from './alerts.test-support.ts';
import { acknowledgeAlert } from './acknowledge-alert.ts';
import { countOpenAlerts, listMyAlerts } from './list-alerts.ts';

describe('acknowledging and listing alerts', () => {
  let t: TestApp;
  let p: Partnership;
  before(async () => {
    t = await createTestApp();
    p = await makePartnership(t);
  });
  after(async () => t.close());

  const auditOf = (alertId: string) => t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'actor_user_id', 'details']).where('subject_id', '=', alertId).orderBy('seq').execute();

  it('acknowledges with a note: audited, gone from the recipient’s open alerts, still open for the others', async () => {
    const caseId = await makeFamily(t, p, 'Noted');
    const alertId = (await record(t, p.nurse, caseId, discharge)).alerts[0]!.id;
    t.clock.advanceMinutes(20);
    const result = await acknowledgeAlert(t.ctx, actorFor(p.socialWorker), alertId, '  Visit booked for tomorrow morning  ');
    assert.ok(result.ok);
    assert.deepEqual(result.value, { alertId, caseId, acknowledgedAt: t.clock.now() });
    const mine = (await recipientsOf(t, alertId)).find((r) => r.user_id === p.socialWorker.id);
    assert.equal(mine?.acknowledged_note, 'Visit booked for tomorrow morning');
    assert.ok(!(await listMyAlerts(t.ctx, actorFor(p.socialWorker), 'open')).alerts.some((a) => a.id === alertId));
    assert.ok((await listMyAlerts(t.ctx, actorFor(p.healthVisitor), 'open')).alerts.some((a) => a.id === alertId));
    const last = (await auditOf(alertId)).at(-1);
    assert.deepEqual(last, { action: 'alert.acknowledge', outcome: 'success', actor_user_id: p.socialWorker.id, details: { reachedAs: 'lead-professional', note: 'Visit booked for tomorrow morning' } });
  });

  it('refuses an acknowledgement without a note, and changes nothing', async () => {
    const caseId = await makeFamily(t, p, 'Blank');
    const alertId = (await record(t, p.nurse, caseId, discharge)).alerts[0]!.id;
    for (const note of [undefined, '', '   ']) {
      const result = await acknowledgeAlert(t.ctx, actorFor(p.healthVisitor), alertId, note);
      assert.ok(!result.ok && result.code === 'note-needed');
      assert.equal(result.message, 'Enter a note saying what you have done or will do about this alert');
    }
    const tooLong = await acknowledgeAlert(t.ctx, actorFor(p.healthVisitor), alertId, 'x'.repeat(2001));
    assert.ok(!tooLong.ok && tooLong.code === 'note-too-long');
    assert.equal((await recipientsOf(t, alertId)).find((r) => r.user_id === p.healthVisitor.id)?.acknowledged_at, null);
  });

  it('refuses someone the alert was not sent to, even an overseeing safeguarding lead, and audits the refusal', async () => {
    const caseId = await makeFamily(t, p, 'Refused');
    const alertId = (await record(t, p.nurse, caseId, discharge)).alerts[0]!.id;
    for (const who of [p.outsider, p.socialCareLead]) {
      const result = await acknowledgeAlert(t.ctx, actorFor(who), alertId, 'I saw it');
      assert.ok(!result.ok && result.code === 'forbidden');
      assert.deepEqual((await auditOf(alertId)).at(-1), { action: 'alert.acknowledge', outcome: 'denied', actor_user_id: who.id, details: {} });
    }
  });

  it('says when the alert does not exist, or was already acknowledged (the recorder’s, automatically)', async () => {
    assert.equal((await acknowledgeAlert(t.ctx, actorFor(p.nurse), 'no-such-alert', 'x')).ok, false);
    const caseId = await makeFamily(t, p, 'Twice');
    const alertId = (await record(t, p.nurse, caseId, discharge)).alerts[0]!.id;
    const byRecorder = await acknowledgeAlert(t.ctx, actorFor(p.nurse), alertId, 'Me again');
    assert.ok(!byRecorder.ok && byRecorder.code === 'already-acknowledged');
    assert.ok((await acknowledgeAlert(t.ctx, actorFor(p.healthVisitor), alertId, 'Seen')).ok);
    const twice = await acknowledgeAlert(t.ctx, actorFor(p.healthVisitor), alertId, 'Seen again');
    assert.ok(!twice.ok && twice.code === 'already-acknowledged');
    assert.equal((await recipientsOf(t, alertId)).find((r) => r.user_id === p.healthVisitor.id)?.acknowledged_note, 'Seen');
  });

  it('lists the caller’s alerts newest first, open or all, with the case name and both counts', async () => {
    const healthVisitor = await makeUser(t.ctx, { organisationId: p.healthVisitor.organisationId, name: 'Fay Visitor' });
    const team = { ...p, healthVisitor };
    const first = await makeFamily(t, team, 'Early');
    const older = (await record(t, p.nurse, first, discharge)).alerts[0]!;
    t.clock.advanceMinutes(5);
    const second = await makeFamily(t, team, 'Later');
    const newer = await record(t, p.socialWorker, second, injury);
    const actor = actorFor(healthVisitor);
    assert.ok((await acknowledgeAlert(t.ctx, actor, older.id, 'Seen and visit planned')).ok);

    const open = await listMyAlerts(t.ctx, actor, 'open');
    assert.deepEqual(open.alerts.map((a) => [a.caseName, a.reason]), [['Test Later', 'critical-finding'], ['Test Later', 'trigger-event']], 'raised together: the most severe first');
    assert.deepEqual(open.counts, { open: 2, all: 3 });
    assert.equal(await countOpenAlerts(t.ctx, healthVisitor.id), 2);

    const all = await listMyAlerts(t.ctx, actor, 'all');
    assert.deepEqual(all.alerts.map((a) => a.id).slice(-1), [older.id]);
    assert.equal(all.alerts.length, 3);
    assert.ok(newer.alerts.every((a) => all.alerts.some((listed) => listed.id === a.id)));
    const acknowledged = all.alerts.find((a) => a.id === older.id)!;
    assert.equal(acknowledged.acknowledgedNote, 'Seen and visit planned');
    assert.equal(acknowledged.acknowledgedAutomatically, false);
    assert.equal(acknowledged.title, 'Discharged from hospital or a neonatal unit');

    const own = (await listMyAlerts(t.ctx, actorFor(p.nurse), 'all')).alerts.find((a) => a.id === older.id)!;
    assert.equal(own.acknowledgedAutomatically, true);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['details']).where('action', '=', 'alerts.list').where('actor_user_id', '=', healthVisitor.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(audit.details, { status: 'all', alertIds: all.alerts.map((a) => a.id) });

    assert.deepEqual(await listMyAlerts(t.ctx, actorFor(p.outsider), 'all'), { alerts: [], counts: { open: 0, all: 0 } });
    const emptyRead = await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'alerts.list').where('actor_user_id', '=', p.outsider.id).execute();
    assert.deepEqual(emptyRead, [], 'a list with nothing in it shows nothing: not audited');
  });
});
