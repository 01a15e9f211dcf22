import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChronologyEntry } from '../chronology/chronology.types.ts';
import { createRandom, type Random } from '../shared/seeded-random.ts';
import { clockEntriesKept, clockEventsFrom, type ClockEntriesState } from './clock-events.ts';
import { timescaleClocks } from './clocks.ts';

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

  describe('a decision on a referral recorded as such', () => {
    const decisionClock = (entries: ChronologyEntry[], today = '2026-09-20') => timescaleClocks(clockEventsFrom({ ...none, entries }), today).find((c) => c.id === 'referral-decision');

    it('meets the decision clock the next working day, with no strategy discussion', () => {
      // Thursday 3 September 2026, decided Friday 4: met, on time.
      const clock = decisionClock([entry('referral', '2026-09-03T16:00:00+01:00'), entry('referral-decision', '2026-09-04T10:00:00+01:00')]);
      assert.deepEqual([clock?.status, clock?.metOn, clock?.metBy, clock?.late], ['met', '2026-09-04', 'referral-decision', false]);
    });

    it('without it the same referral goes overdue', () => {
      assert.equal(decisionClock([entry('referral', '2026-09-03')])?.status, 'overdue');
    });

    it('meets it late when decided after the working day', () => {
      const clock = decisionClock([entry('referral', '2026-09-03'), entry('referral-decision', '2026-09-08')]);
      assert.deepEqual([clock?.status, clock?.late], ['met', true]);
    });

    it('does not count a decision dated before the referral', () => {
      const entries = [entry('referral-decision', '2026-09-02'), entry('referral', '2026-09-03')];
      assert.deepEqual(clockEventsFrom({ ...none, entries }).referralDecisions, []);
      assert.equal(decisionClock(entries)?.status, 'overdue');
    });

    it('does not count a decision another agency records', () => {
      const entries = [entry('referral', '2026-09-03'), entry('referral-decision', '2026-09-04', 'police'), entry('referral-decision', '2026-09-04', 'health-visiting')];
      assert.deepEqual(clockEventsFrom({ ...none, entries }).referralDecisions, []);
      assert.equal(decisionClock(entries)?.status, 'overdue');
    });

    it('keeps a strategy discussion as a decision too, each day once', () => {
      const events = clockEventsFrom({
        ...none,
        entries: [entry('referral', '2026-09-03'), entry('referral-decision', '2026-09-04'), entry('strategy-discussion', '2026-09-04', 'police'), entry('strategy-discussion', '2026-09-10', 'police')],
      });
      assert.deepEqual(events.referralDecisions, [{ decidedOn: '2026-09-04' }, { decidedOn: '2026-09-10' }]);
    });

    it('leaves out a corrected decision', () => {
      const wrong = entry('referral-decision', '2026-09-04');
      const events = clockEventsFrom({ ...none, entries: [entry('referral', '2026-09-03'), wrong, entry('case-note', '2026-09-04', 'childrens-social-care', { corrects: wrong.id, correctionReason: 'not a decision' })] });
      assert.deepEqual(events.referralDecisions, []);
    });
  });

  describe('a core group recorded as an entry', () => {
    it('counts as a core group, whoever records it', () => {
      const events = clockEventsFrom({ ...none, entries: [entry('core-group', '2026-10-10T14:00:00+01:00', 'health-visiting')] });
      assert.deepEqual(events.coreGroupsHeldOn, ['2026-10-10']);
    });

    it('is the same core group as a meeting on the same day: counted once', () => {
      const events = clockEventsFrom({
        ...none,
        entries: [entry('core-group', '2026-10-10', 'health-visiting'), entry('core-group', '2026-10-10'), entry('core-group', '2026-10-24')],
        meetings: [{ kind: 'core-group', heldOn: '2026-10-10' }],
      });
      assert.deepEqual(events.coreGroupsHeldOn, ['2026-10-10', '2026-10-24']);
    });

    it('meets the first core group clock after a conference that made a plan', () => {
      // Initial conference Monday 5 October 2026 with a plan; the core group on Friday 16 October (9 working days).
      const events = clockEventsFrom({ ...none, bornOn: '2026-07-01', entries: [entry('core-group', '2026-10-16', 'health-visiting')], meetings: [{ kind: 'initial-conference', heldOn: '2026-10-05', protectionPlan: true }] });
      const clock = timescaleClocks(events, '2026-10-30').find((c) => c.id === 'first-core-group');
      assert.deepEqual([clock?.status, clock?.metOn, clock?.metBy, clock?.late], ['met', '2026-10-16', 'core-group', false]);
    });
  });
});

