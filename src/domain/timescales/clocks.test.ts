import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../shared/calendar-date.ts';
import { CLOCK_IDS, timescaleClocks, type Clock, type ClockEvents, type ClockId } from './clocks.ts';
import { DEFAULT_TIMESCALE_SETTINGS, type TimescaleSettings } from './timescale-settings.ts';
import { AREA_SETTINGS } from './timescales.test-support.ts';

// Days used below: Monday 23 November 2026; Christmas Day Friday 25 December 2026, Boxing Day's
// substitute Monday 28 December, New Year's Day Friday 1 January 2027; Easter 2027: Good Friday 26
// March, Easter Monday 29 March. Expected date of delivery Monday 10 May 2027 (20+0 on 21 December
// 2026, 28+0 on 15 February 2027).

function events(given: Partial<ClockEvents> = {}): ClockEvents {
  return {
    referralsReceivedOn: [],
    referralDecisions: [],
    assessmentsCompletedOn: [],
    strategyDiscussions: [],
    conferences: [],
    coreGroupsHeldOn: [],
    bornOn: null,
    expectedDeliveryOn: null,
    ...given,
  };
}

function clock(id: ClockId, given: Partial<ClockEvents>, today: string, settings?: TimescaleSettings): Clock | undefined {
  return timescaleClocks(events(given), today, settings).find((c) => c.id === id);
}

/** Status, due day and, when met, the day and whether late: the parts most tests check. */
function state(id: ClockId, given: Partial<ClockEvents>, today: string, settings?: TimescaleSettings) {
  const c = clock(id, given, today, settings);
  if (c === undefined) return 'not started';
  return c.status === 'met' ? `met ${c.metOn}${c.late ? ' late' : ''} (due ${c.dueOn})` : `${c.status} ${c.dueOn}`;
}

const ids = (given: Partial<ClockEvents>, today: string, settings?: TimescaleSettings) => timescaleClocks(events(given), today, settings).map((c) => c.id);

describe('clocks: nothing started', () => {
  it('are none for a case with no events', () => {
    assert.deepEqual(timescaleClocks(events(), '2026-11-23'), []);
  });

  it('are none for a due date alone, or a birth alone', () => {
    assert.deepEqual(ids({ expectedDeliveryOn: '2027-05-10' }, '2026-11-23'), []);
    assert.deepEqual(ids({ bornOn: '2026-11-01', expectedDeliveryOn: '2026-11-05' }, '2026-11-23'), []);
  });

  it('ignore events after today, and days that are not real', () => {
    assert.deepEqual(ids({ referralsReceivedOn: ['2026-11-24'] }, '2026-11-23'), []);
    assert.deepEqual(ids({ referralsReceivedOn: ['2026-11-31', 'soon', ''] }, '2026-12-10'), []);
  });
});

