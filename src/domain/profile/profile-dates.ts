// Calendar arithmetic on ISO dates (YYYY-MM-DD) for the profile rules. Pure: `today` always comes
// in; anything that is not a real date reads as unknown rather than throwing.
import { isRealIsoDate } from '../shared/calendar-date.ts';

const DAY_MS = 86_400_000;

/** The YYYY-MM-DD day of an ISO date or date-time, or null when it is not a real date. */
export function dayOf(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const day = value.slice(0, 10);
  return isRealIsoDate(day) ? day : null;
}

function utc(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** Empty (so it reads as unknown) when the arithmetic leaves the calendar, rather than throwing. */
function fromUtc(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return fromUtc(utc(day) + days * DAY_MS);
}

export function daysFrom(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** The same day `months` later; the 31st becomes the month's last day when it has no 31st. */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return fromUtc(target.getTime());
}

/** Whole years from a date of birth to `on`. */
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

/**
 * Whether an event happened after a review. With times on both, the instants decide; with dates
 * only, an event on the day of the review counts as seen by it.
 */
export function isAfter(eventAt: string, reviewedAt: string): boolean {
  if (eventAt.includes('T') && reviewedAt.includes('T')) {
    const event = Date.parse(eventAt);
    const review = Date.parse(reviewedAt);
    if (!Number.isNaN(event) && !Number.isNaN(review)) return event > review;
  }
  const eventDay = dayOf(eventAt);
  const reviewDay = dayOf(reviewedAt);
  if (eventDay === null) return false;
  return reviewDay === null || eventDay > reviewDay;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "20 November 2026"; anything else as given. */
export function dayInWords(value: string): string {
  const day = dayOf(value);
  if (day === null) return value;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date} ${MONTHS[month - 1]!} ${year}`;
}
