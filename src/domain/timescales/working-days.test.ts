import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../shared/calendar-date.ts';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.ts';

/** What workingDaysBetween should give, counted one day at a time. */
function countedOneByOne(from: string, to: string): number {
  if (to < from) return -countedOneByOne(to, from);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}

describe('working days', () => {
  it('are Monday to Friday', () => {
    assert.equal(isWorkingDay('2026-11-23'), true); // Monday
    assert.equal(isWorkingDay('2026-11-27'), true); // Friday
    assert.equal(isWorkingDay('2026-11-28'), false); // Saturday
    assert.equal(isWorkingDay('2026-11-29'), false); // Sunday
  });

  it('leave out bank holidays and their substitute days, not the weekend days they replace', () => {
    for (const day of ['2026-12-25', '2026-12-28', '2027-01-01', '2027-12-27', '2027-12-28', '2022-01-03', '2026-04-03', '2026-04-06', '2022-06-03', '2022-09-19', '2023-05-08', '2020-05-08']) {
      assert.equal(isWorkingDay(day), false, day);
    }
    for (const day of ['2026-12-24', '2026-12-29', '2026-12-31', '2027-12-29', '2026-04-02', '2026-04-07', '2020-05-04', '2022-05-30']) assert.equal(isWorkingDay(day), true, day);
  });

  it('are never a day that is not real', () => {
    for (const day of ['2026-02-29', '2026-13-01', '', 'Monday']) assert.equal(isWorkingDay(day), false, day);
  });
});

describe('adding working days', () => {
  it('counts the day of the event as day 0', () => {
    assert.equal(addWorkingDays('2026-11-23', 0), '2026-11-23');
    assert.equal(addWorkingDays('2026-11-23', 1), '2026-11-24');
    assert.equal(addWorkingDays('2026-11-23', 4), '2026-11-27');
  });

  it('skips the weekend', () => {
    assert.equal(addWorkingDays('2026-11-27', 1), '2026-11-30'); // Friday to Monday
    assert.equal(addWorkingDays('2026-11-26', 2), '2026-11-30');
    assert.equal(addWorkingDays('2026-11-23', 5), '2026-11-30');
    assert.equal(addWorkingDays('2026-11-23', 10), '2026-12-07');
  });

  it('starts from the next working day when the event falls at a weekend or on a bank holiday', () => {
    assert.equal(addWorkingDays('2026-11-28', 1), '2026-11-30'); // Saturday
    assert.equal(addWorkingDays('2026-11-29', 1), '2026-11-30'); // Sunday
    assert.equal(addWorkingDays('2026-11-28', 0), '2026-11-28');
    assert.equal(addWorkingDays('2026-04-03', 1), '2026-04-07'); // Good Friday to the Tuesday after Easter Monday
    assert.equal(addWorkingDays('2026-04-04', 1), '2026-04-07');
  });

  it('crosses Christmas and New Year with substitute days', () => {
    // 2026: Christmas Friday 25, Boxing Day's substitute Monday 28, New Year Friday 1 January 2027
    assert.equal(addWorkingDays('2026-12-24', 1), '2026-12-29');
    assert.equal(addWorkingDays('2026-12-23', 2), '2026-12-29');
    assert.equal(addWorkingDays('2026-12-24', 3), '2026-12-31');
    assert.equal(addWorkingDays('2026-12-24', 4), '2027-01-04');
    assert.equal(addWorkingDays('2026-12-31', 1), '2027-01-04');
    // 2027: Christmas Saturday, Boxing Day Sunday: Monday 27 and Tuesday 28 are holidays
    assert.equal(addWorkingDays('2027-12-24', 1), '2027-12-29');
    assert.equal(addWorkingDays('2027-12-31', 1), '2028-01-04'); // New Year 2028 a Saturday: Monday 3 off
    // 2022: Christmas Sunday: Boxing Day Monday 26, Christmas's substitute Tuesday 27; New Year 2023 Sunday, Monday 2 off
    assert.equal(addWorkingDays('2022-12-23', 1), '2022-12-28');
    assert.equal(addWorkingDays('2022-12-30', 1), '2023-01-03');
    // 2025 to 2026, no weekend holidays
    assert.equal(addWorkingDays('2025-12-24', 1), '2025-12-29');
  });

  it('crosses Easter', () => {
    assert.equal(addWorkingDays('2026-04-02', 1), '2026-04-07'); // Maundy Thursday
    assert.equal(addWorkingDays('2027-03-25', 1), '2027-03-30');
    assert.equal(addWorkingDays('2024-03-28', 1), '2024-04-02'); // Easter across the month's end
    assert.equal(addWorkingDays('2026-03-27', 10), '2026-04-14');
  });

  it('crosses the one-off bank holidays', () => {
    assert.equal(addWorkingDays('2022-06-01', 1), '2022-06-06'); // spring bank holiday and jubilee
    assert.equal(addWorkingDays('2022-05-27', 1), '2022-05-30'); // the usual spring Monday was a working day
    assert.equal(addWorkingDays('2022-09-16', 1), '2022-09-20'); // state funeral
    assert.equal(addWorkingDays('2023-05-05', 1), '2023-05-09'); // coronation
    assert.equal(addWorkingDays('2020-05-07', 1), '2020-05-11'); // VE day
    assert.equal(addWorkingDays('2020-05-01', 1), '2020-05-04');
  });

  it('counts 45 working days for an assessment', () => {
    assert.equal(addWorkingDays('2026-11-23', 45), '2027-01-28'); // three holidays on the way: 25 and 28 December, 1 January
    assert.equal(addWorkingDays('2026-01-05', 45), '2026-03-09'); // nine whole weeks, no holiday
    assert.equal(addWorkingDays('2026-03-09', 45), '2026-05-14'); // Good Friday, Easter Monday, early May
  });

  it('goes back with a negative count', () => {
    assert.equal(addWorkingDays('2026-11-30', -1), '2026-11-27');
    assert.equal(addWorkingDays('2026-12-29', -1), '2026-12-24');
    assert.equal(addWorkingDays('2027-01-04', -1), '2026-12-31');
    assert.equal(addWorkingDays('2027-01-04', -2), '2026-12-30');
    assert.equal(addWorkingDays('2026-11-29', -1), '2026-11-27');
  });

  it('reads a day that is not real, or a count that is not whole, as unknown', () => {
    assert.equal(addWorkingDays('2026-02-30', 1), '');
    assert.equal(addWorkingDays('2026-11-23', 1.5), '');
    assert.equal(addWorkingDays('2026-11-23', Number.NaN), '');
    assert.equal(addWorkingDays('9999-12-31', 1), '');
  });
});