describe('clock: decision on a referral within 1 working day', () => {
  const referral = { referralsReceivedOn: ['2026-11-23'] };

  it('starts with the referral and is due the next working day', () => {
    const c = clock('referral-decision', referral, '2026-11-23')!;
    assert.deepEqual(c, {
      id: 'referral-decision',
      label: 'Decision on the referral',
      timescale: 'within 1 working day of the referral',
      startedOn: '2026-11-23',
      dueOn: '2026-11-24',
      status: 'due-soon',
    });
  });

  it('is due soon on the day and the day after, overdue the day after that', () => {
    assert.equal(state('referral-decision', referral, '2026-11-23'), 'due-soon 2026-11-24');
    assert.equal(state('referral-decision', referral, '2026-11-24'), 'due-soon 2026-11-24');
    assert.equal(state('referral-decision', referral, '2026-11-25'), 'overdue 2026-11-24');
    assert.equal(state('referral-decision', referral, '2027-06-01'), 'overdue 2026-11-24');
  });

  it('is due, not due soon, with no notice set', () => {
    const noNotice = { ...DEFAULT_TIMESCALE_SETTINGS, dueSoonWorkingDays: 0 };
    assert.equal(state('referral-decision', referral, '2026-11-23', noNotice), 'due 2026-11-24');
    assert.equal(state('referral-decision', referral, '2026-11-24', noNotice), 'due-soon 2026-11-24');
  });

  it('is met by a decision on the day, or the next working day; met late after that', () => {
    assert.equal(state('referral-decision', { ...referral, referralDecisions: [{ decidedOn: '2026-11-23' }] }, '2026-11-30'), 'met 2026-11-23 (due 2026-11-24)');
    assert.equal(state('referral-decision', { ...referral, referralDecisions: [{ decidedOn: '2026-11-24' }] }, '2026-11-30'), 'met 2026-11-24 (due 2026-11-24)');
    const late = clock('referral-decision', { ...referral, referralDecisions: [{ decidedOn: '2026-11-25' }] }, '2026-11-30')!;
    assert.deepEqual([late.status, late.metOn, late.metBy, late.late], ['met', '2026-11-25', 'referral-decision', true]);
  });

  it('is not met by a decision after today (not yet made) nor one before the referral', () => {
    assert.equal(state('referral-decision', { ...referral, referralDecisions: [{ decidedOn: '2026-11-24' }] }, '2026-11-23'), 'due-soon 2026-11-24');
    assert.equal(state('referral-decision', { ...referral, referralDecisions: [{ decidedOn: '2026-11-20' }] }, '2026-11-30'), 'overdue 2026-11-24');
  });

  it('counts from a referral at the weekend or before a bank holiday to the next working day', () => {
    assert.equal(state('referral-decision', { referralsReceivedOn: ['2026-11-27'] }, '2026-11-27'), 'due-soon 2026-11-30'); // Friday
    assert.equal(state('referral-decision', { referralsReceivedOn: ['2026-11-28'] }, '2026-11-28'), 'due-soon 2026-11-30'); // Saturday
    assert.equal(state('referral-decision', { referralsReceivedOn: ['2026-12-24'] }, '2026-12-28'), 'due-soon 2026-12-29'); // Christmas Eve
    assert.equal(state('referral-decision', { referralsReceivedOn: ['2026-12-31'] }, '2027-01-04'), 'due-soon 2027-01-04');
    assert.equal(state('referral-decision', { referralsReceivedOn: ['2027-03-25'] }, '2027-03-30'), 'due-soon 2027-03-30'); // Maundy Thursday
    assert.equal(state('referral-decision', { referralsReceivedOn: ['2027-03-25'] }, '2027-03-31'), 'overdue 2027-03-30');
  });

  it('runs from the first of two referrals before a decision, and starts again with a referral after one', () => {
    assert.equal(state('referral-decision', { referralsReceivedOn: ['2026-11-24', '2026-11-23'] }, '2026-11-24'), 'due-soon 2026-11-24');
    const decided = { referralsReceivedOn: ['2026-11-02', '2026-11-23'], referralDecisions: [{ decidedOn: '2026-11-03' }] };
    assert.equal(state('referral-decision', decided, '2026-11-25'), 'overdue 2026-11-24');
    assert.equal(clock('referral-decision', decided, '2026-11-25')?.startedOn, '2026-11-23');
    assert.equal(state('referral-decision', decided, '2026-11-10'), 'met 2026-11-03 (due 2026-11-03)');
  });

  it('reads a date-time by its own date', () => {
    assert.equal(state('referral-decision', { referralsReceivedOn: ['2026-11-23T16:45:00+00:00'], referralDecisions: [{ decidedOn: '2026-11-24T09:00:00Z' }] }, '2026-11-30'), 'met 2026-11-24 (due 2026-11-24)');
  });
});

