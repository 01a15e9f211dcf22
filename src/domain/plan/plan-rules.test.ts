import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPlanDraft, isOverdue, ownerUserIds, planChangeSummary, PLAN_PROBLEM_MESSAGES, withMeetingActions, type PlanRulesContext } from './plan-rules.ts';
import { PLAN_LIMITS, type ActionDraft, type CheckItemDraft, type Plan, type PlanDraft, type VisitCommitmentDraft } from './plan.types.ts';

const TODAY = '2026-11-22';

const current: Plan = {
  level: 'early-help',
  outcomes: ['Ruby sleeps safely every night'],
  checkItems: [{ id: 'item-1', text: 'Where the baby sleeps', question: 'Can I see the cot?', factorId: 'unsafe-sleep', checkedBy: [], frequency: 'every-contact', since: '2026-10-01' }],
  actions: [{ id: 'action-1', text: 'Get a cot', owner: { name: 'Charity shop' }, dueOn: '2026-11-01', status: 'open' }],
  visits: [{ id: 'visit-1', agencyKind: 'health-visiting', who: 'Sam Hill, health visitor', everyDays: 7, babySeen: true, since: '2026-10-01' }],
};

function contextWith(overrides: Partial<PlanRulesContext> = {}): PlanRulesContext {
  let n = 0;
  return { today: TODAY, personIds: new Set(['mum', 'dad']), userIds: new Set(['user-hv']), current, newId: () => `new-${++n}`, ...overrides };
}

const item = (overrides: Partial<CheckItemDraft> = {}): CheckItemDraft => ({ text: 'Is mum drinking', frequency: 'every-contact', ...overrides });
const action = (overrides: Partial<ActionDraft> = {}): ActionDraft => ({ text: 'Refer to the recovery service', owner: { userId: 'user-hv' }, dueOn: '2026-12-01', status: 'open', ...overrides });
const keep: PlanDraft = { level: 'early-help', outcomes: ['Ruby sleeps safely every night'], checkItems: [{ ...current.checkItems[0]! }], actions: [{ ...current.actions[0]! }] };

const codes = (draft: Partial<PlanDraft>, context = contextWith()) => {
  const checked = checkPlanDraft({ ...keep, ...draft }, context);
  return checked.ok ? [] : checked.problems.map((p) => `${p.code} ${p.path}`);
};

