// The subject access clock (issue 21; docs/domain.md, "Subject access"). UK GDPR article 12(3) gives
// a controller one month from receipt to answer a request, extendable by two further months where
// requests are complex or numerous, telling the requester why within the first month. The ICO's
// "Right of access" guidance counts a calendar month: from the day received to the corresponding
// day of the next month, or that month's last day when it has no such day (received 31 January:
// due 28 or 29 February). calendar-date.ts's addMonths counts exactly so.
import { addMonths } from '../shared/calendar-date.ts';
import { happenedDayProblem, tooEarlyWords } from '../shared/date-rules.ts';

export const EXTENSION_MONTHS = 2;
export const EXTENSION_REASON_MAX = 2000;

/** The day the answer is due: one calendar month from the day the request was received. */
export function responseDueOn(receivedOn: string): string {
  return addMonths(receivedOn, 1);
}

/** The day the answer is due once extended: three calendar months from the day received. */
export function extendedDueOn(receivedOn: string): string {
  return addMonths(receivedOn, 1 + EXTENSION_MONTHS);
}

export interface ReceivedOnProblem {
  field: 'receivedOn';
  message: string;
}

/** The day received must be a real date in 1900 or later, not after today (the service's day). */
export function checkReceivedOn(receivedOn: string, today: string): ReceivedOnProblem | null {
  const problem = happenedDayProblem(receivedOn, today);
  if (problem === 'not-a-date') return { field: 'receivedOn', message: 'Enter the date the request was received, as a real date such as 2026-11-03' };
  if (problem === 'too-early') return { field: 'receivedOn', message: tooEarlyWords('The date the request was received') };
  if (problem === 'in-future') return { field: 'receivedOn', message: 'The date the request was received must be today or in the past' };
  return null;
}

export type ClockState = 'open' | 'due-today' | 'overdue';

/** Where an unanswered request stands against its due day. */
export function clockState(dueOn: string, today: string): ClockState {
  if (today > dueOn) return 'overdue';
  return today === dueOn ? 'due-today' : 'open';
}