describe('the clocks’ entries kept as a chronology grows', () => {
  const KINDS: ChronologyEntry['kind'][] = ['referral', 'referral-decision', 'assessment-completed', 'strategy-discussion', 'conference', 'core-group', 'birth', 'home-visit', 'case-note', 'emergency-attendance'];
  const AGENCIES = ['childrens-social-care', 'childrens-social-care', 'health-visiting', 'police'];

  /** A random entry on a day of autumn 2026: sometimes a correction of an earlier entry, to another kind or the same. */
  function randomEntry(random: Random, chronology: readonly ChronologyEntry[]): ChronologyEntry {
    const day = `2026-${String(random.int(8, 11)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    const corrects = chronology.length > 0 && random.chance(0.15) ? random.pick(chronology).id : undefined;
    return entry(random.pick(KINDS), day, random.pick(AGENCIES), corrects ? { corrects, correctionReason: 'wrong' } : {});
  }

  // As the chronology cache hands it on: the same objects, new entries at the end; now and then one dated
  // before the last (put in its place), or the chronology of a change that rolled back (a shorter one).
  it('gives the clocks a full reading gives, over 200 random chronologies of 60 changes each', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = createRandom(seed);
      let chronology: readonly ChronologyEntry[] = [];
      let kept: ClockEntriesState | undefined;
      const sources = { meetings: random.chance(0.5) ? [{ kind: 'strategy-discussion' as const, heldOn: '2026-09-10' }] : [], bornOn: random.chance(0.5) ? '2026-09-20' : null, expectedDeliveryOn: '2026-10-01' };
      for (let change = 0; change < 60; change++) {
        const step = random.next();
        if (step < 0.1 && chronology.length > 2) chronology = chronology.slice(0, random.int(1, chronology.length - 1));
        else if (step < 0.2 && chronology.length > 2) {
          const at = random.int(0, chronology.length - 1);
          chronology = [...chronology.slice(0, at), randomEntry(random, chronology), ...chronology.slice(at)];
        } else chronology = [...chronology, ...Array.from({ length: random.int(0, 3) }, () => randomEntry(random, chronology))];
        kept = clockEntriesKept(chronology, kept);
        assert.deepEqual(clockEventsFrom({ ...sources, entries: kept.entries }), clockEventsFrom({ ...sources, entries: chronology }), `seed ${String(seed)}, change ${String(change)}`);
      }
    }
  });

  it('reads only the entries added when the chronology begins with those it read', () => {
    const first = [entry('referral', '2026-09-01'), entry('home-visit', '2026-09-02')];
    const kept = clockEntriesKept(first);
    const grown = [...first, entry('home-visit', '2026-09-03')];
    assert.equal(clockEntriesKept(grown, kept).entries, kept.entries, 'nothing the clocks read was added: the same list');
    const copied = first.map((e) => ({ ...e }));
    assert.notEqual(clockEntriesKept(copied, kept).entries, kept.entries, 'other objects: read again');
  });

  it('does not look at the very chronology it read again', () => {
    const read = [entry('referral', '2026-09-01'), entry('home-visit', '2026-09-02')];
    const kept = clockEntriesKept(read);
    const untouchable = new Proxy(read, {
      get: (target, key) => {
        if (typeof key === 'string' && /^[0-9]+$/.test(key)) throw new Error(`entry ${key} looked at`);
        return Reflect.get(target, key) as unknown;
      },
    });
    const same = clockEntriesKept(untouchable, { ...kept, chronology: untouchable });
    assert.equal(same.entries, kept.entries);
    assert.throws(() => clockEntriesKept(untouchable, kept), /looked at/, 'another list with the same entries is compared entry by entry');
  });
});
