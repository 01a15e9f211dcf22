// Working days in England and Wales: Monday to Friday, leaving out the bank holidays
// (bank-holidays.ts). The statutory clocks count in them (docs/domain.md, Clocks and timescales:
// "Counting working days"). The day of the event is day 0; the next working day after it is day 1,
// whatever day of the week the event fell on. Pure; a day that is not real reads as unknown ('' or
// NaN), as in calendar-date.ts.
import { dayFromNumber, dayNumber } from '../shared/calendar-date.ts';
import { bankHolidaysIn } from './bank-holidays.ts';

/** Day numbers of the bank holidays of every year looked at so far (the data, or the rules outside it), all and by year. */
const HOLIDAYS = new Set<number>();
const HOLIDAYS_BY_YEAR = new Map<number, readonly number[]>();

function holidaysOfYear(year: number): readonly number[] {
  let numbers = HOLIDAYS_BY_YEAR.get(year);
  if (!numbers) {
    numbers = bankHolidaysIn(year).map((holiday) => dayNumber(holiday.date));
    for (const n of numbers) HOLIDAYS.add(n);
    HOLIDAYS_BY_YEAR.set(year, numbers);
  }
  return numbers;
}

function loadYears(first: number, last: number): void {
  for (let year = Math.max(first, 1); year <= Math.min(last, 9999); year += 1) holidaysOfYear(year);
}

/** Saturday or Sunday, for a day number (day 0, 1 January 1970, was a Thursday). */
function isWeekendNumber(n: number): boolean {
  const weekday = (((n + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

/** True for a Monday to Friday that is not a bank holiday in England and Wales. */
export function isWorkingDay(day: string): boolean {
  const n = dayNumber(day);
  if (Number.isNaN(n)) return false;
  const year = Number(day.slice(0, 4));
  loadYears(year, year);
  return !isWeekendNumber(n) && !HOLIDAYS.has(n);
}

/**
 * The day `n` working days after `from` (before it when `n` is negative). `from` is day 0 and
 * need not be a working day itself: a referral on a Saturday, or on Good Friday, reaches its first
 * working day on the Monday or the Tuesday after. `n` = 0 gives `from`. '' when `from` is not a real
 * day or `n` not a whole number.
 */
export function addWorkingDays(from: string, n: number): string {
  const start = dayNumber(from);
  if (Number.isNaN(start) || !Number.isInteger(n)) return '';
  const year = Number(from.slice(0, 4));
  const spanYears = Math.ceil(Math.abs(n) / 240) + 1;
  loadYears(n < 0 ? year - spanYears : year, n < 0 ? year : year + spanYears);
  const step = n < 0 ? -1 : 1;
  let day = start;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (!isWeekendNumber(day) && !HOLIDAYS.has(day)) left -= 1;
  }
  return dayFromNumber(day);
}

/** Monday to Friday from Monday 5 January 1970 (day number 4) up to and including day number `n`, less those before. */
function weekdaysThrough(n: number): number {
  const k = n - 4;
  const weeks = Math.floor(k / 7);
  return weeks * 5 + Math.min(k - weeks * 7 + 1, 5);
}

/**
 * Working days after `from` up to and including `to`: how many working days `to` is from `from`.
 * Negative when `to` is earlier, 0 for the same day. For any working day `to`,
 * addWorkingDays(from, workingDaysBetween(from, to)) is `to`. NaN when either is not a real day.
 */
export function workingDaysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  if (b < a) return 0 - workingDaysBetween(to, from) || 0; // never -0
  let count = weekdaysThrough(b) - weekdaysThrough(a);
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    for (const h of holidaysOfYear(year)) if (h > a && h <= b && !isWeekendNumber(h)) count -= 1;
  }
  return count;
}
