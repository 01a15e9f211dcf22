import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomUUID } from 'node:crypto';
import { actorFor, makeCase } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { recordBatch } from '../chronology/record-batch.ts';
import { recordEntry } from '../chronology/record-entry.ts';
import { updateFactor } from '../profile/update-factor.ts';
import { discharge, homeVisit, injury, makeFamily, makePartnership, outboxFor, recipientsOf, record, type Partnership } from './alerts.test-support.ts';
import { acknowledgeAlert } from './acknowledge-alert.ts';
import { listMyAlerts } from './list-alerts.ts';

describe('raising alerts to the team around the family', () => {
  let t: TestApp;
  let p: Partnership;
  before(async () => {
    t = await createTestApp();
    p = await makePartnership(t);
  });
  after(async () => t.close());

  async function findingShowing(caseId: string, findingId: string): Promise<boolean> {
    const latest = await t.ctx.db.selectFrom('profile_versions').select('findings').where('case_id', '=', caseId).orderBy('version', 'desc').executeTakeFirstOrThrow();
    return (latest.findings ?? []).some((f) => f.id === findingId);
  }

  it('a hospital discharge recorded by a hospital user alerts the allocated social worker immediately (Derby and Derbyshire review, section 5.23)', async () => {
    const caseId = await makeFamily(t, p);
    const recorded = await record(t, p.nurse, caseId, discharge);
    assert.equal(recorded.alerts.length, 1);
    const [raised] = recorded.alerts;

    const { alerts } = await listMyAlerts(t.ctx, actorFor(p.socialWorker), 'open');
    assert.deepEqual(alerts.map((a) => [a.id, a.reason, a.severity, a.reachedAs, a.caseName]), [[raised!.id, 'discharge', 'high', 'lead-professional', 'Test Okafor']]);
    assert.equal(alerts[0]!.message, 'Test Okafor was discharged from hospital today (22 November 2026). Everyone in the team must know today.');
    assert.deepEqual(alerts[0]!.raisedAt, t.clock.now());

    const [mail] = (await outboxFor(t, raised!.id)).filter((m) => m.to_address === p.socialWorker.email);
    assert.equal(mail?.subject, 'High alert – Discharged from hospital or a neonatal unit');
    assert.match(mail?.body ?? '', /^Test Okafor was discharged from hospital today/);
    assert.match(mail?.body ?? '', new RegExp(`Open the case: /cases/${caseId}\n`));
    assert.match(mail?.body ?? '', /You are sent this as the lead professional\./);
    assert.doesNotMatch(mail?.body ?? '', /eight days on the ward/, 'the entry’s summary stays in the record');
    assert.deepEqual(mail?.next_attempt_at, t.clock.now());
    assert.equal(mail?.sent_at, null);
  });

  it('reaches every current team member and the lead exactly once; the recorder acknowledged automatically and sent nothing', async () => {
    const caseId = await makeFamily(t, p, 'Whole');
    const { alerts } = await record(t, p.nurse, caseId, discharge);
    const recipients = await recipientsOf(t, alerts[0]!.id);
    const byUser = new Map(recipients.map((r) => [r.user_id, r]));
    assert.equal(recipients.length, 3);
    assert.equal(byUser.get(p.socialWorker.id)?.reached_as, 'lead-professional');
    assert.equal(byUser.get(p.healthVisitor.id)?.reached_as, 'team-member');
    assert.equal(byUser.get(p.nurse.id)?.reached_as, 'team-member');
    assert.equal(byUser.get(p.socialWorker.id)?.acknowledged_at, null);
    assert.deepEqual(byUser.get(p.nurse.id)?.acknowledged_at, t.clock.now());
    assert.equal(byUser.get(p.nurse.id)?.acknowledged_note, null);
    assert.deepEqual((await outboxFor(t, alerts[0]!.id)).map((m) => m.to_address).sort(), [p.socialWorker.email, p.healthVisitor.email].sort());
  });

  it('reaches a lead professional who recorded it once, as the lead, and leaves out people no longer in the team or switched off', async () => {
    const caseId = await makeFamily(t, p, 'Current');
    await t.ctx.db.deleteFrom('case_team').where('case_id', '=', caseId).where('user_id', '=', p.healthVisitor.id).execute();
    const switchedOff = await t.ctx.db.selectFrom('users').select('id').where('id', '=', p.nurse.id).executeTakeFirstOrThrow();
    await t.ctx.db.updateTable('users').set({ disabled_at: t.clock.now() }).where('id', '=', switchedOff.id).execute();
    try {
      const { alerts } = await record(t, p.socialWorker, caseId, discharge);
      const recipients = await recipientsOf(t, alerts[0]!.id);
      assert.deepEqual(recipients.map((r) => [r.user_id, r.reached_as, r.acknowledged_at !== null]), [[p.socialWorker.id, 'lead-professional', true]]);
      assert.deepEqual(await outboxFor(t, alerts[0]!.id), []);
    } finally {
      await t.ctx.db.updateTable('users').set({ disabled_at: null }).where('id', '=', switchedOff.id).execute();
    }
  });

  it('raises one alert for a discharge, though it is a trigger too; none for a visit; none again for a retried entry', async () => {
    const caseId = await makeFamily(t, p, 'Once');
    const first = await record(t, p.nurse, caseId, { ...discharge, externalId: 'PAS-881' });
    assert.deepEqual(first.alerts.map((a) => a.reason), ['discharge']);
    const retried = await record(t, p.nurse, caseId, { ...discharge, externalId: 'PAS-881' });
    assert.equal(retried.duplicate, true);
    assert.deepEqual(retried.alerts, []);
    assert.deepEqual((await record(t, p.healthVisitor, caseId, homeVisit)).alerts, []);
    const stored = await t.ctx.db.selectFrom('alerts').select(['reason', 'entry_id']).where('case_id', '=', caseId).execute();
    assert.deepEqual(stored, [{ reason: 'discharge', entry_id: first.entry.id }]);
  });

  it('raises no alert again for a correction of a discharge', async () => {
    const caseId = await makeFamily(t, p, 'Corrected');
    const first = await record(t, p.nurse, caseId, discharge);
    const corrected = await record(t, p.nurse, caseId, { ...discharge, occurredAt: '2026-11-21', corrects: first.entry.id, correctionReason: 'Wrong day' });
    assert.deepEqual(corrected.alerts, []);
  });

  it('raises the critical non-mobile injury alert with the protocol’s steps, besides the trigger alert', async () => {
    const caseId = await makeFamily(t, p, 'Injured');
    const { alerts } = await record(t, p.healthVisitor, caseId, injury);
    assert.deepEqual(alerts.map((a) => [a.reason, a.severity, a.findingId]), [
      ['critical-finding', 'critical', 'non-mobile-injury'],
      ['trigger-event', 'high', undefined],
    ]);
    assert.equal(alerts[0]!.steps.length, 4);
    const stored = await t.ctx.db.selectFrom('alerts').select(['finding_id', 'steps']).where('id', '=', alerts[0]!.id).executeTakeFirstOrThrow();
    assert.deepEqual(stored.steps, alerts[0]!.steps);
    const mail = (await outboxFor(t, alerts[0]!.id)).find((m) => m.to_address === p.socialWorker.email);
    assert.match(mail?.body ?? '', /What to do now:\n1\. Refer to children's social care today/);
  });

  it('raises no second alert for the same finding while one is open, and a new one once it was taken up', async () => {
    const caseId = await makeFamily(t, p, 'Again');
    const first = await record(t, p.healthVisitor, caseId, injury);
    const critical = first.alerts.find((a) => a.reason === 'critical-finding')!;
    const again = await record(t, p.healthVisitor, caseId, { ...injury, summary: 'Another bruise' });
    assert.deepEqual(again.alerts.map((a) => a.reason), ['trigger-event'], 'the finding was already showing');

    // Both injuries corrected away: the finding clears; a new injury brings it back while the first alert is open.
    for (const entry of [first.entry, again.entry]) await record(t, p.healthVisitor, caseId, { ...homeVisit, corrects: entry.id, correctionReason: 'Recorded on the wrong baby' });
    assert.equal(await findingShowing(caseId, 'non-mobile-injury'), false, 'the finding cleared');
    const back = await record(t, p.healthVisitor, caseId, injury);
    assert.deepEqual(back.alerts.map((a) => a.reason), ['trigger-event'], 'an alert for the finding is still open');

    assert.ok((await acknowledgeAlert(t.ctx, actorFor(p.socialWorker), critical.id, 'Referred; paediatric assessment at 2pm')).ok);
    await record(t, p.healthVisitor, caseId, { ...homeVisit, corrects: back.entry.id, correctionReason: 'Recorded on the wrong baby' });
    const later = await record(t, p.healthVisitor, caseId, injury);
    assert.deepEqual(later.alerts.map((a) => [a.reason, a.findingId]), [['critical-finding', 'non-mobile-injury'], ['trigger-event', undefined]]);
  });

  it('raises the critical unsafe sleep alert when a change to a factor leaves the combination showing', async () => {
    const caseId = await makeFamily(t, p, 'Sleep');
    const actor = actorFor(p.healthVisitor);
    const evidence = [{ source: 'observed' as const, note: 'Seen on the visit' }];
    assert.ok((await updateFactor(t.ctx, actor, caseId, { factorId: 'smoking-in-home', status: 'present', detail: 'Both parents smoke indoors', evidence, version: 0 })).ok);
    assert.equal((await t.ctx.db.selectFrom('alerts').select('id').where('case_id', '=', caseId).execute()).length, 0);
    assert.ok((await updateFactor(t.ctx, actor, caseId, { factorId: 'unsafe-sleep', status: 'present', detail: 'Sleeps on the sofa with dad', evidence, version: 0 })).ok);
    const stored = await t.ctx.db.selectFrom('alerts').selectAll().where('case_id', '=', caseId).execute();
    assert.deepEqual(stored.map((a) => [a.reason, a.severity, a.finding_id]), [['critical-finding', 'critical', 'unsafe-sleep-combination']]);
    assert.equal(stored[0]!.message, 'Unsafe sleep with a risk that makes it worse: Test Sleep. Act now: follow the steps.');
    assert.equal((await recipientsOf(t, stored[0]!.id)).length, 3);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_user_id']).where('subject_id', '=', stored[0]!.id).execute();
    assert.deepEqual(audit, [{ action: 'alert.raise', actor_user_id: p.healthVisitor.id }]);
  });

  it('raises nothing when the entry is refused', async () => {
    const caseId = await makeFamily(t, p, 'Refused');
    const before = await t.ctx.db.selectFrom('alerts').select('id').execute();
    const refused = await recordEntry(t.ctx, actorFor(p.outsider), caseId, discharge);
    assert.equal(refused.ok, false);
    assert.equal((await t.ctx.db.selectFrom('alerts').select('id').execute()).length, before.length);
  });

  it('stores a batch whose alerts reach more people than one INSERT of their rows can name (issue 12): 37 attendances to a team of 300', async () => {
    // 11,100 recipients' rows (6 parameters each, 66,600) and 11,063 emails (9 each, 99,567): each
    // table's rows over PostgreSQL's 65,535 parameters a statement, on its own.
    const colleagues = Array.from({ length: 299 }, (_, i) => ({ id: randomUUID(), organisation_id: p.socialWorker.organisationId, email: `colleague-${String(i)}@crowded.example`, name: 'Crowded Colleague', role: 'practitioner', password_hash: null, created_at: t.clock.now() }));
    await t.ctx.db.insertInto('users').values(colleagues).execute();
    const caseId = (await makeCase(t.ctx, { familyName: 'Crowded', teamUserIds: [p.socialWorker.id] })).id;
    await t.ctx.db.insertInto('case_team').values(colleagues.map(({ id }) => ({ case_id: caseId, user_id: id, role: 'member', added_at: t.clock.now(), added_by: null }))).execute();
    const items = Array.from({ length: 37 }, (_, index) => ({ index, caseId, entry: { kind: 'emergency-attendance', occurredAt: '2026-11-22', summary: `Attendance ${String(index)}`, source: 'agency-record' as const, externalId: `crowded-${String(index)}` } }));

    const outcome = await recordBatch(t.ctx, actorFor(p.socialWorker), items);

    assert.deepEqual([outcome.stored.length, outcome.rejected], [37, []]);
    const alertIds = (await t.ctx.db.selectFrom('alerts').select('id').where('case_id', '=', caseId).execute()).map((a) => a.id);
    const count = async (table: 'alert_recipients' | 'outbox') => Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('alert_id', 'in', alertIds).executeTakeFirstOrThrow()).n);
    assert.deepEqual([alertIds.length, await count('alert_recipients'), await count('outbox')], [37, 37 * 300, 37 * 299]);
    // The chain's order (ADR 0010): each entry's alert in the batch's order, then the change's own entry.
    const audited = await t.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('case_id', '=', caseId).orderBy('seq').execute();
    assert.deepEqual(
      audited.map((a) => (a.action === 'alert.raise' ? (a.details as { entryId: string }).entryId : a.action)),
      [...outcome.stored.map((s) => s.id), 'chronology.batch'],
    );
  });
});