describe('a plan as sent', () => {
  it('becomes the plan: trimmed, new items and actions given ids, existing ones kept', () => {
    const checked = checkPlanDraft(
      {
        level: 'child-in-need',
        outcomes: ['  Ruby is seen awake every week  '],
        checkItems: [{ id: 'item-1', text: ' Where the baby sleeps ', question: 'Can I see the cot?', frequency: 'weekly' }, item({ personId: 'mum', factorId: 'alcohol-misuse', checkedBy: ['housing', 'gp', 'housing'] })],
        actions: [{ id: 'action-1', text: 'Get a cot', owner: { name: ' Charity shop ' }, dueOn: '2026-11-01', status: 'done', droppedReason: 'ignored: not dropped' }, action()],
      },
      contextWith(),
    );
    assert.ok(checked.ok);
    assert.deepEqual(checked.plan, {
      level: 'child-in-need',
      outcomes: ['Ruby is seen awake every week'],
      checkItems: [
        { id: 'item-1', text: 'Where the baby sleeps', question: 'Can I see the cot?', checkedBy: [], frequency: 'weekly', since: '2026-10-01' },
        { id: 'new-1', text: 'Is mum drinking', question: 'Is mum drinking', factorId: 'alcohol-misuse', personId: 'mum', checkedBy: ['housing', 'gp'], frequency: 'every-contact', since: TODAY },
      ],
      actions: [
        { id: 'action-1', text: 'Get a cot', owner: { name: 'Charity shop' }, dueOn: '2026-11-01', status: 'done' },
        { id: 'new-2', text: 'Refer to the recovery service', owner: { userId: 'user-hv' }, dueOn: '2026-12-01', status: 'open' },
      ],
      visits: current.visits,
    });
  });

  it('keeps the day an item is checked since when one is given, and a first plan has no existing ids', () => {
    const checked = checkPlanDraft({ level: 'universal', outcomes: [], checkItems: [item({ since: '2026-11-01' })], actions: [] }, contextWith({ current: null }));
    assert.ok(checked.ok);
    assert.equal(checked.plan.checkItems[0]!.since, '2026-11-01');
    assert.deepEqual(codes({ checkItems: [item({ id: 'item-1' })], actions: [] }, contextWith({ current: null })), ['unknown-id /checkItems/0/id']);
  });

  it('holds a due day and a since day sent anew to 1900 or later, and a due day to at most 12 months ahead', () => {
    assert.deepEqual(codes({ actions: [...keep.actions, action({ dueOn: '1026-12-01' })] }), ['due-date-too-early /actions/1/dueOn']);
    assert.deepEqual(codes({ actions: [...keep.actions, action({ dueOn: '2027-11-23' })] }), ['due-date-too-far-ahead /actions/1/dueOn']);
    assert.deepEqual(codes({ actions: [{ ...current.actions[0]!, dueOn: '2062-11-01' }] }), ['due-date-too-far-ahead /actions/0/dueOn'], 'an existing action given a new day');
    assert.deepEqual(codes({ actions: [...keep.actions, action({ dueOn: '1900-01-01', status: 'done' }), action({ dueOn: '2027-11-22' })] }), []);
    assert.deepEqual(codes({ checkItems: [item({ since: '0226-11-01' })], visits: [{ agencyKind: 'gp', everyDays: 7, babySeen: false, since: '1899-12-31' }] }), ['since-too-early /checkItems/0/since', 'since-too-early /visits/0/since']);
  });

  it('refuses an open action due on a day gone by, sent anew (a new action, or an action given a new day)', () => {
    assert.deepEqual(codes({ actions: [...keep.actions, action({ dueOn: '2026-11-21' })] }), ['due-date-in-past /actions/1/dueOn'], 'yesterday');
    assert.deepEqual(codes({ actions: [...keep.actions, action({ dueOn: '1900-01-01' })] }), ['due-date-in-past /actions/1/dueOn'], 'long ago');
    assert.deepEqual(codes({ actions: [{ ...current.actions[0]!, dueOn: '2026-11-02' }] }), ['due-date-in-past /actions/0/dueOn'], 'an existing overdue action moved to another past day');
    assert.deepEqual(codes({ checkItems: [], actions: [action({ dueOn: '2026-11-21' })] }, contextWith({ current: null })), ['due-date-in-past /actions/0/dueOn'], 'a first plan too');
    assert.equal(PLAN_PROBLEM_MESSAGES['due-date-in-past'], 'The due date has passed: give the day it will be done by, today or later, or mark the action done.');
  });

  it('must not refuse an action due today, an action already on the plan kept past its day, or one done or dropped', () => {
    assert.deepEqual(codes({ actions: [...keep.actions, action({ dueOn: TODAY })] }), [], 'due today');
    // current.actions[0] was due on 1 November and is still open: the plan stays saveable.
    assert.deepEqual(codes({ actions: [{ ...current.actions[0]!, text: 'Get a cot and a mattress' }] }), [], 'an overdue action kept with its day');
    assert.deepEqual(codes({ actions: [{ ...current.actions[0]!, status: 'done' }] }), [], 'an overdue action marked done');
    assert.deepEqual(codes({ actions: [{ ...current.actions[0]!, status: 'done' }, action({ dueOn: '2026-11-20', status: 'done' }), action({ dueOn: '2026-11-20', status: 'dropped', droppedReason: 'No longer needed' })] }), [], 'recorded done or dropped');
    const doneThenReopened: Plan = { ...current, actions: [{ ...current.actions[0]!, status: 'done' }] };
    assert.deepEqual(codes({ actions: [{ ...current.actions[0]!, status: 'open' }] }, contextWith({ current: doneThenReopened })), [], 'reopened on the day it was agreed');
  });

  it('keeps a day already on the plan as it was agreed, even one now outside the range', () => {
    const old: Plan = { ...current, checkItems: [{ ...current.checkItems[0]!, since: '0001-01-01' }], actions: [{ ...current.actions[0]!, dueOn: '2062-11-01' }], visits: [{ ...current.visits[0]!, since: '1026-10-01' }] };
    const draft = { checkItems: [...old.checkItems], actions: [...old.actions], visits: [...old.visits] };
    assert.deepEqual(codes(draft, contextWith({ current: old })), []);
  });

  it('may be empty: a plan with a level and nothing else yet', () => {
    assert.deepEqual(codes({ outcomes: [], checkItems: [], actions: [] }, contextWith({ current: null })), []);
  });

  it('needs a level of support from the domain’s list', () => {
    assert.deepEqual(codes({ level: 'high' }), ['unknown-level /level']);
    assert.deepEqual(codes({ level: 'toString' }), ['unknown-level /level']);
    assert.deepEqual(codes({ level: 'looked-after' }), []);
  });

  it('needs an action’s owner and due date, and a real due date', () => {
    assert.deepEqual(codes({ actions: [...keep.actions, action({ owner: undefined, dueOn: undefined })] }), ['owner-needed /actions/1/owner', 'due-date-needed /actions/1/dueOn']);
    assert.deepEqual(codes({ actions: [...keep.actions, action({ owner: { userId: ' ', name: '  ' }, dueOn: '  ' })] }), ['owner-needed /actions/1/owner', 'due-date-needed /actions/1/dueOn']);
    assert.deepEqual(codes({ actions: [...keep.actions, action({ dueOn: '2026-02-30' })] }), ['due-date-invalid /actions/1/dueOn']);
    assert.deepEqual(codes({ actions: [...keep.actions, action({ owner: { userId: 'user-gone' } })] }), ['unknown-owner /actions/1/owner/userId']);
    assert.deepEqual(codes({ actions: [...keep.actions, action({ owner: { name: 'x'.repeat(PLAN_LIMITS.ownerName + 1) } })] }), ['owner-name-too-long /actions/1/owner/name']);
  });

  it('takes an owner outside the service by name, and an account id over a name', () => {
    const checked = checkPlanDraft({ ...keep, actions: [...keep.actions, action({ owner: { userId: 'user-hv', name: 'Someone' } }), action({ owner: { name: 'Dr Patel, paediatrician' } })] }, contextWith());
    assert.ok(checked.ok);
    assert.deepEqual(checked.plan.actions.slice(1).map((a) => a.owner), [{ userId: 'user-hv' }, { name: 'Dr Patel, paediatrician' }]);
  });

  it('drops an action only with a reason, and keeps the reason', () => {
    assert.deepEqual(codes({ actions: [{ ...current.actions[0]!, status: 'dropped' }] }), ['dropped-reason-needed /actions/0/droppedReason']);
    assert.deepEqual(codes({ actions: [{ ...current.actions[0]!, status: 'dropped', droppedReason: '   ' }] }), ['dropped-reason-needed /actions/0/droppedReason']);
    const checked = checkPlanDraft({ ...keep, actions: [{ ...current.actions[0]!, status: 'dropped', droppedReason: ' Family bought one ' }] }, contextWith());
    assert.ok(checked.ok);
    assert.equal(checked.plan.actions[0]!.droppedReason, 'Family bought one');
    assert.deepEqual(codes({ actions: [{ ...current.actions[0]!, status: 'cancelled' }] }), ['status-needed /actions/0/status']);
  });

  it('never takes an action off the plan', () => {
    assert.deepEqual(codes({ actions: [] }), ['action-removed /actions']);
    assert.deepEqual(codes({ actions: [action()] }), ['action-removed /actions']);
  });

  it('may stop a check item: an item left out is no longer checked', () => {
    assert.deepEqual(codes({ checkItems: [] }), []);
  });

  it('needs text that says something, for outcomes, items and actions', () => {
    assert.deepEqual(codes({ outcomes: ['Safe', '  '], checkItems: [item({ text: ' ' })], actions: [...keep.actions, action({ text: '' })] }), [
      'outcome-blank /outcomes/1',
      'text-needed /checkItems/0/text',
      'text-needed /actions/1/text',
    ]);
    assert.deepEqual(codes({ checkItems: [item({ text: 'x'.repeat(PLAN_LIMITS.text + 1), question: 'y'.repeat(PLAN_LIMITS.question + 1) })] }), [
      'text-too-long /checkItems/0/text',
      'question-too-long /checkItems/0/question',
    ]);
    assert.deepEqual(codes({ outcomes: ['x'.repeat(PLAN_LIMITS.outcome + 1)] }), ['outcome-too-long /outcomes/0']);
  });

  it('names only factors in the catalogue, people in the record and kinds of agency the service knows', () => {
    assert.deepEqual(codes({ checkItems: [item({ factorId: 'drinking' }), item({ personId: 'stranger' }), item({ checkedBy: ['gp', 'neighbour'] })] }), [
      'unknown-factor /checkItems/0/factorId',
      'unknown-person /checkItems/1/personId',
      'unknown-organisation-kind /checkItems/2/checkedBy/1',
    ]);
    assert.deepEqual(codes({ checkItems: [item({ factorId: 'supportive-partner', personId: 'dad', checkedBy: ['childrens-social-care'] })] }), []);
  });

  it('needs how often an item is checked, and a real day it is checked since', () => {
    assert.deepEqual(codes({ checkItems: [item({ frequency: undefined }), item({ frequency: 'daily' }), item({ since: '2026-13-01' })] }), [
      'frequency-needed /checkItems/0/frequency',
      'frequency-needed /checkItems/1/frequency',
      'since-invalid /checkItems/2/since',
    ]);
  });

  it('refuses the same id twice, and an id the plan does not have', () => {
    assert.deepEqual(codes({ checkItems: [item({ id: 'item-1' }), item({ id: 'item-1' })] }), ['duplicate-id /checkItems/1/id']);
    assert.deepEqual(codes({ checkItems: [item({ id: 'action-1' })] }), ['unknown-id /checkItems/0/id']);
    assert.deepEqual(codes({ actions: [...keep.actions, action({ id: 'action-1' })] }), ['duplicate-id /actions/1/id']);
    assert.deepEqual(codes({ actions: [...keep.actions, action({ id: 'made-up' })] }), ['unknown-id /actions/1/id']);
  });

  it('holds at most so many outcomes, items and actions', () => {
    assert.deepEqual(codes({ outcomes: Array.from({ length: PLAN_LIMITS.outcomes + 1 }, (_, i) => `Outcome ${i}`) }), ['too-many-outcomes /outcomes']);
    assert.deepEqual(codes({ checkItems: Array.from({ length: PLAN_LIMITS.checkItems + 1 }, () => item()) }), ['too-many-check-items /checkItems']);
    assert.deepEqual(codes({ actions: [...keep.actions, ...Array.from({ length: PLAN_LIMITS.actions }, () => action())] }), ['too-many-actions /actions']);
    assert.deepEqual(codes({ checkItems: Array.from({ length: PLAN_LIMITS.checkItems }, () => item()) }), []);
  });

  it('has a message in plain words for every problem', () => {
    for (const [code, message] of Object.entries(PLAN_PROBLEM_MESSAGES)) assert.match(message, /^[A-Z].*[.:]$|^[A-Z].*\.$/, code);
  });

  it('lists the account ids its owners name, once each, for the caller to look up', () => {
    assert.deepEqual(ownerUserIds({ ...keep, actions: [action(), action({ owner: { userId: ' user-gp ' } }), action(), action({ owner: { name: 'Someone' } })] }), ['user-hv', 'user-gp']);
  });
});