describe('clock: assessment within 45 working days of the referral', () => {
  const referral = { referralsReceivedOn: ['2026-11-23'] };

  it('is due 45 working days on, across Christmas and New Year', () => {
    const c = clock('assessment', referral, '2026-12-01')!;
    assert.deepEqual([c.label, c.timescale, c.startedOn, c.dueOn, c.status], ['Assessment', 'within 45 working days of the referral', '2026-11-23', '2027-01-28', 'due']);
  });

  it('is due soon from 2 working days before, and overdue the day after', () => {
    assert.equal(state('assessment', referral, '2027-01-25'), 'due 2027-01-28');
    assert.equal(state('assessment', referral, '2027-01-26'), 'due-soon 2027-01-28');
    assert.equal(state('assessment', referral, '2027-01-28'), 'due-soon 2027-01-28');
    assert.equal(state('assessment', referral, '2027-01-29'), 'overdue 2027-01-28');
  });

  it('counts due soon in working days: a weekend before the due day does not count', () => {
    // a referral on Monday 5 January 2026 is due on Monday 9 March: due soon from the Thursday before
    const january = { referralsReceivedOn: ['2026-01-05'] };
    assert.equal(state('assessment', january, '2026-03-04'), 'due 2026-03-09');
    assert.equal(state('assessment', january, '2026-03-05'), 'due-soon 2026-03-09');
    assert.equal(state('assessment', january, '2026-03-07'), 'due-soon 2026-03-09');
  });

  it('is met by the assessment completed on time, and met late after the due day', () => {
    assert.equal(state('assessment', { ...referral, assessmentsCompletedOn: ['2027-01-28'] }, '2027-02-10'), 'met 2027-01-28 (due 2027-01-28)');
    assert.equal(state('assessment', { ...referral, assessmentsCompletedOn: ['2027-01-29'] }, '2027-02-10'), 'met 2027-01-29 late (due 2027-01-28)');
    assert.equal(clock('assessment', { ...referral, assessmentsCompletedOn: ['2026-12-15'] }, '2026-12-15')?.metBy, 'assessment');
  });

  it('does not run when the decision was that no assessment is needed, unless one was done', () => {
    assert.equal(state('assessment', { ...referral, referralDecisions: [{ decidedOn: '2026-11-24', assessment: false }] }, '2027-02-10'), 'not started');
    assert.equal(state('referral-decision', { ...referral, referralDecisions: [{ decidedOn: '2026-11-24', assessment: false }] }, '2027-02-10'), 'met 2026-11-24 (due 2026-11-24)');
    assert.equal(state('assessment', { ...referral, referralDecisions: [{ decidedOn: '2026-11-24', assessment: false }], assessmentsCompletedOn: ['2026-12-01'] }, '2027-02-10'), 'met 2026-12-01 (due 2027-01-28)');
    assert.equal(state('assessment', { ...referral, referralDecisions: [{ decidedOn: '2026-11-24', assessment: true }] }, '2027-02-10'), 'overdue 2027-01-28');
  });

  it('runs while the decision has not been made', () => {
    assert.equal(state('assessment', referral, '2026-11-23'), 'due 2027-01-28');
  });

  it('starts again with a referral after an assessment was completed', () => {
    const again = { referralsReceivedOn: ['2026-06-01', '2026-11-23'], assessmentsCompletedOn: ['2026-07-01'] };
    assert.equal(state('assessment', again, '2026-12-01'), 'due 2027-01-28');
    assert.equal(state('assessment', again, '2026-08-01'), 'met 2026-07-01 (due 2026-08-03)');
  });
});

describe('clock: initial conference within 15 working days of the strategy discussion', () => {
  const strategy = { strategyDiscussions: [{ heldOn: '2026-11-23' }] };

  it('is due 15 working days after the strategy discussion', () => {
    const c = clock('initial-conference', strategy, '2026-11-23')!;
    assert.deepEqual([c.label, c.timescale, c.startedOn, c.dueOn, c.status], ['Initial child protection conference', 'within 15 working days of the strategy discussion', '2026-11-23', '2026-12-14', 'due']);
    assert.equal(state('initial-conference', strategy, '2026-12-09'), 'due 2026-12-14');
    assert.equal(state('initial-conference', strategy, '2026-12-10'), 'due-soon 2026-12-14');
    assert.equal(state('initial-conference', strategy, '2026-12-14'), 'due-soon 2026-12-14');
    assert.equal(state('initial-conference', strategy, '2026-12-15'), 'overdue 2026-12-14');
  });

  it('skips Christmas and New Year', () => {
    assert.equal(state('initial-conference', { strategyDiscussions: [{ heldOn: '2026-12-14' }] }, '2026-12-14'), 'due 2027-01-07');
  });

  it('is met by an initial or a pre-birth conference, not a review', () => {
    assert.equal(state('initial-conference', { ...strategy, conferences: [{ kind: 'initial', heldOn: '2026-12-14' }] }, '2026-12-20'), 'met 2026-12-14 (due 2026-12-14)');
    assert.equal(state('initial-conference', { ...strategy, conferences: [{ kind: 'initial', heldOn: '2026-12-15' }] }, '2026-12-20'), 'met 2026-12-15 late (due 2026-12-14)');
    assert.equal(clock('initial-conference', { ...strategy, conferences: [{ kind: 'pre-birth', heldOn: '2026-12-01' }] }, '2026-12-20')?.metBy, 'pre-birth-conference');
    assert.equal(state('initial-conference', { ...strategy, conferences: [{ kind: 'review', heldOn: '2026-12-01' }] }, '2026-12-20'), 'overdue 2026-12-14');
  });

  it('does not start from a strategy discussion that started no section 47 enquiries', () => {
    assert.equal(state('initial-conference', { strategyDiscussions: [{ heldOn: '2026-11-23', section47: false }] }, '2026-12-20'), 'not started');
    assert.equal(state('initial-conference', { strategyDiscussions: [{ heldOn: '2026-11-23', section47: false }, { heldOn: '2026-11-30', section47: true }] }, '2026-12-20'), 'due-soon 2026-12-21');
  });

  it('runs from the first strategy discussion when there were several before the conference', () => {
    assert.equal(clock('initial-conference', { strategyDiscussions: [{ heldOn: '2026-11-30' }, { heldOn: '2026-11-23' }] }, '2026-12-01')?.startedOn, '2026-11-23');
  });
});

