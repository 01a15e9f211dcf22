// Calendar days written YYYY-MM-DD, and the arithmetic on them that every layer uses: the one place
// that counts days and months, reads a day from a date-time and writes a day in words. Pure, and
// no Date object: a day is a day wherever the code runs, so no time zone can move it. The London
// day of a moment is service-day.ts's; how pages write dates and times is web/views/london-time.ts's.
//
// Anything that is not a real day reads as unknown rather than throwing: a day comes back as ''
// (addDays, addMonths), a count as NaN (daysFrom).

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** Days since 1 January 1970 of a civil date, for any year (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, date: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + date - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The civil date of a count of days since 1 January 1970 (Howard Hinnant's civil_from_days). */
function civilFromDays(days: number): [year: number, month: number, date: number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, date];
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** The number written by `length` ASCII digits of `value` from `start`; -1 when any is not a digit. */
function digitsAt(value: string, start: number, length: number): number {
  let number = 0;
  for (let i = start; i < start + length; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/**
 * Year, month and day of a real YYYY-MM-DD day; null for anything else. Read digit by digit rather
 * than by a regular expression: every pattern and every evaluation reads the day of every entry, and
 * this was a fifth of finding the patterns in a 2,000-entry chronology (bench/patterns.ts).
 */
function partsOf(value: string): [year: number, month: number, date: number] | null {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const date = digitsAt(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) return null;
  return [year, month, date];
}

function written(year: number, month: number, date: number): string {
  if (year < 0 || year > 9999) return '';
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** True for a real calendar date written YYYY-MM-DD: 2026-02-31 is not one. */
export function isRealIsoDate(value: string): boolean {
  return partsOf(value) !== null;
}

/** The first year a day the service is given may be in: nothing it records, not even an adult's birth, is older. */
export const EARLIEST_YEAR = 1900;

/**
 * True for a real YYYY-MM-DD day in EARLIEST_YEAR or later: the dates a page, an API caller or an
 * import may give. 0001-01-01 is a real day but no day of this service's ("1026" is a slip for 2026).
 */
export function isServiceDate(value: string): boolean {
  const parts = partsOf(value);
  return parts !== null && parts[0] >= EARLIEST_YEAR;
}

/** The YYYY-MM-DD day of an ISO date or date-time (as written, offset and all), or null when it is not a real date. */
export function dayOf(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const day = value.slice(0, 10);
  return isRealIsoDate(day) ? day : null;
}

/** A day as a number of days since 1 January 1970: one apart for consecutive days; NaN when not a real day. */
export function dayNumber(day: string): number {
  const parts = partsOf(day);
  return parts ? daysFromCivil(...parts) : Number.NaN;
}

/** The YYYY-MM-DD day of a day number; '' when it is not a whole number or leaves years 0 to 9999. */
export function dayFromNumber(days: number): string {
  if (!Number.isInteger(days)) return '';
  return written(...civilFromDays(days));
}

export function addDays(day: string, days: number): string {
  return dayFromNumber(dayNumber(day) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysFrom(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The same day `months` calendar months later; the 31st becomes the month's last day when it has no 31st. */
export function addMonths(day: string, months: number): string {
  const parts = partsOf(day);
  if (!parts || !Number.isInteger(months)) return '';
  const [year, month, date] = parts;
  const target = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(target / 12);
  const targetMonth = target - targetYear * 12 + 1;
  return written(targetYear, targetMonth, Math.min(date, daysInMonth(targetYear, targetMonth)));
}

/** Whole years from a date of birth to `on`: a birthday on 29 February comes on 1 March in other years. */
export function ageInYears(dateOfBirth: string, on: string): number {
  const [y1, m1, d1] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = on.split('-').map(Number) as [number, number, number];
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

/** Whole calendar months from one day to another: 10 June to 9 November is 4. */
export function wholeMonths(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

/** A day's month as a number: one apart for consecutive months (year × 12 + month − 1). */
export function monthNumber(day: string): number {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return year * 12 + month - 1;
}

/** The day number of the first day of a month number. */
export function firstDayOfMonth(month: number): number {
  return daysFromCivil(Math.floor(month / 12), (((month % 12) + 12) % 12) + 1, 1);
}

export function yearOfMonth(month: number): number {
  return Math.floor(month / 12);
}

/** The month's name of a month number: "January" for month 0 of any year. */
export function monthName(month: number): string {
  return MONTH_NAMES[((month % 12) + 12) % 12]!;
}

/** "20 November 2026", as GOV.UK writes dates, for a date or the day of a date-time; anything else as given. */
export function dayInWords(value: string): string {
  const day = dayOf(value);
  if (day === null) return value;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date} ${MONTH_NAMES[month - 1]!} ${year}`;
}
