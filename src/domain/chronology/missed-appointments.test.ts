import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correction, entry, idsOf } from './chronology.test-support.ts';
import { DEFAULT_MISSED_APPOINTMENT_SETTINGS, findMissedAppointments, isAttendedContact, missedAppointmentSettings } from './missed-appointments.ts';

const missed = (id: string, day: string) => entry(id, 'was-not-brought', day, { personIds: ['mother'] });
const clinic = (id: string, day: string, babySeen: boolean | null = true) => entry(id, 'clinic-contact', day, { babySeen });
const runs = (...entries: Parameters<typeof findMissedAppointments>[0]) =>
  findMissedAppointments(entries).map((run) => ({ ids: idsOf(run.entries), inARow: run.inARow, withinWindow: run.withinWindow }));

describe('missed appointments', () => {
  it('finds two missed in a row with no attended contact between, with the dates and the people', () => {
    const [run, ...rest] = findMissedAppointments([missed('w1', '2026-02-01'), entry('n', 'case-note', '2026-02-10'), missed('w2', '2026-04-20')]);
    assert.deepEqual(rest, []);
    assert.deepEqual(idsOf(run?.entries ?? []), ['w1', 'w2']);
    assert.deepEqual([run?.from, run?.to, run?.inARow, run?.withinWindow], ['2026-02-01', '2026-04-20', true, false]);
    assert.deepEqual(run?.personIds, ['mother']);
  });

  it('is broken by a clinic contact, GP consultation or home visit at which the baby was seen', () => {
    for (const kind of ['clinic-contact', 'gp-consultation', 'home-visit', 'new-birth-visit', 'six-to-eight-week-review', 'joint-visit', 'unannounced-visit'] as const) {
      assert.deepEqual(runs(missed('w1', '2026-02-01'), entry('c', kind, '2026-03-01', { babySeen: true }), missed('w2', '2026-04-20')), [], kind);
    }
  });

  it('is not broken by a contact that does not record the baby as seen, or by other entries', () => {
    const expected = [{ ids: ['w1', 'w2'], inARow: true, withinWindow: false }];
    assert.deepEqual(runs(missed('w1', '2026-02-01'), clinic('c', '2026-03-01', null), missed('w2', '2026-04-20')), expected);
    assert.deepEqual(runs(missed('w1', '2026-02-01'), entry('h', 'home-visit', '2026-03-01', { babySeen: false }), missed('w2', '2026-04-20')), expected);
    assert.deepEqual(runs(missed('w1', '2026-02-01'), entry('a', 'emergency-attendance', '2026-03-01', { babySeen: true }), missed('w2', '2026-04-20')), expected);
    // A phone or video call never sees the baby, whatever it says (issue 14).
    assert.deepEqual(runs(missed('w1', '2026-02-01'), entry('p', 'phone-or-video-call', '2026-03-01', { babySeen: true }), missed('w2', '2026-04-20')), expected);
  });

  it('is not broken by a contact on the same day as a missed appointment: which came first is not known', () => {
    const expected = [{ ids: ['w1', 'w2'], inARow: true, withinWindow: false }];
    assert.deepEqual(runs(missed('w1', '2026-02-01'), clinic('c', '2026-02-01T15:00:00Z'), missed('w2', '2026-04-20')), expected);
    assert.deepEqual(runs(missed('w1', '2026-02-01'), clinic('c', '2026-04-20'), missed('w2', '2026-04-20T09:00:00Z')), expected);
    assert.deepEqual(runs(missed('w1', '2026-02-01'), clinic('c', '2026-02-02'), missed('w2', '2026-04-20')), []);
  });

  it('splits missed appointments into streaks at each attended contact', () => {
    const entries = [missed('w1', '2026-01-01'), missed('w2', '2026-01-15'), clinic('c', '2026-02-01'), missed('w3', '2026-09-01'), clinic('d', '2026-09-15'), missed('w4', '2027-03-01'), missed('w5', '2027-03-20')];
    assert.deepEqual(runs(...entries), [
      { ids: ['w1', 'w2'], inARow: true, withinWindow: false },
      { ids: ['w4', 'w5'], inARow: true, withinWindow: false },
    ]);
  });

  it('finds three within six months, whatever was attended between', () => {
    const entries = [missed('w1', '2026-01-01'), clinic('c1', '2026-02-01'), missed('w2', '2026-03-01'), clinic('c2', '2026-04-01'), missed('w3', '2026-06-30')];
    assert.deepEqual(runs(...entries), [{ ids: ['w1', 'w2', 'w3'], inARow: false, withinWindow: true }]);
    assert.deepEqual(runs(missed('w1', '2026-01-01'), clinic('c1', '2026-02-01'), missed('w2', '2026-03-01'), clinic('c2', '2026-04-01'), missed('w3', '2026-07-01')), []);
  });

  it('makes one run of streaks and windows that share a missed appointment, with both reasons', () => {
    const entries = [missed('w1', '2026-01-01'), clinic('c1', '2026-02-01'), missed('w2', '2026-03-01'), missed('w3', '2026-04-01')];
    assert.deepEqual(runs(...entries), [{ ids: ['w1', 'w2', 'w3'], inARow: true, withinWindow: true }]);
  });

  it('ignores a missed appointment superseded by a correction', () => {
    const w2 = missed('w2', '2026-04-20');
    assert.deepEqual(runs(missed('w1', '2026-02-01'), w2, correction('w2b', w2, { kind: 'clinic-contact', babySeen: true })), []);
  });

  it('takes settings, keeping the defaults for what makes no sense', () => {
    const two = [missed('w1', '2026-02-01'), missed('w2', '2026-02-20')];
    assert.deepEqual(findMissedAppointments(two, { inARow: 3 }), []);
    assert.equal(findMissedAppointments(two, { inARow: 3, within: { minimum: 2, withinMonths: 1 } }).length, 1);
    assert.deepEqual(missedAppointmentSettings({ inARow: 1, within: { minimum: 2.5, withinMonths: 3 } }), { inARow: 2, within: { minimum: 3, withinMonths: 3 } });
    assert.deepEqual(missedAppointmentSettings(undefined), DEFAULT_MISSED_APPOINTMENT_SETTINGS);
  });

  it('counts a contact as attended only when the baby was seen', () => {
    assert.equal(isAttendedContact(clinic('c', '2026-01-01')), true);
    assert.equal(isAttendedContact(clinic('c', '2026-01-01', null)), false);
    assert.equal(isAttendedContact(entry('r', 'referral', '2026-01-01', { babySeen: true })), false);
  });

  it('finds nothing in one missed appointment or none', () => {
    assert.deepEqual(runs(missed('w1', '2026-02-01')), []);
    assert.deepEqual(runs(), []);
  });
});
