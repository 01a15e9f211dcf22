import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anyDayProblem, DUE, DUE_MONTHS_AHEAD, dayProblem, HAPPENED, happenedDayProblem, tooEarlyWords, tooFarAheadWords } from './date-rules.ts';

const TODAY = '2026-11-22';

describe('the range of a day given to the service', () => {
  it('calls anything but a real YYYY-MM-DD day not a date, whatever the range', () => {
    for (const value of ['', 'soon', '2026-02-31', '2026-13-01', '22/11/2026', '2026-11-22T08:00:00Z', '26-11-22']) {
      for (const range of [HAPPENED, DUE]) assert.equal(dayProblem(value, TODAY, range), 'not-a-date', `${value} ${String(range)}`);
      assert.equal(anyDayProblem(value), 'not-a-date', value);
    }
  });

  it('refuses a real day before 1900 as too early, whatever the range', () => {
    for (const value of ['0001-01-01', '1026-11-22', '0226-11-22', '1899-12-31']) {
      for (const range of [HAPPENED, DUE]) assert.equal(dayProblem(value, TODAY, range), 'too-early', `${value} ${String(range)}`);
      assert.equal(anyDayProblem(value), 'too-early', value);
    }
  });

  it('takes 1 January 1900 and every later day up to today as a day that happened', () => {
    for (const value of ['1900-01-01', '1994-03-17', '2026-11-21', TODAY]) assert.equal(happenedDayProblem(value, TODAY), null, value);
  });

  it('refuses a day that happened after today, from tomorrow on', () => {
    for (const value of ['2026-11-23', '2027-11-22', '2062-11-22', '9999-12-31']) assert.equal(happenedDayProblem(value, TODAY), 'in-future', value);
    assert.equal(dayProblem('2026-11-23', TODAY, HAPPENED), 'in-future');
  });

  it(`takes a due day from the past up to ${String(DUE_MONTHS_AHEAD)} months ahead, the last day included`, () => {
    for (const value of ['1900-01-01', '2026-01-01', TODAY, '2026-11-23', '2027-11-22']) assert.equal(dayProblem(value, TODAY, DUE), null, value);
  });

  it(`refuses a due day more than ${String(DUE_MONTHS_AHEAD)} months ahead as too far ahead`, () => {
    for (const value of ['2027-11-23', '2028-01-01', '2062-11-22', '9999-12-31']) assert.equal(dayProblem(value, TODAY, DUE), 'too-far-ahead', value);
  });

  it('counts months ahead in calendar months: from 31 January, a month ahead ends on the last of February', () => {
    assert.equal(dayProblem('2027-02-28', '2027-01-31', 1), null);
    assert.equal(dayProblem('2027-03-01', '2027-01-31', 1), 'too-far-ahead');
  });

  it('takes any later day of the service when there is no limit ahead', () => {
    for (const value of ['1900-01-01', TODAY, '2062-11-22', '9999-12-31']) assert.equal(anyDayProblem(value), null, value);
  });

  it('words the problems with the field named and what to do', () => {
    assert.equal(tooEarlyWords('The date of the meeting'), 'The date of the meeting must be in 1900 or later: check the year.');
    assert.equal(tooFarAheadWords('The due date'), 'The due date can be at most 12 months from today: check the year.');
    assert.equal(tooFarAheadWords('The review date', 6), 'The review date can be at most 6 months from today: check the year.');
  });
});