describe('an overdue action', () => {
  it('is open with its due date before today; not on the day, and never when done or dropped', () => {
    assert.equal(isOverdue({ status: 'open', dueOn: '2026-11-21' }, TODAY), true);
    assert.equal(isOverdue({ status: 'open', dueOn: TODAY }, TODAY), false);
    assert.equal(isOverdue({ status: 'done', dueOn: '2026-01-01' }, TODAY), false);
    assert.equal(isOverdue({ status: 'dropped', dueOn: '2026-01-01' }, TODAY), false);
  });
});

describe('what changed in a plan', () => {
  it('counts items and actions added, removed and closed, and a change of level', () => {
    const after: Plan = {
      ...current,
      level: 'child-in-need',
      checkItems: [{ ...current.checkItems[0]!, id: 'item-2' }],
      actions: [{ ...current.actions[0]!, status: 'done' }, { ...current.actions[0]!, id: 'action-2' }],
    };
    assert.deepEqual(planChangeSummary(current, after), { levelChanged: true, itemsAdded: 1, itemsRemoved: 1, actionsAdded: 1, actionsClosed: 1, visitsAdded: 0, visitsRemoved: 0 });
    assert.deepEqual(planChangeSummary(null, current), { levelChanged: false, itemsAdded: 1, itemsRemoved: 0, actionsAdded: 1, actionsClosed: 0, visitsAdded: 1, visitsRemoved: 0 });
  });
});

