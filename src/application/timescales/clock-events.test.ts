import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { clockEventsFrom } from './clock-events.ts';

let n = 0;
const entry = (kind: ChronologyEntry['kind'], occurredAt: string, agencyKind = 'childrens-social-care', over: Partial<ChronologyEntry> = {}): ChronologyEntry => ({
  id: `e${String(++n)}`,
  kind,
  occurredAt,
  recordedAt: `${occurredAt.slice(0, 10)}T12:00:00Z`,
  recordedBy: 'Someone',
  agency: 'An agency',
  agencyKind,
  summary: kind,
  source: 'agency-record',
  personIds: [],
  presentIds: [],
  significant: false,
  indicates: [],
  babySeen: null,
  victimIds: [],
  perpetratorIds: [],
  ...over,
});

const none = { entries: [], meetings: [], bornOn: null, expectedDeliveryOn: null };

describe('clock events from a case', () => {
  it('is empty for a case with nothing, and carries the birth and due date', () => {
    assert.deepEqual(clockEventsFrom({ ...none, bornOn: '2026-10-01', expectedDeliveryOn: '2026-10-05' }), {
      referralsReceivedOn: [],
      referralDecisions: [],
      assessmentsCompletedOn: [],
      strategyDiscussions: [],
      conferences: [],
      coreGroupsHeldOn: [],
      bornOn: '2026-10-01',
      expectedDeliveryOn: '2026-10-05',
    });
  });

  it('counts referrals and assessments social care records, not another agency’s', () => {
    const events = clockEventsFrom({ ...none, entries: [entry('referral', '2026-09-01'), entry('referral', '2026-09-02', 'midwifery'), entry('assessment-completed', '2026-10-01T10:00:00+01:00'), entry('assessment-completed', '2026-10-02', 'health-visiting')] });
    assert.deepEqual(events.referralsReceivedOn, ['2026-09-01']);
    assert.deepEqual(events.assessmentsCompletedOn, ['2026-10-01']);
  });

  it('leaves corrected entries out and counts their corrections', () => {
    const wrong = entry('referral', '2026-09-01');
    const events = clockEventsFrom({ ...none, entries: [wrong, entry('referral', '2026-09-03', 'childrens-social-care', { corrects: wrong.id, correctionReason: 'wrong day' })] });
    assert.deepEqual(events.referralsReceivedOn, ['2026-09-03']);
  });

  it('takes a strategy discussion on or after the first referral as the decision on it', () => {
    const events = clockEventsFrom({ ...none, entries: [entry('strategy-discussion', '2026-08-01', 'police'), entry('referral', '2026-09-01'), entry('strategy-discussion', '2026-09-02', 'police')] });
    assert.deepEqual(events.referralDecisions, [{ decidedOn: '2026-09-02' }]);
    assert.deepEqual(events.strategyDiscussions, [{ heldOn: '2026-08-01' }, { heldOn: '2026-09-02' }]);
  });

  it('keeps the meeting, which says more, over an entry of the same kind on the same day', () => {
    const events = clockEventsFrom({
      ...none,
      entries: [entry('strategy-discussion', '2026-09-02', 'police'), entry('conference', '2026-09-20')],
      meetings: [
        { kind: 'strategy-discussion', heldOn: '2026-09-02', section47: false },
        { kind: 'initial-conference', heldOn: '2026-09-20', protectionPlan: false },
      ],
    });
    assert.deepEqual(events.strategyDiscussions, [{ heldOn: '2026-09-02', section47: false }]);
    assert.deepEqual(events.conferences, [{ kind: 'initial', heldOn: '2026-09-20', plan: false }]);
  });

  it('reads a conference entry as pre-birth before the birth, initial after it, and a review after a conference with a plan', () => {
    const unborn = clockEventsFrom({ ...none, entries: [entry('conference', '2026-08-01'), entry('conference', '2026-11-01')] });
    assert.deepEqual(unborn.conferences, [{ kind: 'pre-birth', heldOn: '2026-08-01' }, { kind: 'review', heldOn: '2026-11-01' }]);
    const born = clockEventsFrom({ ...none, bornOn: '2026-07-01', entries: [entry('conference', '2026-08-01')] });
    assert.deepEqual(born.conferences, [{ kind: 'initial', heldOn: '2026-08-01' }]);
    const planEnded = clockEventsFrom({ ...none, bornOn: '2026-07-01', entries: [entry('conference', '2026-10-01')], meetings: [{ kind: 'initial-conference', heldOn: '2026-08-01', protectionPlan: false }] });
    assert.deepEqual(planEnded.conferences, [{ kind: 'initial', heldOn: '2026-08-01', plan: false }, { kind: 'initial', heldOn: '2026-10-01' }]);
  });

  it('takes core groups from meetings, and the birth from a birth entry when the case has no date of birth', () => {
    const events = clockEventsFrom({ ...none, entries: [entry('birth', '2026-10-03T04:00:00+01:00', 'hospital')], meetings: [{ kind: 'core-group', heldOn: '2026-10-10' }, { kind: 'child-in-need-meeting', heldOn: '2026-10-11' }] });
    assert.deepEqual(events.coreGroupsHeldOn, ['2026-10-10']);
    assert.equal(events.bornOn, '2026-10-03');
  });
});
