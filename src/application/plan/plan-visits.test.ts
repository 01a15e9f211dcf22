import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { PlanDraft } from '../../domain/plan/plan.types.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { recordEntry } from '../chronology/record-entry.ts';
import { updatePlan } from './update-plan.ts';
import { viewPlan } from './view-plan.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

// The plan's visiting pattern (issue 13), stored with the plan and read against the chronology the
// profile was evaluated from.
describe('the plan’s visiting pattern', () => {
  let t: TestApp;
  let caseId: string;
  let visitor: User;
  let today: string;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const health = await makeOrganisation(t.ctx, 'health-visiting', 'Visits Health Visiting');
    visitor = await makeUser(t.ctx, { organisationId: health.id, name: 'Vera Visitor' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Visited', teamUserIds: [visitor.id] }));
  });
  after(async () => t.close());

  const draft = (visits?: PlanDraft['visits']): PlanDraft => ({ level: 'child-in-need', outcomes: [], checkItems: [], actions: [], ...(visits === undefined ? {} : { visits }) });
  const visit = async (daysAgo: number, babySeen: boolean) => {
    const recorded = await recordEntry(t.ctx, actorFor(visitor), caseId, { kind: 'home-visit', occurredAt: addDays(today, -daysAgo), summary: 'Home visit', source: 'observed', babySeen });
    assert.ok(recorded.ok, JSON.stringify(recorded));
  };

  it('saves the commitments with the plan, and shows each one kept, due or overdue from the chronology', async () => {
    const saved = await updatePlan(t.ctx, actorFor(visitor), caseId, {
      version: 0,
      plan: draft([
        { agencyKind: 'health-visiting', who: 'Vera Visitor', everyDays: 7, babySeen: true, since: addDays(today, -20) },
        { agencyKind: 'gp', everyDays: 28, babySeen: false, since: addDays(today, -20) },
      ]),
    });
    assert.ok(saved.ok, JSON.stringify(saved));
    assert.equal(saved.value.visits.length, 2);
    assert.match(saved.value.visits[0]!.id, /^[0-9a-f-]{36}$/);
    const audit = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'plan.update').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.equal((audit.details as { visitsAdded: number }).visitsAdded, 2);

    await visit(10, true);
    await visit(2, false);
    const viewed = await viewPlan(t.ctx, actorFor(visitor), caseId);
    assert.ok(viewed.ok);
    assert.deepEqual(viewed.value.plan?.visits, saved.value.visits);
    const [hv, gp] = viewed.value.visits;
    // Seen 10 days ago; the visit 2 days ago did not see the baby, so it does not keep the commitment.
    assert.deepEqual([hv!.status, hv!.lastVisit?.on, hv!.lastVisit?.by, hv!.nextDueOn, hv!.overdueDays, hv!.missed], ['overdue', addDays(today, -10), 'Vera Visitor', addDays(today, -3), 3, 2]);
    assert.deepEqual([gp!.status, gp!.lastVisit, gp!.nextDueOn, gp!.overdueDays], ['kept', null, addDays(today, 8), 0]);
  });

  it('keeps the commitments when a change leaves them out, and each keeps its since when sent back without one', async () => {
    const current = await viewPlan(t.ctx, actorFor(visitor), caseId);
    assert.ok(current.ok && current.value.plan);
    const kept = await updatePlan(t.ctx, actorFor(visitor), caseId, { version: current.value.plan.version, plan: draft() });
    assert.ok(kept.ok, JSON.stringify(kept));
    assert.deepEqual(kept.value.visits, current.value.plan.visits);
    const [hv] = kept.value.visits;
    const changed = await updatePlan(t.ctx, actorFor(visitor), caseId, { version: kept.value.version, plan: draft([{ id: hv!.id, agencyKind: 'health-visiting', everyDays: 14, babySeen: true }]) });
    assert.ok(changed.ok, JSON.stringify(changed));
    // Sent without who: the commitment no longer names one (a commitment sent is the whole of it).
    assert.deepEqual(changed.value.visits, [{ id: hv!.id, agencyKind: 'health-visiting', everyDays: 14, babySeen: true, since: hv!.since }]);
    const viewed = await viewPlan(t.ctx, actorFor(visitor), caseId);
    assert.ok(viewed.ok);
    assert.deepEqual(viewed.value.visits.map((v) => v.status), ['kept']);
  });

  it('refuses a commitment the domain does not accept, audited, and keeps the plan', async () => {
    const current = await viewPlan(t.ctx, actorFor(visitor), caseId);
    assert.ok(current.ok && current.value.plan);
    const refused = await updatePlan(t.ctx, actorFor(visitor), caseId, { version: current.value.plan.version, plan: draft([{ agencyKind: 'nursery', everyDays: 120, babySeen: true }]) });
    assert.ok(!refused.ok && refused.code === 'invalid');
    assert.deepEqual(refused.problems.map((p) => `${p.code} ${p.path}`), ['visit-agency-needed /visits/0/agencyKind', 'every-days-invalid /visits/0/everyDays']);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('action', '=', 'plan.update').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.deepEqual(audit, { outcome: 'failure', details: { reason: 'invalid', problems: ['visit-agency-needed', 'every-days-invalid'] } });
    const after = await viewPlan(t.ctx, actorFor(visitor), caseId);
    assert.ok(after.ok);
    assert.equal(after.value.plan?.version, current.value.plan.version);
  });
});
