import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PlanVersion } from '../../plan/plan.types.ts';
import { carePlanResource } from './care-plan.ts';
import { ukCoreProblems } from './uk-core-rules.test-support.ts';

const plan: PlanVersion = {
  version: 3,
  level: 'child-in-need',
  outcomes: ['Baby sleeps safely every night'],
  checkItems: [{ id: 'ci-1', text: 'Where the baby sleeps', question: 'Is the cot clear?', checkedBy: ['health-visiting'], frequency: 'every-contact', since: '2026-11-01' }],
  actions: [
    { id: 'a-1', text: 'Visit weekly', owner: { userId: 'u-1' }, dueOn: '2026-12-01', status: 'open' },
    { id: 'a-2', text: 'Refer to housing', owner: { name: 'Housing officer' }, dueOn: '2026-11-10', status: 'done' },
    { id: 'a-3', text: 'Parenting course', owner: { userId: 'gone' }, dueOn: '2026-11-15', status: 'dropped', droppedReason: 'Family moved area' },
  ],
  visits: [{ id: 'v-1', agencyKind: 'health-visiting', who: 'Hana Visitor', everyDays: 7, babySeen: true, since: '2026-11-01' }],
  recordedAt: '2026-11-20T10:00:00.000Z',
  recordedBy: 'Hana Visitor',
};

describe('the plan as a UK Core CarePlan', () => {
  const carePlan = carePlanResource(plan, { 'u-1': 'Hana Visitor' }, 'case-1');

  it('keeps the rules: an active plan for the baby, with its team', () => {
    assert.deepEqual(ukCoreProblems({ ...carePlan }), []);
    assert.equal(carePlan.status, 'active');
    assert.equal(carePlan.intent, 'plan');
    assert.deepEqual(carePlan.subject, { reference: 'Patient/case-1' });
    assert.deepEqual(carePlan.careTeam, [{ reference: 'CareTeam/case-1' }]);
    assert.equal(carePlan.meta.versionId, '3');
    assert.equal(carePlan.description, 'Level of support: Child in need');
  });

  it('makes each action an activity: open in progress, done completed, dropped cancelled with why; its owner named', () => {
    const actions = carePlan.activity!.slice(0, 3).map((activity) => [activity.detail.status, activity.detail.performer?.[0]?.display, activity.detail.statusReason?.text]);
    assert.deepEqual(actions, [
      ['in-progress', 'Hana Visitor', undefined],
      ['completed', 'Housing officer', undefined],
      ['cancelled', undefined, 'Family moved area'],
    ]);
  });

  it('makes each check item and visiting commitment an activity, the visits every so many days', () => {
    const [, , , check, visit] = carePlan.activity!;
    assert.match(check!.detail.description, /Where the baby sleeps\. Is the cot clear\?/);
    assert.deepEqual(check!.detail.performer, [{ display: 'Health visiting' }]);
    assert.deepEqual(visit!.detail.scheduledTiming, { repeat: { frequency: 1, period: 7, periodUnit: 'd' } });
    assert.match(visit!.detail.description, /Every week, the baby seen/);
  });

  it('keeps the outcomes as notes, and leaves out what a plan does not have', () => {
    assert.deepEqual(carePlan.note, [{ text: 'Outcome wanted for the baby: Baby sleeps safely every night' }]);
    const empty = carePlanResource({ ...plan, outcomes: [], checkItems: [], actions: [], visits: [], recordedBy: null }, {}, 'case-1');
    assert.equal(empty.activity, undefined);
    assert.equal(empty.note, undefined);
    assert.equal(empty.author, undefined);
    assert.deepEqual(ukCoreProblems({ ...empty }), []);
  });
});
