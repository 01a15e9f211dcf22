import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { dateTimeBothWays, formatDate, formatDateTime, sortableDateTime } from './london-time.ts';

/** How the pages wrote dates and times before: Intl in London, "2:15 pm" made "2:15pm". */
const before = {
  date: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }),
  time: new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone: 'Europe/London' }),
};

describe('dates and times as the pages write them', () => {
  it('writes a day as GOV.UK does, whatever its month or year', () => {
    assert.equal(formatDate('2026-03-01'), '1 March 2026');
    assert.equal(formatDate('2024-02-29'), '29 February 2024');
    assert.equal(formatDate('2026-12-31'), '31 December 2026');
    assert.equal(formatDate(null), '');
    assert.equal(formatDate(undefined), '');
    assert.equal(formatDate(''), '');
  });

  it('writes the London day of a moment, not the UTC one', () => {
    assert.equal(formatDate(new Date('2026-06-30T23:30:00Z')), '1 July 2026');
    assert.equal(formatDate('2026-06-30T23:30:00Z'), '1 July 2026');
    assert.equal(formatDate(new Date('2026-12-31T23:30:00Z')), '31 December 2026');
  });

  it('writes a moment on the 12-hour clock in London time, across both clock changes', () => {
    assert.equal(formatDateTime('2026-06-01T13:15:00Z'), '1 June 2026 at 2:15pm');
    assert.equal(formatDateTime(new Date('2026-11-22T09:05:00Z')), '22 November 2026 at 9:05am');
    assert.equal(formatDateTime('2026-06-30T23:00:00Z'), '1 July 2026 at 12:00am');
    assert.equal(formatDateTime('2026-11-22T12:00:00Z'), '22 November 2026 at 12:00pm');
    assert.equal(formatDateTime('2026-03-29T00:59:00Z'), '29 March 2026 at 12:59am');
    assert.equal(formatDateTime('2026-03-29T01:00:00Z'), '29 March 2026 at 2:00am');
    assert.equal(formatDateTime('2026-10-25T00:30:00Z'), '25 October 2026 at 1:30am');
    assert.equal(formatDateTime('2026-10-25T01:30:00Z'), '25 October 2026 at 1:30am');
    assert.equal(formatDateTime(null), '');
  });

  it('reads a day alone given for a moment as its midnight UTC, as before', () => {
    assert.equal(formatDateTime('2026-01-15'), '15 January 2026 at 12:00am');
    assert.equal(formatDateTime('2026-06-01'), '1 June 2026 at 1:00am');
  });

  it('writes every moment of a year as the Intl formatters did', () => {
    for (let moment = Date.parse('2026-01-01T00:00:00Z'); moment < Date.parse('2027-01-01T00:00:00Z'); moment += 61 * 60_000 + 7_000) {
      const date = new Date(moment);
      const expected = `${before.date.format(date)} at ${before.time.format(date).replace(' ', '').toLowerCase()}`;
      assert.equal(formatDateTime(date), expected, date.toISOString());
      assert.equal(formatDate(date), before.date.format(date), date.toISOString());
    }
  });

  it('still refuses an impossible date rather than write something wrong', () => {
    assert.throws(() => formatDate('2026-13-45'), RangeError);
    assert.throws(() => formatDateTime('soon'), RangeError);
  });

  it('writes a moment as a spreadsheet sorts it: London day, and time when one was given', () => {
    assert.equal(sortableDateTime('2026-06-01'), '2026-06-01');
    assert.equal(sortableDateTime('2026-06-01T23:30:00Z'), '2026-06-02 00:30');
    assert.equal(sortableDateTime('2026-11-22T09:05:00.000Z'), '2026-11-22 09:05');
  });

  it('writes a day alone as the London clock read at its noon UTC did, every day from 1999 to 2031', () => {
    for (let day = '1999-01-01'; day < '2032-01-01'; day = addDays(day, 1)) {
      assert.equal(formatDate(day), before.date.format(new Date(`${day}T12:00:00Z`)), day);
    }
  });

  it('writes a moment both ways at once as formatDateTime and sortableDateTime do', () => {
    for (let moment = Date.parse('2026-01-01T00:00:00Z'); moment < Date.parse('2027-01-01T00:00:00Z'); moment += 61 * 60_000 + 7_000) {
      const stored = new Date(moment).toISOString();
      assert.deepEqual(dateTimeBothWays(stored), { words: formatDateTime(stored), sortable: sortableDateTime(stored) }, stored);
    }
    assert.deepEqual(dateTimeBothWays('2026-06-01'), { words: '1 June 2026 at 1:00am', sortable: '2026-06-01' });
    assert.throws(() => dateTimeBothWays('soon'), RangeError);
  });
});
