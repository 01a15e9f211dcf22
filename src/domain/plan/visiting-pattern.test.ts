import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correction, entry } from '../chronology/chronology.test-support.ts';
import type { ChronologyEntry } from '../chronology/chronology.types.ts';
import type { VisitCommitment } from './plan.types.ts';
import { keepsCommitment, overdueVisits, visitingPattern, visitState } from './visiting-pattern.ts';

// Weekly health visiting since Sunday 1 November 2026, the baby to be seen.
const weekly: VisitCommitment = { id: 'hv', agencyKind: 'health-visiting', who: 'Sam Hill', everyDays: 7, babySeen: true, since: '2026-11-01' };
const parentOnly: VisitCommitment = { ...weekly, id: 'hv-parent', babySeen: false };
const seen = (id: string, day: string, overrides: Partial<ChronologyEntry> = {}) => entry(id, 'home-visit', day, { babySeen: true, recordedBy: 'Sam Hill', agency: 'Riverside health visiting', ...overrides });

const state = (commitment: VisitCommitment, entries: readonly ChronologyEntry[], today: string) => {
  const s = visitState(commitment, entries, today);
  return { last: s.lastVisit?.on ?? null, next: s.nextDueOn, status: s.status, overdueDays: s.overdueDays, missed: s.missed };
};

describe('which contacts keep a visiting commitment', () => {
  it('a home visit, clinic contact or GP consultation by an organisation of its kind that saw the baby', () => {
    assert.equal(keepsCommitment(seen('a', '2026-11-02'), weekly), true);
    assert.equal(keepsCommitment(seen('a', '2026-11-02', { kind: 'clinic-contact' }), weekly), true);
    assert.equal(keepsCommitment(entry('a', 'gp-consultation', '2026-11-02', { agencyKind: 'gp', babySeen: true }), { ...weekly, agencyKind: 'gp' }), true);
  });

  it('not another agency\'s visit, nor a contact that is not a visit (a note, a call, an emergency attendance)', () => {
    assert.equal(keepsCommitment(seen('a', '2026-11-02', { agencyKind: 'childrens-social-care' }), weekly), false);
    assert.equal(keepsCommitment(seen('a', '2026-11-02', { kind: 'case-note' }), weekly), false);
    assert.equal(keepsCommitment(seen('a', '2026-11-02', { kind: 'information-from-family' }), parentOnly), false);
    assert.equal(keepsCommitment(seen('a', '2026-11-02', { kind: 'emergency-attendance' }), weekly), false);
    // Issue 14: a phone or video call keeps no visit, even one that says it saw the baby; the new visit kinds do.
    assert.equal(keepsCommitment(seen('a', '2026-11-02', { kind: 'phone-or-video-call' }), weekly), false);
    assert.equal(keepsCommitment(seen('a', '2026-11-02', { kind: 'phone-or-video-call' }), parentOnly), false);
    for (const kind of ['new-birth-visit', 'six-to-eight-week-review', 'joint-visit', 'unannounced-visit', 'antenatal-appointment'] as const) {
      assert.equal(keepsCommitment(seen('a', '2026-11-02', { kind }), weekly), true, kind);
    }
  });

  it('when the baby must be seen, not a visit that did not see the baby or does not say', () => {
    assert.equal(keepsCommitment(seen('a', '2026-11-02', { babySeen: false }), weekly), false);
    assert.equal(keepsCommitment(seen('a', '2026-11-02', { babySeen: null }), weekly), false);
    assert.equal(keepsCommitment(seen('a', '2026-11-02', { babySeen: false }), parentOnly), true);
    assert.equal(keepsCommitment(seen('a', '2026-11-02', { babySeen: null }), parentOnly), true);
  });
});

