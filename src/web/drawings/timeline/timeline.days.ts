// Days and months as whole numbers, so the axis is plain arithmetic on real YYYY-MM-DD days (the
// domain's dayOf reads them). No Date object: no time zone, and no two-digit years read as 19xx.

export const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Days since 1 January 1970 of a civil date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, date: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + date - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function parts(day: string): [number, number, number] {
  return day.split('-').map(Number) as [number, number, number];
}

/** A YYYY-MM-DD day as a number of days: one apart for consecutive days. */
export function dayNumber(day: string): number {
  const [year, month, date] = parts(day);
  return daysFromCivil(year, month, date);
}

/** A month as a number: one apart for consecutive months (year × 12 + month − 1). */
export function monthNumber(day: string): number {
  const [year, month] = parts(day);
  return year * 12 + month - 1;
}

/** The day number of the first day of a month number. */
export function firstDayOfMonth(month: number): number {
  return daysFromCivil(Math.floor(month / 12), (((month % 12) + 12) % 12) + 1, 1);
}

export function yearOfMonth(month: number): number {
  return Math.floor(month / 12);
}

export function monthAbbreviation(month: number): string {
  return MONTH_ABBREVIATIONS[((month % 12) + 12) % 12]!;
}
