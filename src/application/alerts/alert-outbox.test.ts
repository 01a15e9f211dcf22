import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { enqueueAlertEmails } from './alert-outbox.ts';
import { discharge, makeFamily, makePartnership, outboxFor, record, type Partnership } from './alerts.test-support.ts';

describe('alert emails in the outbox', () => {
  let t: TestApp;
  let p: Partnership;
  before(async () => {
    t = await createTestApp();
    p = await makePartnership(t);
  });
  after(async () => t.close());

  it('sends to the addresses the change read already, and reads only the others', async () => {
    const caseId = await makeFamily(t, p, 'Known');
    const { alerts } = await record(t, p.nurse, caseId, discharge);
    const alertId = alerts[0]!.id;
    await t.ctx.db.deleteFrom('outbox').where('alert_id', '=', alertId).execute();
    const recipients = [
      { userId: p.socialWorker.id, reachedAs: 'lead-professional' as const, acknowledgedAutomatically: false },
      { userId: p.healthVisitor.id, reachedAs: 'team-member' as const, acknowledgedAutomatically: false },
    ];
    // The lead's address as the change read it (not the stored one, so a read of it would show).
    await t.ctx.db.transaction().execute((trx) => enqueueAlertEmails(trx, t.ctx, [{ alert: { ...alerts[0]!, caseId }, recipients }], new Map([[p.socialWorker.id, '  lead@read-with-the-lock.example ']])));
    assert.deepEqual((await outboxFor(t, alertId)).map((mail) => mail.to_address).sort(), ['lead@read-with-the-lock.example', p.healthVisitor.email].sort());
  });

  it("appends the alert's audit entry with the change's own, the alert's first", async () => {
    const caseId = await makeFamily(t, p, 'Audited');
    await record(t, p.nurse, caseId, discharge);
    const entries = await t.ctx.db.selectFrom('audit_log').select(['action', 'subject_type']).where('case_id', '=', caseId).where('action', 'in', ['alert.raise', 'chronology.record']).orderBy('seq').execute();
    assert.deepEqual(
      entries.map((entry) => [entry.action, entry.subject_type]),
      [
        ['alert.raise', 'alert'],
        ['chronology.record', 'chronology-entry'],
      ],
    );
  });
});