describe('clock: first core group within 10 working days of the initial conference', () => {
  const conference = { conferences: [{ kind: 'initial' as const, heldOn: '2026-12-14' }] };

  it('is due 10 working days after, across Christmas', () => {
    const c = clock('first-core-group', conference, '2026-12-14')!;
    assert.deepEqual([c.label, c.timescale, c.dueOn, c.status], ['First core group', 'within 10 working days of the initial conference', '2026-12-30', 'due']);
    assert.equal(state('first-core-group', conference, '2026-12-23'), 'due 2026-12-30'); // 24, 29 and 30 December to go
    assert.equal(state('first-core-group', conference, '2026-12-24'), 'due-soon 2026-12-30'); // six days, but two working days: 29 and 30
    assert.equal(state('first-core-group', conference, '2026-12-31'), 'overdue 2026-12-30');
  });

  it('is met by a core group, late after the due day', () => {
    assert.equal(state('first-core-group', { ...conference, coreGroupsHeldOn: ['2026-12-30'] }, '2027-01-10'), 'met 2026-12-30 (due 2026-12-30)');
    assert.equal(state('first-core-group', { ...conference, coreGroupsHeldOn: ['2026-12-31'] }, '2027-01-10'), 'met 2026-12-31 late (due 2026-12-30)');
    assert.equal(state('first-core-group', { ...conference, coreGroupsHeldOn: ['2026-12-10'] }, '2027-01-10'), 'overdue 2026-12-30', 'a core group before the conference does not count');
  });

  it('starts from a pre-birth conference too, and not from a conference that made no plan', () => {
    assert.equal(state('first-core-group', { conferences: [{ kind: 'pre-birth', heldOn: '2026-12-14' }] }, '2026-12-15'), 'due 2026-12-30');
    assert.equal(state('first-core-group', { conferences: [{ kind: 'initial', heldOn: '2026-12-14', plan: false }] }, '2026-12-15'), 'not started');
  });
});

describe('clock: first review conference within 3 months of the initial conference', () => {
  const conference = { conferences: [{ kind: 'initial' as const, heldOn: '2026-12-14' }] };

  it('is due 3 calendar months on, even on a Sunday, due soon by working days', () => {
    const c = clock('first-review-conference', conference, '2026-12-14')!;
    assert.deepEqual([c.label, c.timescale, c.dueOn, c.status], ['First review conference', 'within 3 months of the initial conference', '2027-03-14', 'due']);
    assert.equal(state('first-review-conference', conference, '2027-03-09'), 'due 2027-03-14');
    assert.equal(state('first-review-conference', conference, '2027-03-10'), 'due-soon 2027-03-14'); // 11 and 12 March
    assert.equal(state('first-review-conference', conference, '2027-03-14'), 'due-soon 2027-03-14');
    assert.equal(state('first-review-conference', conference, '2027-03-15'), 'overdue 2027-03-14');
  });

  it('takes the month’s last day when it has no such date', () => {
    assert.equal(state('first-review-conference', { conferences: [{ kind: 'initial', heldOn: '2026-11-30' }] }, '2026-12-01'), 'due 2027-02-28');
  });

  it('is met by a review conference, late after the due day, not by another kind', () => {
    assert.equal(state('first-review-conference', { conferences: [...conference.conferences, { kind: 'review', heldOn: '2027-03-12' }] }, '2027-04-01'), 'met 2027-03-12 (due 2027-03-14)');
    assert.equal(state('first-review-conference', { conferences: [...conference.conferences, { kind: 'review', heldOn: '2027-03-15' }] }, '2027-04-01'), 'met 2027-03-15 late (due 2027-03-14)');
    assert.equal(state('first-review-conference', { ...conference, coreGroupsHeldOn: ['2027-03-01'] }, '2027-04-01'), 'overdue 2027-03-14');
  });

  it('starts from a pre-birth conference, not from a conference that made no plan', () => {
    assert.equal(state('first-review-conference', { conferences: [{ kind: 'pre-birth', heldOn: '2027-02-15' }] }, '2027-02-16'), 'due 2027-05-15');
    assert.equal(state('first-review-conference', { conferences: [{ kind: 'initial', heldOn: '2026-12-14', plan: false }] }, '2027-04-01'), 'not started');
  });
});

