// How far back and how far ahead a day typed or sent to the service may be, by what the day is: one
// rule for every form, API field, import and command that takes a day, so a slip of the year ("1026",
// "2062") is refused the same way wherever it is made. Every day is a real YYYY-MM-DD day in
// EARLIEST_YEAR or later; a day something happened (a meeting held, a consent given, a birth) is not
// after today; a day something is due (an action, a follow-up, a first visit) is at most
// DUE_MONTHS_AHEAD from today, beyond which no plan of the service's looks. Pure: today comes in.
// docs/domain.md, "Dates people give".
import { addMonths, EARLIEST_YEAR, isRealIsoDate, isServiceDate } from './calendar-date.ts';

export type DayProblem = 'not-a-date' | 'too-early' | 'in-future' | 'too-far-ahead';

/** The furthest ahead a due day may be, in calendar months: a plan, a meeting or a supervision agrees the work of the year to come. */
export const DUE_MONTHS_AHEAD = 12;

/** How far after today a day that has happened may be: none. */
export const HAPPENED = 0;
/** How far after today a due day may be. */
export const DUE = DUE_MONTHS_AHEAD;

/** What can be wrong with a day however far ahead it may be (a bound of a period, a date searched for). */
export type AnyDayProblem = Extract<DayProblem, 'not-a-date' | 'too-early'>;

/** What is wrong with `value` as a day of the service's, however far ahead; null when nothing is. */
export function anyDayProblem(value: string): AnyDayProblem | null {
  if (!isRealIsoDate(value)) return 'not-a-date';
  return isServiceDate(value) ? null : 'too-early';
}

/** What is wrong with `value` as a day at most `monthsAhead` calendar months after `today` (0: not after today); null when nothing is. */
export function dayProblem(value: string, today: string, monthsAhead: number): DayProblem | null {
  const problem = anyDayProblem(value);
  if (problem !== null || value <= addMonths(today, monthsAhead)) return problem;
  return monthsAhead === HAPPENED ? 'in-future' : 'too-far-ahead';
}

/** What can be wrong with a day that has happened. */
export type HappenedDayProblem = Exclude<DayProblem, 'too-far-ahead'>;

/** What is wrong with `value` as a day that has happened by `today`; null when nothing is. */
export function happenedDayProblem(value: string, today: string): HappenedDayProblem | null {
  const problem = dayProblem(value, today, HAPPENED);
  return problem === 'too-far-ahead' ? 'in-future' : problem;
}

/** "The date of the meeting must be in 1900 or later: check the year." */
export function tooEarlyWords(label: string): string {
  return `${label} must be in ${String(EARLIEST_YEAR)} or later: check the year.`;
}

/** "The due date can be at most 12 months from today: check the year." */
export function tooFarAheadWords(label: string, monthsAhead: number = DUE_MONTHS_AHEAD): string {
  return `${label} can be at most ${String(monthsAhead)} months from today: check the year.`;
}
