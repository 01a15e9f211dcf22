// How every page, presenter and export writes a date or a moment, in London time and in the forms
// GOV.UK style asks for: "1 March 2026" and "1 March 2026 at 2:15pm". The London day and clock come
// from the service's clock (domain/shared/service-day.ts), the words for a day from the calendar
// (domain/shared/calendar-date.ts); this is the one place that puts them into words for people.
import { dayInWords, dayOf } from '../../domain/shared/calendar-date.ts';
import { londonClock, londonDayAndTime } from '../../domain/shared/service-day.ts';

type Moment = Date | string | null | undefined;

/** A day alone (YYYY-MM-DD) is read at noon UTC, which is that same day in London. */
function dayMoment(value: Date | string): Date {
  return typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
}

/** "2:15pm", "12:05am": a 24-hour HH:MM on the 12-hour clock, as GOV.UK writes times. */
function twelveHour(time: string): string {
  const [hours, minutes] = time.split(':') as [string, string];
  const hour = Number(hours);
  return `${String(hour % 12 === 0 ? 12 : hour % 12)}:${minutes}${hour < 12 ? 'am' : 'pm'}`;
}

/** "1 March 2026": the London day of a moment, or a day as given; '' for nothing. An impossible date throws, as Intl does. */
export function formatDate(value: Moment): string {
  if (value === null || value === undefined || value === '') return '';
  // A real day alone is that day in London (its noon UTC always is): no clock to read. Long lists
  // write many, and reading the clock is most of what writing a date costs.
  if (typeof value === 'string' && value.length === 10 && dayOf(value) === value) return dayInWords(value);
  return dayInWords(londonClock(dayMoment(value)).day);
}

/** "1 March 2026 at 2:15pm", in London time; '' for nothing. A day alone is read as its midnight UTC. */
export function formatDateTime(value: Moment): string {
  if (value === null || value === undefined || value === '') return '';
  const { day, time } = londonClock(typeof value === 'string' ? new Date(value) : value);
  return `${dayInWords(day)} at ${twelveHour(time)}`;
}

/**
 * A stored moment both as formatDateTime and as sortableDateTime write it, reading the London clock
 * once instead of twice: for a list whose page shows the one and whose export sorts by the other.
 */
export function dateTimeBothWays(value: string): { words: string; sortable: string } {
  if (value.length === 10) return { words: formatDateTime(value), sortable: value };
  const { day, time } = londonClock(new Date(value));
  return { words: `${dayInWords(day)} at ${twelveHour(time)}`, sortable: `${day} ${time}` };
}

/** "2026-03-01" or "2026-03-01 14:15" (London time when a time was given): a moment as a spreadsheet sorts it. */
export function sortableDateTime(value: string): string {
  const { day, time } = londonDayAndTime(value);
  return time === null ? day : `${day} ${time}`;
}