describe('working days between two days', () => {
  it('counts working days after the first day up to and including the second', () => {
    assert.equal(workingDaysBetween('2026-11-23', '2026-11-23'), 0);
    assert.equal(workingDaysBetween('2026-11-23', '2026-11-24'), 1);
    assert.equal(workingDaysBetween('2026-11-27', '2026-11-30'), 1);
    assert.equal(workingDaysBetween('2026-11-27', '2026-11-28'), 0);
    assert.equal(workingDaysBetween('2026-11-28', '2026-11-30'), 1);
    assert.equal(workingDaysBetween('2026-12-24', '2026-12-29'), 1);
    assert.equal(workingDaysBetween('2026-11-23', '2027-01-28'), 45);
  });

  it('is negative when the second day is earlier', () => {
    assert.equal(workingDaysBetween('2026-11-30', '2026-11-27'), -1);
    assert.equal(workingDaysBetween('2026-12-29', '2026-12-24'), -1);
    assert.equal(workingDaysBetween('2027-01-28', '2026-11-23'), -45);
  });

  it('agrees with counting one day at a time, every pair of days over two Christmases and an Easter', () => {
    for (const [first, last] of [
      ['2026-12-01', '2027-04-30'],
      ['2027-12-01', '2028-01-31'],
      ['2022-05-20', '2022-06-10'],
    ] as const) {
      const days: string[] = [];
      for (let day: string = first; day <= last; day = addDays(day, 1)) days.push(day);
      const workingSoFar: number[] = [];
      days.forEach((day, i) => workingSoFar.push((i === 0 ? 0 : workingSoFar[i - 1]!) + (isWorkingDay(day) ? 1 : 0)));
      days.forEach((from, i) => days.forEach((to, j) => assert.equal(workingDaysBetween(from, to), workingSoFar[j]! - workingSoFar[i]!, `${from} to ${to}`)));
    }
    assert.equal(countedOneByOne('2026-12-20', '2027-01-10'), workingDaysBetween('2026-12-20', '2027-01-10'));
  });

  it('undoes addWorkingDays, every day of 2018 to 2031 and counts up to 70', () => {
    for (let from = '2018-01-01'; from <= '2031-12-31'; from = addDays(from, 1)) {
      for (const n of [0, 1, 2, 10, 15, 45, 70]) {
        const to = addWorkingDays(from, n);
        assert.equal(isWorkingDay(to) || n === 0, true, `${from} + ${n}`);
        assert.equal(workingDaysBetween(from, to), n, `${from} + ${n} = ${to}`);
        if (n > 0) assert.equal(workingDaysBetween(from, addDays(to, -1)), n - 1, `the day before ${to}`);
      }
    }
  });

  it('counts the working days of whole years: 250 to 254 in England and Wales, weekdays less bank holidays', () => {
    const expected: Record<number, number> = { 2019: 253, 2020: 254, 2021: 253, 2022: 250, 2023: 251, 2024: 254, 2025: 253, 2026: 253, 2027: 253 };
    for (const [year, count] of Object.entries(expected)) assert.equal(workingDaysBetween(`${Number(year) - 1}-12-31`, `${year}-12-31`), count, year);
  });

  it('is NaN for a day that is not real', () => {
    assert.ok(Number.isNaN(workingDaysBetween('2026-02-30', '2026-03-02')));
    assert.ok(Number.isNaN(workingDaysBetween('2026-03-02', '')));
  });
});
