// plan-check-missed clears once the plan no longer holds the item (issue 13): the profile reads the
// current plan's check items, and a change to the plan that takes items off it writes a profile
// version of kind 'plan' with the findings it leaves, so the kept profile is never stale. On the test
// database (PGlite, or PostgreSQL with DATABASE_URL); days from the test clock.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { CheckItemDraft, PlanVersion } from '../../domain/plan/plan.types.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { recordEntry } from '../chronology/record-entry.ts';
import { viewProfile } from '../profile/view-profile.ts';
import { readCurrentPlan } from './plan-rows.ts';
import { updatePlan } from './update-plan.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('plan-check-missed and the plan', () => {
  let t: TestApp;
  let caseId: string;
  let housing: User;
  let today: string;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    housing = await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'housing', 'Clears Housing')).id, name: 'Ola Housing' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Clears', teamUserIds: [housing.id] }));
    await makePerson(t.ctx, caseId, { id: 'clears-mum', given_name: 'Grace', history_checked: true });
    const plan = await updatePlan(t.ctx, actorFor(housing), caseId, {
      version: 0,
      plan: {
        level: 'early-help',
        outcomes: ['Ruby sleeps safely'],
        checkItems: [
          { text: 'Where the baby sleeps', factorId: 'unsafe-sleep', checkedBy: [], frequency: 'every-contact' },
          { text: 'Who is staying at the flat', checkedBy: [], frequency: 'every-contact' },
        ],
        actions: [],
      },
    });
    assert.ok(plan.ok, JSON.stringify(plan));
  });
  after(async () => t.close());

  const current = async () => (await readCurrentPlan(t.ctx.db, caseId))!;
  const findings = async () => {
    const profile = await viewProfile(t.ctx, actorFor(housing), caseId);
    assert.ok(profile.ok);
    return profile.value.evaluation.findings.filter((f) => f.id === 'plan-check-missed').map((f) => f.rationale);
  };
  const latestVersion = async () => t.ctx.db.selectFrom('profile_versions').select(['version', 'kind', 'findings', 'change']).where('case_id', '=', caseId).orderBy('version', 'desc').executeTakeFirstOrThrow();
  const couldNotCheck = async (itemIds: string[]) => {
    t.clock.advanceMinutes(30);
    const recorded = await recordEntry(t.ctx, actorFor(housing), caseId, {
      kind: 'home-visit',
      occurredAt: today,
      summary: 'Housing visit',
      source: 'observed',
      planChecks: itemIds.map((itemId) => ({ itemId, outcome: 'not-checked', note: 'Not let in' })),
    });
    assert.ok(recorded.ok, JSON.stringify(recorded));
  };
  const send = async (plan: PlanVersion, checkItems: readonly CheckItemDraft[], outcomes = plan.outcomes) =>
    updatePlan(t.ctx, actorFor(housing), caseId, { version: plan.version, plan: { level: plan.level, outcomes, checkItems, actions: [] } });

  it('fires for each item missed twice while the plan holds it; a change that takes nothing off writes no profile version', async () => {
    const [sleep, stay] = (await current()).checkItems;
    await couldNotCheck([sleep!.id, stay!.id]);
    await couldNotCheck([sleep!.id, stay!.id]);
    assert.equal((await findings()).length, 1, 'one finding, naming both runs');
    const before = await latestVersion();
    const reworded = await send(await current(), (await current()).checkItems, ['Ruby sleeps safely every night']);
    assert.ok(reworded.ok, JSON.stringify(reworded));
    assert.equal((await latestVersion()).version, before.version);
    assert.equal((await findings()).length, 1);
  });

  it('clears for an item replaced by another, in the version the change writes and on the profile read after it; the other item still fires', async () => {
    const plan = await current();
    const [sleep, stay] = plan.checkItems;
    const before = await latestVersion();
    const replaced = await send(plan, [{ text: 'Where the baby slept last night', checkedBy: [], frequency: 'every-contact' }, stay!]);
    assert.ok(replaced.ok, JSON.stringify(replaced));
    const version = await latestVersion();
    assert.equal(version.version, before.version + 1);
    assert.equal(version.kind, 'plan');
    assert.deepEqual((version.change as { itemsRemoved: unknown }).itemsRemoved, [{ id: sleep!.id, text: 'Where the baby sleeps' }]);
    const left = (version.findings ?? []).filter((f) => f.id === 'plan-check-missed');
    assert.equal(left.length, 1);
    assert.doesNotMatch(left[0]!.rationale, /Where the baby sleeps/);
    const shown = await findings();
    assert.equal(shown.length, 1);
    assert.match(shown[0]!, /Who is staying at the flat/);
    assert.doesNotMatch(shown[0]!, /Where the baby sleeps/);
    const audit = await t.ctx.db.selectFrom('audit_log').select('details').where('case_id', '=', caseId).where('action', '=', 'plan.update').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal((audit.details as { profileVersion: number }).profileVersion, version.version);
  });

  it('clears altogether once the last missed item is taken off the plan', async () => {
    const plan = await current();
    const removed = await send(plan, plan.checkItems.filter((item) => item.text !== 'Who is staying at the flat'));
    assert.ok(removed.ok, JSON.stringify(removed));
    assert.deepEqual(await findings(), []);
    assert.deepEqual(((await latestVersion()).findings ?? []).filter((f) => f.id === 'plan-check-missed'), []);
  });
});