describe('clock: next review conference at most 6 months after the last', () => {
  const cycle = [
    { kind: 'initial' as const, heldOn: '2026-12-14' },
    { kind: 'review' as const, heldOn: '2027-03-12' },
  ];

  it('starts with the first review and is due 6 months on', () => {
    const c = clock('next-review-conference', { conferences: cycle }, '2027-03-12')!;
    assert.deepEqual([c.label, c.timescale, c.startedOn, c.dueOn, c.status], ['Next review conference', 'within 6 months of the last review conference', '2027-03-12', '2027-09-12', 'due']);
    // 12 September 2027 is a Sunday: due soon from Wednesday 8 (9 and 10 September to go)
    assert.equal(state('next-review-conference', { conferences: cycle }, '2027-09-07'), 'due 2027-09-12');
    assert.equal(state('next-review-conference', { conferences: cycle }, '2027-09-08'), 'due-soon 2027-09-12');
    assert.equal(state('next-review-conference', { conferences: cycle }, '2027-09-13'), 'overdue 2027-09-12');
  });

  it('runs from the latest review', () => {
    const later = [...cycle, { kind: 'review' as const, heldOn: '2027-09-01' }];
    assert.equal(state('next-review-conference', { conferences: later }, '2027-09-02'), 'due 2028-03-01');
    assert.equal(state('next-review-conference', { conferences: later }, '2027-08-31'), 'due 2027-09-12', 'the review on 1 September had not happened yet');
  });

  it('is not started before the first review, after a review that ended the plan, or after a new initial conference', () => {
    assert.equal(state('next-review-conference', { conferences: cycle.slice(0, 1) }, '2027-03-01'), 'not started');
    assert.equal(state('next-review-conference', { conferences: [cycle[0]!, { kind: 'review', heldOn: '2027-03-12', plan: false }] }, '2027-04-01'), 'not started');
    const newCycle = [...cycle, { kind: 'initial' as const, heldOn: '2027-06-01' }];
    assert.deepEqual(ids({ conferences: newCycle }, '2027-06-02'), ['first-core-group', 'first-review-conference']);
    assert.equal(state('first-review-conference', { conferences: newCycle }, '2027-06-02'), 'due 2027-09-01');
  });

  it('runs from a review with no initial conference recorded (a case transferred in)', () => {
    assert.equal(state('next-review-conference', { conferences: [{ kind: 'review', heldOn: '2027-01-15' }] }, '2027-01-20'), 'due 2027-07-15');
  });
});

