import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { londonClock, londonClockByIntl, londonDateTime, londonDayAndTime, serviceDateTime, serviceToday } from './service-day.ts';

describe('the service’s today', () => {
  it('is the London day: in summer an hour ahead of UTC, in winter the same', () => {
    assert.equal(serviceToday(new Date('2027-06-30T23:30:00Z')), '2027-07-01');
    assert.equal(serviceToday(new Date('2027-06-30T22:59:59Z')), '2027-06-30');
    assert.equal(serviceToday(new Date('2026-12-31T23:30:00Z')), '2026-12-31');
    assert.equal(serviceToday(new Date('2027-01-01T00:00:00Z')), '2027-01-01');
  });

  it('follows the clock change: 23:30 UTC is still the same day the night before summer time starts, and the next day the night after', () => {
    assert.equal(serviceToday(new Date('2027-03-27T23:30:00Z')), '2027-03-27');
    assert.equal(serviceToday(new Date('2027-03-28T23:30:00Z')), '2027-03-29');
    assert.equal(serviceToday(new Date('2026-10-24T23:30:00Z')), '2026-10-25');
    assert.equal(serviceToday(new Date('2026-10-25T23:30:00Z')), '2026-10-25');
  });

  it('is the day of the London clock at every moment', () => {
    for (let moment = Date.parse('2026-03-27T00:00:00Z'); moment < Date.parse('2026-11-01T00:00:00Z'); moment += 47 * 60_000) {
      assert.equal(serviceToday(new Date(moment)), londonClock(new Date(moment)).day);
    }
  });
});

describe('the London clock', () => {
  it('reads a moment as London’s day, time, seconds and offset', () => {
    assert.deepEqual(londonClock(new Date('2026-01-15T13:05:09Z')), { day: '2026-01-15', time: '13:05', second: '09', offset: '+00:00' });
    assert.deepEqual(londonClock(new Date('2026-07-01T23:30:00Z')), { day: '2026-07-02', time: '00:30', second: '00', offset: '+01:00' });
    assert.deepEqual(londonClock(new Date('2026-12-31T23:59:59Z')), { day: '2026-12-31', time: '23:59', second: '59', offset: '+00:00' });
  });

  it('reads every moment as Intl does: either side of each clock change from 1996 to 2199, and at moments spread over 1900 to 2300', () => {
    const minute = 60_000;
    for (let year = 1996; year <= 2199; year++) {
      for (const month of [2, 9]) {
        const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
        const change = lastDay.getTime() - lastDay.getUTCDay() * 86_400_000;
        for (const moment of [change - 61 * minute, change - minute, change - 1000, change, change + 1000, change + 59 * minute]) {
          assert.deepEqual(londonClock(new Date(moment)), londonClockByIntl(new Date(moment)), new Date(moment).toISOString());
        }
      }
    }
    // A fixed spread (no randomness): every 7 days, 3 hours and 17 minutes from 1900 to 2300.
    const step = ((7 * 24 + 3) * 60 + 17) * minute;
    for (let moment = Date.UTC(1900, 0, 1); moment < Date.UTC(2300, 0, 1); moment += step) {
      assert.deepEqual(londonClock(new Date(moment)), londonClockByIntl(new Date(moment)), new Date(moment).toISOString());
    }
    assert.throws(() => londonClock(new Date(Number.NaN)), RangeError);
  });

  it('goes forward at 01:00 UTC on the last Sunday of March and back at 01:00 UTC on the last Sunday of October', () => {
    assert.deepEqual(londonClock(new Date('2026-03-29T00:59:00Z')), { day: '2026-03-29', time: '00:59', second: '00', offset: '+00:00' });
    assert.deepEqual(londonClock(new Date('2026-03-29T01:00:00Z')), { day: '2026-03-29', time: '02:00', second: '00', offset: '+01:00' });
    assert.deepEqual(londonClock(new Date('2026-10-25T00:59:00Z')), { day: '2026-10-25', time: '01:59', second: '00', offset: '+01:00' });
    assert.deepEqual(londonClock(new Date('2026-10-25T01:00:00Z')), { day: '2026-10-25', time: '01:00', second: '00', offset: '+00:00' });
  });

  it('writes a moment as an ISO date-time with London’s offset', () => {
    assert.equal(serviceDateTime(new Date('2026-06-01T13:15:00Z')), '2026-06-01T14:15:00+01:00');
    assert.equal(serviceDateTime(new Date('2026-06-30T23:00:00Z')), '2026-07-01T00:00:00+01:00');
    assert.equal(serviceDateTime(new Date('2026-11-22T09:00:30Z')), '2026-11-22T09:00:30+00:00');
    assert.throws(() => serviceDateTime(new Date('not a moment')), RangeError);
  });

  it('gives a London clock time on a day its offset: summer +01:00, winter +00:00, either side of each change', () => {
    assert.equal(londonDateTime('2026-06-01', '14:30'), '2026-06-01T14:30:00+01:00');
    assert.equal(londonDateTime('2026-01-15', '14:30'), '2026-01-15T14:30:00+00:00');
    assert.equal(londonDateTime('2026-03-29', '00:30'), '2026-03-29T00:30:00+00:00');
    assert.equal(londonDateTime('2026-03-29', '03:00'), '2026-03-29T03:00:00+01:00');
    assert.equal(londonDateTime('2026-10-25', '00:30'), '2026-10-25T00:30:00+01:00');
    assert.equal(londonDateTime('2026-10-25', '02:30'), '2026-10-25T02:30:00+00:00');
    // 01:30 comes twice on 25 October (the second, in GMT, is taken) and not at all on 29 March.
    assert.equal(londonDateTime('2026-10-25', '01:30'), '2026-10-25T01:30:00+00:00');
    assert.equal(londonDateTime('2026-03-29', '01:30'), '2026-03-29T01:30:00+00:00');
  });

  it('reads back the London day and time of a stored moment; a day alone has no time', () => {
    assert.deepEqual(londonDayAndTime('2026-06-01'), { day: '2026-06-01', time: null });
    assert.deepEqual(londonDayAndTime('2026-06-01T23:30:00Z'), { day: '2026-06-02', time: '00:30' });
    assert.deepEqual(londonDayAndTime('2026-06-01T14:30:00+01:00'), { day: '2026-06-01', time: '14:30' });
    for (const [day, time] of [['2026-03-29', '03:00'], ['2026-10-25', '00:30'], ['2026-10-25', '02:30'], ['2026-12-31', '23:59'], ['2024-02-29', '12:00']] as const) {
      assert.deepEqual(londonDayAndTime(londonDateTime(day, time)), { day, time });
    }
  });
});
