import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  addMonths,
  ageInYears,
  dayFromNumber,
  dayInWords,
  dayNumber,
  dayOf,
  daysFrom,
  firstDayOfMonth,
  isRealIsoDate,
  isServiceDate,
  monthName,
  monthNumber,
  wholeMonths,
  yearOfMonth,
} from './calendar-date.ts';

const DAY_MS = 86_400_000;
/** What the helpers replaced: arithmetic on Date at UTC midnight, for days that are real. */
const reference = {
  addDays: (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10),
  daysFrom: (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS),
  addMonths: (day: string, months: number) => {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    const first = new Date(Date.UTC(year, month - 1 + months, 1));
    const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    first.setUTCDate(Math.min(date, lastDay));
    return first.toISOString().slice(0, 10);
  },
};

function everyDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

describe('calendar dates', () => {
  it('knows a real calendar date from an impossible one, leap years included', () => {
    for (const date of ['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31', '2000-01-01', '0001-01-01', '9999-12-31']) assert.equal(isRealIsoDate(date), true, date);
    for (const date of ['2026-02-29', '1900-02-29', '2100-02-29', '2026-02-31', '2026-04-31', '2026-06-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32', '2026-1-1', '26-01-01', '', 'yesterday', '2026-01-01T00:00:00Z', '2026/01/01', '2026-0a-01', '2026-01-0 ', '-026-01-01', '2026-01-1\u0660']) {
      assert.equal(isRealIsoDate(date), false, date);
    }
  });

  it('takes as a day of the service only a real day in 1900 or later', () => {
    for (const date of ['1900-01-01', '1900-12-31', '1994-03-17', '2026-11-22', '2024-02-29', '9999-12-31']) assert.equal(isServiceDate(date), true, date);
    for (const date of ['0001-01-01', '0226-11-22', '1026-11-22', '1899-12-31', '1000-01-01', '0000-01-01', '1900-02-29', '2026-02-31', '2026-11-22T08:00:00Z', '', 'soon']) {
      assert.equal(isServiceDate(date), false, date);
    }
  });

  it('reads the day of a date or date-time as written, and nothing else', () => {
    assert.equal(dayOf('2026-11-22'), '2026-11-22');
    assert.equal(dayOf('2026-11-22T23:59:00Z'), '2026-11-22');
    assert.equal(dayOf('2026-06-01T00:30:00+01:00'), '2026-06-01');
    assert.equal(dayOf('2026-02-31'), null);
    assert.equal(dayOf('yesterday'), null);
    assert.equal(dayOf(null), null);
    assert.equal(dayOf(undefined), null);
  });

  it('numbers days from 1 January 1970, one apart, and back', () => {
    assert.equal(dayNumber('1970-01-01'), 0);
    assert.equal(dayNumber('1969-12-31'), -1);
    assert.equal(dayNumber('2026-11-22'), Date.parse('2026-11-22T00:00:00Z') / DAY_MS);
    assert.equal(dayFromNumber(dayNumber('2024-02-29')), '2024-02-29');
    assert.equal(dayFromNumber(-719_162), '0001-01-01');
    assert.ok(Number.isNaN(dayNumber('2026-02-30')));
    assert.equal(dayFromNumber(Number.NaN), '');
    assert.equal(dayFromNumber(1.5), '');
  });

  it('adds days across month ends, year ends and leap days', () => {
    assert.equal(addDays('2026-01-31', 1), '2026-02-01');
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2024-02-29', 1), '2024-03-01');
    assert.equal(addDays('2000-02-28', 1), '2000-02-29');
    assert.equal(addDays('2100-02-28', 1), '2100-03-01');
    assert.equal(addDays('2026-12-30', 3), '2027-01-02');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(addDays('2027-01-01', -1), '2026-12-31');
    assert.equal(addDays('2026-11-22', 0), '2026-11-22');
    assert.equal(addDays('2026-11-22', 365), '2027-11-22');
    assert.equal(addDays('2024-01-01', 366), '2025-01-01');
  });

  it('counts whole days, a clock change no different from any other day', () => {
    assert.equal(daysFrom('2026-03-20', '2026-04-03'), 14);
    assert.equal(daysFrom('2026-04-03', '2026-03-20'), -14);
    assert.equal(daysFrom('2026-03-28', '2026-03-30'), 2, 'over the spring clock change (29 March 2026)');
    assert.equal(daysFrom('2026-10-24', '2026-10-26'), 2, 'over the autumn clock change (25 October 2026)');
    assert.equal(daysFrom('2024-02-28', '2024-03-01'), 2);
    assert.equal(daysFrom('2026-02-28', '2026-03-01'), 1);
    assert.equal(daysFrom('2026-01-01', '2027-01-01'), 365);
    assert.equal(daysFrom('2028-01-01', '2029-01-01'), 366);
  });

  it('adds calendar months, ending on the month’s last day when it is shorter', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2026-03-31', 1), '2026-04-30');
    assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
    assert.equal(addMonths('2026-05-22', 6), '2026-11-22');
    assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
    assert.equal(addMonths('2024-02-29', 48), '2028-02-29');
    assert.equal(addMonths('2024-02-29', -24), '2022-02-28');
    assert.equal(addMonths('2026-11-22', -24), '2024-11-22');
    assert.equal(addMonths('2026-01-15', -1), '2025-12-15');
    assert.equal(addMonths('2026-12-31', 2), '2027-02-28');
    assert.equal(addMonths('2026-11-22', 0), '2026-11-22');
  });

  it('reads anything that is not a real day as unknown rather than throwing', () => {
    assert.equal(addDays('2026-02-30', 1), '');
    assert.equal(addDays('not a day', 1), '');
    assert.equal(addDays('2026-01-01', 1e12), '');
    assert.ok(Number.isNaN(daysFrom('2026-01-01', 'soon')));
    assert.equal(addMonths('2026-13-01', 1), '');
    assert.equal(addMonths('9999-12-01', 1), '');
  });

  it('gives what arithmetic on Date at UTC midnight gave, for every day from 1999 to 2031', () => {
    const days = everyDay('1999-12-01', '2031-01-31');
    assert.equal(days.length, reference.daysFrom('1999-12-01', '2031-01-31') + 1);
    for (const [index, day] of days.entries()) {
      for (const step of [1, -1, 7, -45, 280, -731]) assert.equal(addDays(day, step), reference.addDays(day, step), `${day} ${step}`);
      assert.equal(daysFrom(days[0]!, day), index);
      if (index % 3 === 0) for (const months of [1, -1, 6, -24, 13]) assert.equal(addMonths(day, months), reference.addMonths(day, months), `${day} ${months} months`);
    }
  });

  it('counts whole years and whole months, a 29 February birthday coming on 1 March', () => {
    assert.equal(ageInYears('2007-11-23', '2026-11-22'), 18);
    assert.equal(ageInYears('2007-11-22', '2026-11-22'), 19);
    assert.equal(ageInYears('2024-02-29', '2025-02-28'), 0);
    assert.equal(ageInYears('2024-02-29', '2025-03-01'), 1);
    assert.equal(ageInYears('2024-02-29', '2028-02-29'), 4);
    assert.equal(wholeMonths('2026-06-10', '2026-11-09'), 4);
    assert.equal(wholeMonths('2026-06-10', '2026-11-10'), 5);
    assert.equal(wholeMonths('2026-01-31', '2026-02-28'), 0);
    assert.equal(wholeMonths('2025-12-15', '2026-01-15'), 1);
  });

  it('numbers months, finds their first days and names them', () => {
    const march = monthNumber('2026-03-15');
    assert.equal(march, 2026 * 12 + 2);
    assert.equal(monthNumber('2026-04-01') - march, 1);
    assert.equal(monthNumber('2027-01-01') - monthNumber('2026-12-31'), 1);
    assert.equal(firstDayOfMonth(march), dayNumber('2026-03-01'));
    assert.equal(firstDayOfMonth(march + 10), dayNumber('2027-01-01'));
    assert.equal(firstDayOfMonth(monthNumber('2024-02-10') + 1) - firstDayOfMonth(monthNumber('2024-02-10')), 29);
    assert.equal(yearOfMonth(march), 2026);
    assert.equal(yearOfMonth(monthNumber('2026-12-31')), 2026);
    assert.equal(monthName(march), 'March');
    assert.equal(monthName(monthNumber('2026-12-01')), 'December');
    assert.equal(monthName(-1), 'December');
  });

  it('writes a day in words as GOV.UK does', () => {
    assert.equal(dayInWords('2026-11-01'), '1 November 2026');
    assert.equal(dayInWords('2026-03-01'), '1 March 2026');
    assert.equal(dayInWords('2024-02-29'), '29 February 2024');
    assert.equal(dayInWords('2026-12-31T23:30:00Z'), '31 December 2026');
    assert.equal(dayInWords('soon'), 'soon');
    assert.equal(dayInWords('2026-02-30'), '2026-02-30');
  });
});
