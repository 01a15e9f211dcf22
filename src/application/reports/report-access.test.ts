// The reports' scope with the partnership view (issue 16): a manager sees the cases their organisation
// works on; someone an administrator granted the partnership view sees every case of the partnership,
// named only where their own organisation works on it; without a grant a practitioner is refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { UserActor } from '../actor.ts';
import { grantPartnershipView, revokePartnershipView } from '../dashboards/partnership-view.ts';
import { cinCensusReturn } from './cin-census.ts';
import { partnershipReports } from './partnership-reports.ts';
import { NAME_WITHHELD } from './report-access.ts';

describe('the reports’ scope with the partnership view', () => {
  let t: TestApp;
  let period: { from: string; to: string };
  let ours: string;
  let theirs: string;
  let manager: UserActor;
  let analyst: UserActor;
  let practitioner: UserActor;
  let admin: UserActor;

  before(async () => {
    t = await createTestApp();
    const today = serviceToday(t.clock.now());
    period = { from: addDays(today, -60), to: today };
    const health = await makeOrganisation(t.ctx, 'health-visiting');
    const police = await makeOrganisation(t.ctx, 'police');
    const worker = await makeUser(t.ctx, { organisationId: health.id });
    const officer = await makeUser(t.ctx, { organisationId: police.id });
    manager = actorFor(await makeUser(t.ctx, { organisationId: health.id, role: 'manager' }));
    analyst = actorFor(await makeUser(t.ctx, { organisationId: health.id, email: 'analyst@partnership.example' }));
    practitioner = actorFor(await makeUser(t.ctx, { organisationId: health.id }));
    admin = actorFor(await makeUser(t.ctx, { role: 'admin' }));
    ({ id: ours } = await makeCase(t.ctx, { familyName: 'Ourfamily', teamUserIds: [worker.id] }));
    ({ id: theirs } = await makeCase(t.ctx, { familyName: 'Theirfamily', teamUserIds: [officer.id] }));
    await t.ctx.db.updateTable('cases').set({ date_of_birth: addDays(today, -30) }).where('id', 'in', [ours, theirs]).execute();
    const granted = await grantPartnershipView(t.ctx, admin, 'analyst@partnership.example');
    assert.ok(granted.ok, JSON.stringify(granted));
  });
  after(async () => t.close());

  const lastReach = async (actor: UserActor) =>
    (await t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('actor_user_id', '=', actor.userId).where('action', '=', 'report.partnership').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow());

  it('keeps a manager to the cases their organisation works on', async () => {
    const reports = await partnershipReports(t.ctx, manager, period, 'page');
    assert.ok(reports.ok);
    assert.deepEqual(reports.value.seenWithinLimits.rows.map((r) => [r.caseId, r.babyName]), [[ours, 'Test Ourfamily']]);
    assert.deepEqual((await lastReach(manager)).details, { from: period.from, to: period.to, shown: 'page', cases: 1, reach: 'organisation' });
  });

  it('shows someone granted the partnership view every case of the partnership, naming only their organisation’s', async () => {
    const reports = await partnershipReports(t.ctx, analyst, period, 'page');
    assert.ok(reports.ok, JSON.stringify(reports));
    const rows = new Map(reports.value.seenWithinLimits.rows.map((r) => [r.caseId, r.babyName]));
    assert.deepEqual([rows.get(ours), rows.get(theirs)], ['Test Ourfamily', NAME_WITHHELD]);
    assert.equal(reports.value.seenWithinLimits.total.of, 2);
    assert.deepEqual((await lastReach(analyst)).details, { from: period.from, to: period.to, shown: 'page', cases: 2, reach: 'partnership' });
    const census = await cinCensusReturn(t.ctx, analyst, period, 'json');
    assert.ok(census.ok, JSON.stringify(census));
  });

  it('refuses, audited, a practitioner without the grant, and an administrator (who never holds the view)', async () => {
    for (const actor of [practitioner, admin]) {
      const refused = await partnershipReports(t.ctx, actor, period, 'page');
      assert.equal(refused.ok, false);
      assert.equal((await lastReach(actor)).outcome, 'denied');
    }
  });

  it('goes back to the organisation’s cases once the grant is revoked', async () => {
    assert.ok((await revokePartnershipView(t.ctx, admin, analyst.userId)).ok);
    assert.equal((await partnershipReports(t.ctx, analyst, period, 'page')).ok, false, 'a practitioner without the grant');
  });
});