describe('clock: after a pre-birth conference, a review conference or core group within 10 working days of the birth', () => {
  const preBirth = { conferences: [{ kind: 'pre-birth' as const, heldOn: '2026-11-23' }], bornOn: '2027-01-04' };

  it('starts at the birth and is due 10 working days on', () => {
    const c = clock('post-birth-meeting', preBirth, '2027-01-04')!;
    assert.deepEqual([c.label, c.timescale, c.startedOn, c.dueOn, c.status], ['Review conference or core group after the birth', 'within 10 working days of the birth', '2027-01-04', '2027-01-18', 'due']);
    assert.equal(state('post-birth-meeting', preBirth, '2027-01-13'), 'due 2027-01-18');
    assert.equal(state('post-birth-meeting', preBirth, '2027-01-14'), 'due-soon 2027-01-18');
    assert.equal(state('post-birth-meeting', preBirth, '2027-01-19'), 'overdue 2027-01-18');
  });

  it('counts working days: a birth on Christmas Eve is due after New Year', () => {
    assert.equal(state('post-birth-meeting', { ...preBirth, bornOn: '2026-12-24' }, '2026-12-24'), 'due 2027-01-12');
  });

  it('is met by a core group or a review conference from the day of the birth, late after the due day', () => {
    const byCoreGroup = clock('post-birth-meeting', { ...preBirth, coreGroupsHeldOn: ['2026-12-01', '2027-01-12'] }, '2027-02-01')!;
    assert.deepEqual([byCoreGroup.status, byCoreGroup.metOn, byCoreGroup.metBy, byCoreGroup.late], ['met', '2027-01-12', 'core-group', false]);
    const byReview = clock('post-birth-meeting', { ...preBirth, conferences: [...preBirth.conferences, { kind: 'review', heldOn: '2027-01-20' }] }, '2027-02-01')!;
    assert.deepEqual([byReview.status, byReview.metOn, byReview.metBy, byReview.late], ['met', '2027-01-20', 'review-conference', true]);
    assert.equal(state('post-birth-meeting', { ...preBirth, coreGroupsHeldOn: ['2027-01-04'] }, '2027-02-01'), 'met 2027-01-04 (due 2027-01-18)');
  });

  it('is not met by a core group before the birth', () => {
    assert.equal(state('post-birth-meeting', { ...preBirth, coreGroupsHeldOn: ['2027-01-03'] }, '2027-02-01'), 'overdue 2027-01-18');
  });

  it('is not started without a pre-birth conference before the birth, or when it made no plan, or the plan ended before the birth', () => {
    assert.equal(state('post-birth-meeting', { bornOn: '2027-01-04' }, '2027-01-05'), 'not started');
    assert.equal(state('post-birth-meeting', { conferences: [{ kind: 'initial', heldOn: '2026-11-23' }], bornOn: '2027-01-04' }, '2027-01-05'), 'not started');
    assert.equal(state('post-birth-meeting', { conferences: [{ kind: 'pre-birth', heldOn: '2027-01-04' }], bornOn: '2027-01-04' }, '2027-01-05'), 'not started', 'a conference on the day of the birth is not before it');
    assert.equal(state('post-birth-meeting', { conferences: [{ kind: 'pre-birth', heldOn: '2026-11-23', plan: false }], bornOn: '2027-01-04' }, '2027-01-05'), 'not started');
    assert.equal(
      state('post-birth-meeting', { conferences: [{ kind: 'pre-birth', heldOn: '2026-11-01' }, { kind: 'review', heldOn: '2026-12-01', plan: false }], bornOn: '2027-01-04' }, '2027-01-05'),
      'not started',
    );
    assert.equal(state('post-birth-meeting', { conferences: [{ kind: 'pre-birth', heldOn: '2026-11-01' }, { kind: 'review', heldOn: '2026-12-01' }], bornOn: '2027-01-04' }, '2027-01-05'), 'due 2027-01-18');
  });

  it('is not started before the baby is born, nor by a birth recorded after today', () => {
    assert.equal(state('post-birth-meeting', { conferences: preBirth.conferences }, '2027-01-05'), 'not started');
    assert.equal(state('post-birth-meeting', preBirth, '2027-01-03'), 'not started');
  });
});

describe('clock: pre-birth strategy discussion by the area’s week of pregnancy', () => {
  const pregnancy = { expectedDeliveryOn: '2027-05-10', referralsReceivedOn: ['2026-11-23'] };

  it('starts with a referral during the pregnancy and is due at 20+0 by default', () => {
    const c = clock('pre-birth-strategy-discussion', pregnancy, '2026-11-23')!;
    assert.deepEqual([c.label, c.timescale, c.startedOn, c.dueOn, c.status], ['Pre-birth strategy discussion', 'by 20 weeks of pregnancy', '2026-11-23', '2026-12-21', 'due']);
    assert.equal(state('pre-birth-strategy-discussion', pregnancy, '2026-12-16'), 'due 2026-12-21');
    assert.equal(state('pre-birth-strategy-discussion', pregnancy, '2026-12-17'), 'due-soon 2026-12-21');
    assert.equal(state('pre-birth-strategy-discussion', pregnancy, '2026-12-22'), 'overdue 2026-12-21');
  });

  it('is due by each area’s week', () => {
    const due = (preBirth: (typeof AREA_SETTINGS)[keyof typeof AREA_SETTINGS]) => clock('pre-birth-strategy-discussion', { ...pregnancy, referralsReceivedOn: ['2026-09-01'] }, '2026-09-01', { ...DEFAULT_TIMESCALE_SETTINGS, preBirth })?.dueOn;
    assert.deepEqual([due(AREA_SETTINGS.north), due(AREA_SETTINGS.coast), due(AREA_SETTINGS.city)], ['2026-12-21', '2026-12-07', '2026-11-23']);
  });

  it('is met by a strategy discussion, late after the week; or by an assessment that ended without one', () => {
    assert.equal(state('pre-birth-strategy-discussion', { ...pregnancy, strategyDiscussions: [{ heldOn: '2026-12-21', section47: false }] }, '2027-01-10'), 'met 2026-12-21 (due 2026-12-21)');
    assert.equal(state('pre-birth-strategy-discussion', { ...pregnancy, strategyDiscussions: [{ heldOn: '2026-12-22' }] }, '2027-01-10'), 'met 2026-12-22 late (due 2026-12-21)');
    assert.equal(clock('pre-birth-strategy-discussion', { ...pregnancy, assessmentsCompletedOn: ['2026-12-10'] }, '2027-01-10')?.metBy, 'assessment');
  });

  it('is overdue from the start when the referral came after the week', () => {
    const late = clock('pre-birth-strategy-discussion', { ...pregnancy, referralsReceivedOn: ['2027-01-04'] }, '2027-01-04')!;
    assert.deepEqual([late.startedOn, late.dueOn, late.status], ['2027-01-04', '2026-12-21', 'overdue']);
  });

  it('is not started without a due date, without a week set, by a referral before the pregnancy or after the birth, or when the decision was no assessment', () => {
    assert.equal(state('pre-birth-strategy-discussion', { referralsReceivedOn: ['2026-11-23'] }, '2026-11-24'), 'not started');
    const noWeek = { ...DEFAULT_TIMESCALE_SETTINGS, preBirth: { ...DEFAULT_TIMESCALE_SETTINGS.preBirth, strategyMeetingByWeek: null } };
    assert.equal(state('pre-birth-strategy-discussion', pregnancy, '2026-11-24', noWeek), 'not started');
    assert.equal(state('pre-birth-strategy-discussion', { ...pregnancy, referralsReceivedOn: ['2026-08-02'] }, '2026-11-24'), 'not started', 'the day before 0+0');
    assert.equal(state('pre-birth-strategy-discussion', { ...pregnancy, referralsReceivedOn: ['2026-08-03'] }, '2026-11-24'), 'due 2026-12-21', '0+0');
    assert.equal(state('pre-birth-strategy-discussion', { ...pregnancy, referralsReceivedOn: ['2027-05-12'], bornOn: '2027-05-08' }, '2027-05-13'), 'not started');
    assert.equal(state('pre-birth-strategy-discussion', { ...pregnancy, referralDecisions: [{ decidedOn: '2026-11-24', assessment: false }] }, '2026-12-22'), 'not started');
  });

  it('runs from the first referral of the pregnancy', () => {
    assert.equal(clock('pre-birth-strategy-discussion', { ...pregnancy, referralsReceivedOn: ['2026-12-01', '2026-10-01'] }, '2026-12-02')?.startedOn, '2026-10-01');
  });
});