describe("a meeting's actions joining the plan", () => {
  const meeting = { id: 'meeting-1', kind: 'core-group' as const, heldOn: '2026-11-20', actions: [{ text: 'Send the log', owner: 'PC Lane', dueOn: '2026-11-27' }] };
  const newIds = () => {
    let n = 0;
    return () => `joined-${++n}`;
  };

  it('appends each as an open action owned by name, naming the meeting, and keeps everything else', () => {
    const plan = withMeetingActions(current, meeting, { caseLevel: 'child-protection', newId: newIds() });
    assert.deepEqual(plan, {
      ...current,
      actions: [...current.actions, { id: 'joined-1', text: 'Send the log', owner: { name: 'PC Lane' }, dueOn: '2026-11-27', status: 'open', fromMeeting: { id: 'meeting-1', kind: 'core-group', heldOn: '2026-11-20' } }],
    });
  });

  it('gives a case with no plan a first plan at the case’s level', () => {
    const plan = withMeetingActions(null, meeting, { caseLevel: 'child-protection', newId: newIds() });
    assert.deepEqual([plan?.level, plan?.outcomes, plan?.checkItems, plan?.actions.length], ['child-protection', [], [], 1]);
  });

  it('has no room past the most actions a plan holds (up to it is fine)', () => {
    const full = (n: number): Plan => ({ ...current, actions: Array.from({ length: n }, (_, i) => ({ ...current.actions[0]!, id: `a-${i}` })) });
    assert.equal(withMeetingActions(full(PLAN_LIMITS.actions - 1), meeting, { caseLevel: 'universal', newId: newIds() })?.actions.length, PLAN_LIMITS.actions);
    assert.equal(withMeetingActions(full(PLAN_LIMITS.actions), meeting, { caseLevel: 'universal', newId: newIds() }), null);
  });

  it('keeps each action’s meeting when the plan is sent again, which a sender cannot set or change', () => {
    const joined = withMeetingActions(current, meeting, { caseLevel: 'universal', newId: newIds() })!;
    const sent = joined.actions.map((a) => ({ id: a.id, text: a.text, owner: a.owner, dueOn: a.dueOn, status: 'open' }));
    const checked = checkPlanDraft({ ...keep, actions: [...sent, action()] }, contextWith({ current: joined }));
    assert.ok(checked.ok);
    assert.deepEqual(checked.plan.actions.map((a) => a.fromMeeting?.id ?? null), [null, 'meeting-1', null]);
  });
});

