import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../shared/calendar-date.ts';
import { correction, entry, idsOf } from './chronology.test-support.ts';
import { babySeenAsRecorded, DEFAULT_UNSEEN_PERIOD_SETTINGS, findUnseenPeriods, seesTheBaby, unseenPeriodSettings } from './unseen-periods.ts';
import type { ChronologyEntry } from './chronology.types.ts';

const BORN = '2026-03-01';
const visit = (id: string, day: string, babySeen: boolean | null = true) => entry(id, 'home-visit', day, { babySeen });
const spans = (entries: readonly ChronologyEntry[], today: string, dateOfBirth: string | null = BORN) =>
  findUnseenPeriods(entries, dateOfBirth, today).map((p) => [p.from, p.to, p.days, p.ongoing]);

describe('unseen periods', () => {
  it('finds nothing for an unborn baby, or when today or the date of birth cannot be read, or today is before the birth', () => {
    assert.deepEqual(spans([], '2026-12-01', null), []);
    assert.deepEqual(spans([], 'today'), []);
    assert.deepEqual(spans([], '2026-12-01', '2026-02-30'), []);
    assert.deepEqual(spans([], '2026-02-01'), []);
  });

  it('counts from the birth to today: 28 days unseen is within the limit, 29 is not', () => {
    assert.deepEqual(spans([], addDays(BORN, 28)), []);
    const [period] = findUnseenPeriods([], BORN, addDays(BORN, 29));
    assert.deepEqual([period?.from, period?.to, period?.days, period?.ongoing, period?.startsAt], [BORN, '2026-03-30', 29, true, 'birth']);
    assert.deepEqual(period?.band, { fromMonths: 0, underMonths: 6, maxDays: 28 });
    assert.equal(period?.overdueFrom, '2026-03-30');
    assert.deepEqual([period?.lastSeen, period?.nextSeen], [null, null]);
  });

  it('finds a period between two contacts longer than the limit, naming the contacts either side', () => {
    const entries = [visit('v1', '2026-03-10'), visit('v2', '2026-04-07'), visit('v3', '2026-05-07T16:00:00Z')];
    const [period, ...rest] = findUnseenPeriods(entries, BORN, '2026-05-20');
    assert.deepEqual(rest, []);
    assert.deepEqual([period?.from, period?.to, period?.days, period?.ongoing], ['2026-04-07', '2026-05-07', 30, false]);
    assert.deepEqual([period?.lastSeen?.id, period?.nextSeen?.id, period?.startsAt], ['v2', 'v3', 'seen']);
  });

  it('counts a contact as seeing the baby unless it says the baby was not seen, and lists the ones that did not', () => {
    const notSeen = visit('asleep', '2026-03-20', false);
    const periods = findUnseenPeriods([visit('v1', '2026-03-02', null), notSeen, entry('w', 'was-not-brought', '2026-03-25'), visit('v2', '2026-04-15')], BORN, '2026-04-20');
    assert.deepEqual(periods.map((p) => [p.from, p.to, idsOf(p.contactsWithoutSeeing)]), [['2026-03-02', '2026-04-15', ['asleep', 'w']]]);
    assert.equal(seesTheBaby(entry('g', 'gp-consultation', '2026-01-01')), true);
    assert.equal(seesTheBaby(entry('d', 'neonatal-discharge', '2026-01-01')), true);
    assert.equal(seesTheBaby(entry('r', 'referral', '2026-01-01', { babySeen: true })), false);
  });

  it('never counts a phone or video call as seeing the baby, even one that says so; every visit kind sees the baby unless it says not (issue 14)', () => {
    const call = entry('call', 'phone-or-video-call', '2026-03-20', { babySeen: true });
    assert.equal(seesTheBaby(call), false);
    // The call in the middle does not split 44 unseen days in two, and is listed as a contact that did not see the baby.
    const periods = findUnseenPeriods([visit('v1', '2026-03-02'), call, visit('v2', '2026-04-15')], BORN, '2026-04-20');
    assert.deepEqual(periods.map((p) => [p.from, p.to, idsOf(p.contactsWithoutSeeing)]), [['2026-03-02', '2026-04-15', ['call']]]);
    // Near miss: a new birth visit on the same day as the call does split it.
    assert.deepEqual(spans([visit('v1', '2026-03-02'), call, entry('nbv', 'new-birth-visit', '2026-03-20'), visit('v2', '2026-04-15')], '2026-04-20'), []);
    for (const kind of ['new-birth-visit', 'six-to-eight-week-review', 'joint-visit', 'unannounced-visit'] as const) {
      assert.equal(seesTheBaby(entry(kind, kind, '2026-01-01')), true, kind);
      assert.equal(seesTheBaby(entry(kind, kind, '2026-01-01', { babySeen: false })), false, kind);
    }
    // Stored as not seen whatever it was sent with; any other kind as it says.
    assert.deepEqual([babySeenAsRecorded('phone-or-video-call', true), babySeenAsRecorded('phone-or-video-call', undefined)], [false, false]);
    assert.deepEqual([babySeenAsRecorded('home-visit', true), babySeenAsRecorded('home-visit', undefined)], [true, null]);
    // The mother's antenatal appointment sees the baby only when it says so.
    assert.equal(seesTheBaby(entry('a', 'antenatal-appointment', '2026-01-01')), false);
    assert.equal(seesTheBaby(entry('a', 'antenatal-appointment', '2026-01-01', { babySeen: true })), true);
  });

  it('counts a hospital stay, from admission to discharge, as seen throughout; an admission with no discharge only on its day', () => {
    const stay = [entry('in', 'neonatal-admission', BORN), entry('out', 'neonatal-discharge', '2026-04-20'), visit('v', '2026-05-10')];
    assert.deepEqual(spans(stay, '2026-05-15'), []);
    const noDischarge = [entry('in', 'hospital-admission', '2026-03-05'), visit('v', '2026-04-20')];
    assert.deepEqual(findUnseenPeriods(noDischarge, BORN, '2026-05-15').map((p) => [p.from, p.to, p.lastSeen?.id]), [['2026-03-05', '2026-04-20', 'in']]);
  });

  it('allows 56 days from six to twelve months, and sets no limit after', () => {
    assert.deepEqual(spans([visit('v1', '2026-09-10'), visit('v2', '2026-11-05')], '2026-11-10'), []);
    assert.deepEqual(spans([visit('v1', '2026-09-10'), visit('v2', '2026-11-06')], '2026-11-10'), [['2026-09-10', '2026-11-06', 57, false]]);
    assert.deepEqual(spans([visit('v1', '2027-03-01')], '2027-12-01'), []);
  });

  it('judges a period across six months by the limit for the age when it was passed', () => {
    // Seen at 5 months and 3 weeks: 35 days later the baby is over 6 months, and 35 is within 56.
    assert.deepEqual(spans([visit('v1', '2026-08-10'), visit('v2', '2026-09-14')], '2026-09-20'), []);
    // Seen at 5 months: the 28 days ran out before 6 months.
    const [period] = findUnseenPeriods([visit('v1', '2026-08-01'), visit('v2', '2026-09-14')], BORN, '2026-09-20');
    assert.deepEqual([period?.band.underMonths, period?.overdueFrom], [6, '2026-08-30']);
    // Seen at 11 months: the 56 days run out after the first birthday, when no limit applies.
    assert.deepEqual(spans([visit('v1', '2027-02-01')], '2027-05-01'), []);
  });

  it('starts from the first entry when the chronology starts after the birth', () => {
    const [period] = findUnseenPeriods([entry('n', 'referral', '2026-06-01')], BORN, '2026-07-15');
    assert.deepEqual([period?.from, period?.startsAt, period?.days], ['2026-06-01', 'first-entry', 44]);
    assert.deepEqual(spans([entry('booking', 'antenatal-booking', '2025-08-01')], '2026-03-20'), []);
  });

  it('ignores entries after today and entries superseded by a correction', () => {
    assert.deepEqual(spans([visit('v1', '2026-03-20'), visit('future', '2026-05-01')], '2026-04-25'), [['2026-03-20', '2026-04-25', 36, true]]);
    const wrong = visit('v2', '2026-04-10');
    assert.deepEqual(spans([visit('v1', '2026-03-20'), wrong, correction('v2b', wrong, { babySeen: false })], '2026-04-25'), [['2026-03-20', '2026-04-25', 36, true]]);
  });

  it('takes age bands as settings, and keeps the defaults when they make no sense', () => {
    const weekly = { bands: [{ underMonths: 3, maxDays: 7 }] };
    assert.deepEqual(findUnseenPeriods([], BORN, '2026-03-09', weekly).map((p) => p.days), [8]);
    assert.deepEqual(unseenPeriodSettings(weekly), weekly);
    for (const bands of [[], [{ underMonths: 6, maxDays: 0 }], [{ underMonths: 12, maxDays: 56 }, { underMonths: 6, maxDays: 28 }], [{ underMonths: 1.5, maxDays: 7 }]]) {
      assert.deepEqual(unseenPeriodSettings({ bands }), DEFAULT_UNSEEN_PERIOD_SETTINGS);
    }
  });
});
