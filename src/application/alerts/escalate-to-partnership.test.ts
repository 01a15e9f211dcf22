// H1 (ADR 0027): an alert whose team has no organisation with a safeguarding lead escalates to the
// partnership's designated leads (leads granted the partnership view); with none designated, the
// alert says so and the administrators are told, rather than nobody.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { ESCALATION_UNREACHED, escalationRoute } from '../../domain/alerts/recipients.ts';
import { discharge, record } from './alerts.test-support.ts';
import { escalateOverdueAlerts } from './escalate-alerts.ts';

describe('where an escalation goes (pure)', () => {
  it('goes to the team organisations\' leads when there are any, even with partnership leads designated', () => {
    assert.deepEqual(escalationRoute(['a', 'a'], ['p']), { via: 'organisations', leadIds: ['a'] });
  });
  it('goes to the partnership\'s designated leads when no organisation in the team has a lead', () => {
    assert.deepEqual(escalationRoute([], ['p', 'q']), { via: 'partnership', leadIds: ['p', 'q'] });
  });
  it('goes to nobody, said so, when there are none either', () => {
    assert.deepEqual(escalationRoute([], []), { via: 'nobody', leadIds: [] });
  });
});

describe('escalating when no organisation in the team has a safeguarding lead', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('says on the alert that nobody was reached, and tells each administrator, while no lead is designated; then reaches the partnership lead', async () => {
    const hospital = await makeOrganisation(t.ctx, 'hospital', 'Lone Hospital');
    const nurse = await makeUser(t.ctx, { organisationId: hospital.id, name: 'Nia Nurse' });
    const midwife = await makeUser(t.ctx, { organisationId: hospital.id, name: 'Mo Midwife' });
    const admin = await makeUser(t.ctx, { role: 'admin', name: 'Ada Admin' });
    const caseId = (await makeCase(t.ctx, { familyName: 'Nolead', teamUserIds: [nurse.id, midwife.id] })).id;
    const first = (await record(t, nurse, caseId, discharge)).alerts[0]!.id;
    t.clock.advanceMinutes(4 * 60);
    const report = await escalateOverdueAlerts(t.ctx);
    assert.deepEqual(report.escalated.find((e) => e.alertId === first), { alertId: first, caseId, safeguardingLeads: [], via: 'nobody' });
    const alert = await t.ctx.db.selectFrom('alerts').select('escalation_unreached').where('id', '=', first).executeTakeFirstOrThrow();
    assert.equal(alert.escalation_unreached, ESCALATION_UNREACHED);
    const mail = await t.ctx.db.selectFrom('outbox').select(['to_address', 'subject', 'body']).where('alert_id', '=', first).where('to_address', '=', admin.email).execute();
    assert.equal(mail.length, 1);
    assert.match(mail[0]!.subject, /could not be escalated/);
    assert.doesNotMatch(mail[0]!.body, /Nolead/, 'the administrator is told no name');

    // An administrator designates a partnership lead (the partnership view); the next alert reaches her.
    const partnershipLead = await makeUser(t.ctx, { role: 'safeguarding-lead', name: 'Parveen Partnership' });
    await t.ctx.db.insertInto('partnership_view_grants').values({ user_id: partnershipLead.id, granted_at: t.clock.now(), granted_by: admin.id, granted_by_name: 'Ada Admin' }).execute();
    const second = (await record(t, midwife, caseId, discharge)).alerts[0]!.id;
    t.clock.advanceMinutes(4 * 60);
    const next = await escalateOverdueAlerts(t.ctx);
    assert.deepEqual(next.escalated.find((e) => e.alertId === second), { alertId: second, caseId, safeguardingLeads: [partnershipLead.id], via: 'partnership' });
    const reached = await t.ctx.db.selectFrom('alert_recipients').select(['user_id', 'reached_as']).where('alert_id', '=', second).where('user_id', '=', partnershipLead.id).execute();
    assert.deepEqual(reached, [{ user_id: partnershipLead.id, reached_as: 'safeguarding-lead' }]);
    assert.equal((await t.ctx.db.selectFrom('alerts').select('escalation_unreached').where('id', '=', second).executeTakeFirstOrThrow()).escalation_unreached, null);
  });
});