describe('whether a commitment was kept, on the service day', () => {
  it('before any visit: kept until since + everyDays, due that day, overdue after it by the days past', () => {
    assert.deepEqual(state(weekly, [], '2026-11-01'), { last: null, next: '2026-11-08', status: 'kept', overdueDays: 0, missed: 0 });
    assert.deepEqual(state(weekly, [], '2026-11-07'), { last: null, next: '2026-11-08', status: 'kept', overdueDays: 0, missed: 0 });
    assert.deepEqual(state(weekly, [], '2026-11-08'), { last: null, next: '2026-11-08', status: 'due', overdueDays: 0, missed: 0 });
    assert.deepEqual(state(weekly, [], '2026-11-09'), { last: null, next: '2026-11-08', status: 'overdue', overdueDays: 1, missed: 1 });
    assert.deepEqual(state(weekly, [], '2026-11-22'), { last: null, next: '2026-11-08', status: 'overdue', overdueDays: 14, missed: 1 });
  });

  it('not started while since is after today', () => {
    assert.deepEqual(state({ ...weekly, since: '2026-11-23' }, [seen('a', '2026-11-20')], '2026-11-22'), { last: null, next: '2026-11-30', status: 'not-started', overdueDays: 0, missed: 0 });
    assert.equal(state({ ...weekly, since: '2026-11-22' }, [], '2026-11-22').status, 'kept');
  });

  it('from the last visit that keeps it: next due everyDays after it', () => {
    const entries = [seen('a', '2026-11-06'), seen('b', '2026-11-12')];
    assert.deepEqual(state(weekly, entries, '2026-11-18'), { last: '2026-11-12', next: '2026-11-19', status: 'kept', overdueDays: 0, missed: 0 });
    assert.deepEqual(state(weekly, entries, '2026-11-19'), { last: '2026-11-12', next: '2026-11-19', status: 'due', overdueDays: 0, missed: 0 });
    assert.deepEqual(state(weekly, entries, '2026-11-20'), { last: '2026-11-12', next: '2026-11-19', status: 'overdue', overdueDays: 1, missed: 1 });
    const last = visitState(weekly, entries, '2026-11-18').lastVisit;
    assert.deepEqual(last, { on: '2026-11-12', by: 'Sam Hill', agency: 'Riverside health visiting', entryId: 'b' });
  });

  it('a visit today keeps it; a visit dated after today, or before since, does not count', () => {
    assert.equal(state(weekly, [seen('a', '2026-11-22')], '2026-11-22').status, 'kept');
    assert.deepEqual(state(weekly, [seen('a', '2026-11-23')], '2026-11-22'), { last: null, next: '2026-11-08', status: 'overdue', overdueDays: 14, missed: 1 });
    assert.deepEqual(state(weekly, [seen('a', '2026-10-31')], '2026-11-05'), { last: null, next: '2026-11-08', status: 'kept', overdueDays: 0, missed: 0 });
    assert.equal(state(weekly, [seen('a', '2026-11-01')], '2026-11-08').next, '2026-11-08');
  });

  it('a visit that did not see the baby leaves a baby-seen commitment overdue, and keeps a parent-only one', () => {
    const entries = [seen('a', '2026-11-06'), seen('b', '2026-11-12', { babySeen: false })];
    assert.deepEqual(state(weekly, entries, '2026-11-15'), { last: '2026-11-06', next: '2026-11-13', status: 'overdue', overdueDays: 2, missed: 1 });
    assert.deepEqual(state(parentOnly, entries, '2026-11-15'), { last: '2026-11-12', next: '2026-11-19', status: 'kept', overdueDays: 0, missed: 0 });
  });

  it('a corrected visit is left out; the correction counts as what it says', () => {
    const visit = seen('a', '2026-11-12');
    assert.equal(state(weekly, [visit, correction('a2', visit, { babySeen: false })], '2026-11-15').last, null);
    assert.equal(state(weekly, [visit, correction('a2', visit, { occurredAt: '2026-11-13' })], '2026-11-15').last, '2026-11-13');
  });

  it('counts each stretch longer than everyDays as a time it was not kept: exactly everyDays is kept', () => {
    // 1 Nov start, visits 8 Nov (7 days: kept), 20 Nov (12: missed), 27 Nov (7: kept), 15 Dec (18: missed), today 20 Dec (5: kept so far).
    const entries = [seen('a', '2026-11-08'), seen('b', '2026-11-20'), seen('c', '2026-11-27'), seen('d', '2026-12-15')];
    const s = visitState(weekly, entries, '2026-12-20');
    assert.equal(s.missed, 2);
    assert.deepEqual(s.gaps, [
      { from: '2026-11-08', to: '2026-11-20', days: 12, ongoing: false },
      { from: '2026-11-27', to: '2026-12-15', days: 18, ongoing: false },
    ]);
    assert.equal(s.status, 'kept');
    // The stretch going on counts once it is overdue.
    const ongoing = visitState(weekly, entries, '2026-12-23');
    assert.equal(ongoing.missed, 3);
    assert.deepEqual(ongoing.gaps.at(-1), { from: '2026-12-15', to: '2026-12-23', days: 8, ongoing: true });
    assert.equal(visitState(weekly, entries, '2026-12-22').missed, 2);
  });

  it('two visits on one day are one visit; entries with no readable date are left out', () => {
    const s = visitState(weekly, [seen('a', '2026-11-05'), seen('b', '2026-11-05'), seen('c', 'not a date')], '2026-11-10');
    assert.equal(s.lastVisit?.entryId, 'b');
    assert.equal(s.missed, 0);
  });

  it('longer patterns: every 28 days', () => {
    const fourWeekly: VisitCommitment = { ...weekly, everyDays: 28 };
    assert.deepEqual(state(fourWeekly, [seen('a', '2026-11-10')], '2026-12-08'), { last: '2026-11-10', next: '2026-12-08', status: 'due', overdueDays: 0, missed: 0 });
    assert.deepEqual(state(fourWeekly, [seen('a', '2026-11-10')], '2026-12-09'), { last: '2026-11-10', next: '2026-12-08', status: 'overdue', overdueDays: 1, missed: 1 });
  });

  it('the plan\'s pattern: each commitment in order, and how many are overdue', () => {
    const gp: VisitCommitment = { id: 'gp', agencyKind: 'gp', everyDays: 28, babySeen: false, since: '2026-11-01' };
    const states = visitingPattern([weekly, gp], [seen('a', '2026-11-02')], '2026-11-20');
    assert.deepEqual(states.map((s) => [s.commitmentId, s.status]), [['hv', 'overdue'], ['gp', 'kept']]);
    assert.equal(overdueVisits(states), 1);
    assert.equal(overdueVisits(visitingPattern([], [], '2026-11-20')), 0);
  });
});