describe('the visiting pattern as sent', () => {
  const visit = (overrides: Partial<VisitCommitmentDraft> = {}): VisitCommitmentDraft => ({ agencyKind: 'childrens-social-care', everyDays: 14, babySeen: true, ...overrides });

  it('left out, keeps the plan\'s commitments; sent, replaces them: new ones given ids and since today, existing ones keep their since', () => {
    const kept = checkPlanDraft(keep, contextWith());
    assert.ok(kept.ok);
    assert.deepEqual(kept.plan.visits, current.visits);
    const sent = checkPlanDraft({ ...keep, visits: [{ id: 'visit-1', agencyKind: 'health-visiting', everyDays: 14, babySeen: false, who: '  ' }, visit({ who: ' Jo Bell, social worker ' })] }, contextWith());
    assert.ok(sent.ok);
    assert.deepEqual(sent.plan.visits, [
      { id: 'visit-1', agencyKind: 'health-visiting', everyDays: 14, babySeen: false, since: '2026-10-01' },
      { id: 'new-1', agencyKind: 'childrens-social-care', who: 'Jo Bell, social worker', everyDays: 14, babySeen: true, since: TODAY },
    ]);
    const emptied = checkPlanDraft({ ...keep, visits: [] }, contextWith());
    assert.ok(emptied.ok);
    assert.deepEqual(emptied.plan.visits, []);
    const given = checkPlanDraft({ ...keep, visits: [visit({ since: '2026-12-01' })] }, contextWith());
    assert.ok(given.ok);
    assert.equal(given.plan.visits[0]!.since, '2026-12-01');
  });

  it('takes every day from 1 to 90 in whole days, and nothing else', () => {
    for (const everyDays of [1, 7, 14, 28, 90]) assert.deepEqual(codes({ visits: [visit({ everyDays })] }), [], String(everyDays));
    for (const everyDays of [0, -7, 91, 7.5, Number.NaN, undefined]) assert.deepEqual(codes({ visits: [visit({ everyDays })] }), ['every-days-invalid /visits/0/everyDays'], String(everyDays));
  });

  it('names a known kind of agency, says whether the baby must be seen, and keeps who visits short', () => {
    assert.deepEqual(codes({ visits: [visit({ agencyKind: 'gp' }), visit({ agencyKind: 'midwifery', babySeen: false })] }), []);
    assert.deepEqual(codes({ visits: [visit({ agencyKind: 'nursery' }), visit({ agencyKind: undefined }), visit({ babySeen: undefined })] }), [
      'visit-agency-needed /visits/0/agencyKind',
      'visit-agency-needed /visits/1/agencyKind',
      'baby-seen-needed /visits/2/babySeen',
    ]);
    assert.deepEqual(codes({ visits: [visit({ who: 'x'.repeat(PLAN_LIMITS.who) })] }), []);
    assert.deepEqual(codes({ visits: [visit({ who: 'x'.repeat(PLAN_LIMITS.who + 1) })] }), ['who-too-long /visits/0/who']);
    assert.deepEqual(codes({ visits: [visit({ since: '2026-02-30' })] }), ['since-invalid /visits/0/since']);
  });

  it('holds at most the limit, with ids only of its own commitments, each once', () => {
    assert.deepEqual(codes({ visits: Array.from({ length: PLAN_LIMITS.visits }, () => visit()) }), []);
    assert.deepEqual(codes({ visits: Array.from({ length: PLAN_LIMITS.visits + 1 }, () => visit()) }), ['too-many-visits /visits']);
    assert.deepEqual(codes({ visits: [visit({ id: 'visit-2' })] }), ['unknown-id /visits/0/id']);
    assert.deepEqual(codes({ visits: [visit({ id: 'visit-1' }), visit({ id: 'visit-1' })] }), ['duplicate-id /visits/1/id']);
    assert.deepEqual(codes({ visits: [visit({ id: 'item-1' })] }), ['unknown-id /visits/0/id']);
  });

  it('counts the commitments added and taken off, and a meeting\'s actions leave them as they were', () => {
    const after: Plan = { ...current, visits: [{ id: 'visit-2', agencyKind: 'gp', everyDays: 28, babySeen: false, since: TODAY }] };
    const summary = planChangeSummary(current, after);
    assert.equal(summary.visitsAdded, 1);
    assert.equal(summary.visitsRemoved, 1);
    assert.equal(planChangeSummary(current, current).visitsAdded, 0);
    const joined = withMeetingActions(current, { id: 'm', kind: 'core-group', heldOn: TODAY, actions: [] }, { caseLevel: 'child-in-need', newId: () => 'x' });
    assert.deepEqual(joined?.visits, current.visits);
    assert.deepEqual(withMeetingActions(null, { id: 'm', kind: 'core-group', heldOn: TODAY, actions: [] }, { caseLevel: 'child-in-need', newId: () => 'x' })?.visits, []);
  });
});