describe('clock: pre-birth conference by the area’s week of pregnancy', () => {
  const enquiries = { expectedDeliveryOn: '2027-05-10', strategyDiscussions: [{ heldOn: '2026-12-10' }] };

  it('starts with a section 47 strategy discussion during the pregnancy and is due at 28+0 by default', () => {
    const c = clock('pre-birth-conference', enquiries, '2026-12-10')!;
    assert.deepEqual([c.label, c.timescale, c.startedOn, c.dueOn, c.status], ['Pre-birth child protection conference', 'by 28 weeks of pregnancy', '2026-12-10', '2027-02-15', 'due']);
    assert.equal(state('pre-birth-conference', enquiries, '2027-02-11'), 'due-soon 2027-02-15');
    assert.equal(state('pre-birth-conference', enquiries, '2027-02-10'), 'due 2027-02-15');
    assert.equal(state('pre-birth-conference', enquiries, '2027-02-16'), 'overdue 2027-02-15');
  });

  it('is due by each area’s week, or the weeks before the due date when those come first', () => {
    const due = (preBirth: (typeof AREA_SETTINGS)[keyof typeof AREA_SETTINGS]) => clock('pre-birth-conference', enquiries, '2026-12-10', { ...DEFAULT_TIMESCALE_SETTINGS, preBirth });
    assert.deepEqual([due(AREA_SETTINGS.north)?.dueOn, due(AREA_SETTINGS.coast)?.dueOn, due(AREA_SETTINGS.city)?.dueOn], ['2027-02-15', '2027-02-01', '2027-01-18']);
    const weeksBefore = due({ strategyMeetingByWeek: 20, conferenceByWeek: null, conferenceAtLeastWeeksBeforeDue: 10 })!;
    assert.deepEqual([weeksBefore.dueOn, weeksBefore.timescale], ['2027-03-01', 'at least 10 weeks before the due date']);
  });

  it('is met by a pre-birth or initial conference, late after the week', () => {
    assert.equal(state('pre-birth-conference', { ...enquiries, conferences: [{ kind: 'pre-birth', heldOn: '2027-01-05' }] }, '2027-03-01'), 'met 2027-01-05 (due 2027-02-15)');
    assert.equal(state('pre-birth-conference', { ...enquiries, conferences: [{ kind: 'pre-birth', heldOn: '2027-02-16' }] }, '2027-03-01'), 'met 2027-02-16 late (due 2027-02-15)');
  });

  it('is not started by a strategy discussion that started no enquiries, nor one after the birth, nor without a week set', () => {
    assert.equal(state('pre-birth-conference', { ...enquiries, strategyDiscussions: [{ heldOn: '2026-12-10', section47: false }] }, '2027-03-01'), 'not started');
    assert.equal(state('pre-birth-conference', { ...enquiries, strategyDiscussions: [{ heldOn: '2027-05-12' }], bornOn: '2027-05-08' }, '2027-05-13'), 'not started');
    const none = { ...DEFAULT_TIMESCALE_SETTINGS, preBirth: { strategyMeetingByWeek: 20, conferenceByWeek: null, conferenceAtLeastWeeksBeforeDue: null } };
    assert.equal(state('pre-birth-conference', enquiries, '2027-01-01', none), 'not started');
  });
});

describe('clocks for a whole case', () => {
  // Infant 2's kind of story: referred in pregnancy, enquiries, a pre-birth conference and a plan, born, reviewed.
  const story: ClockEvents = events({
    expectedDeliveryOn: '2027-05-10',
    referralsReceivedOn: ['2026-11-23'],
    referralDecisions: [{ decidedOn: '2026-11-24' }],
    strategyDiscussions: [{ heldOn: '2026-12-10' }],
    conferences: [
      { kind: 'pre-birth', heldOn: '2027-01-05' },
      { kind: 'review', heldOn: '2027-04-08' },
    ],
    assessmentsCompletedOn: ['2027-01-20'],
    coreGroupsHeldOn: ['2027-01-15', '2027-05-14'],
    bornOn: '2027-05-04',
  });

  it('are in order of the case’s life, and every one of them started, on the day after the last event', () => {
    const clocks = timescaleClocks(story, '2027-05-20');
    assert.deepEqual(
      clocks.map((c) => `${c.id}: ${c.status}${c.late ? ' late' : ''}`),
      [
        'referral-decision: met',
        'assessment: met',
        'pre-birth-strategy-discussion: met',
        'initial-conference: met',
        'pre-birth-conference: met',
        'first-core-group: met',
        'post-birth-meeting: met',
        'first-review-conference: met late',
        'next-review-conference: due',
      ],
    );
    assert.deepEqual(clocks.map((c) => c.id), [...CLOCK_IDS]);
  });

  it('as they stood on earlier days: only what had started, met only by what had happened', () => {
    assert.deepEqual(ids(story, '2026-11-22'), []);
    assert.deepEqual(
      timescaleClocks(story, '2026-12-10').map((c) => `${c.id}: ${c.status}`),
      ['referral-decision: met', 'assessment: due', 'pre-birth-strategy-discussion: met', 'initial-conference: due', 'pre-birth-conference: due'],
    );
    assert.deepEqual(
      timescaleClocks(story, '2027-01-18').map((c) => `${c.id}: ${c.status}`),
      [
        'referral-decision: met',
        'assessment: due',
        'pre-birth-strategy-discussion: met',
        'initial-conference: met',
        'pre-birth-conference: met',
        'first-core-group: met',
        'first-review-conference: due',
      ],
    );
  });

  it('are the same from all the events as from only those up to the day, every day of the story', () => {
    const upTo = (today: string): ClockEvents => ({
      ...story,
      referralsReceivedOn: story.referralsReceivedOn.filter((d) => d <= today),
      referralDecisions: story.referralDecisions.filter((d) => d.decidedOn <= today),
      assessmentsCompletedOn: story.assessmentsCompletedOn.filter((d) => d <= today),
      strategyDiscussions: story.strategyDiscussions.filter((d) => d.heldOn <= today),
      conferences: story.conferences.filter((d) => d.heldOn <= today),
      coreGroupsHeldOn: story.coreGroupsHeldOn.filter((d) => d <= today),
      bornOn: story.bornOn !== null && story.bornOn <= today ? story.bornOn : null,
    });
    for (let day = '2026-11-01'; day <= '2027-12-31'; day = addDays(day, 1)) {
      assert.deepEqual(timescaleClocks(story, day), timescaleClocks(upTo(day), day), day);
    }
  });

  it('never show a met clock without its day, nor an unmet one with one', () => {
    for (const today of ['2026-12-01', '2027-01-10', '2027-03-01', '2027-05-20', '2028-01-01']) {
      for (const c of timescaleClocks(story, today)) {
        assert.equal(c.metOn !== undefined, c.status === 'met', `${c.id} on ${today}`);
        assert.equal(c.late !== undefined, c.status === 'met');
        assert.ok(c.startedOn <= today);
        assert.match(c.id, /^[a-z]+(-[a-z0-9]+)*$/);
      }
    }
  });
});
