// The period a report covers: a first and a last day, both included. A period that ends before it
// starts is refused with a message that says what to do; so is a day that is missing, not real or
// before 1900 (a slip of the year; a period may reach past today, which only finds nothing yet).
// With no period asked for, a page shows the census year so far: the Children in Need census counts
// from 1 April to 31 March.
import { anyDayProblem, tooEarlyWords } from '../shared/date-rules.ts';

export interface ReportPeriod {
  /** YYYY-MM-DD, the first day included. */
  from: string;
  /** YYYY-MM-DD, the last day included. */
  to: string;
}

export const PERIOD_PROBLEM_MESSAGES = {
  'from-needed': 'Enter the first day of the period.',
  'to-needed': 'Enter the last day of the period.',
  'from-not-a-date': 'The first day of the period must be a real date, like 2026-04-01.',
  'to-not-a-date': 'The last day of the period must be a real date, like 2027-03-31.',
  'from-too-early': tooEarlyWords('The first day of the period'),
  'to-too-early': tooEarlyWords('The last day of the period'),
  'ends-before-start': 'The period ends before it starts: enter a last day on or after the first day.',
} as const;

export type PeriodProblemCode = keyof typeof PERIOD_PROBLEM_MESSAGES;

export interface PeriodProblem {
  field: 'from' | 'to';
  code: PeriodProblemCode;
}

export type CheckedPeriod = { ok: true; period: ReportPeriod } | { ok: false; problems: PeriodProblem[] };

export function checkPeriod(from: string | undefined, to: string | undefined): CheckedPeriod {
  const problems: PeriodProblem[] = [];
  const first = (from ?? '').trim();
  const last = (to ?? '').trim();
  const firstProblem = anyDayProblem(first);
  const lastProblem = anyDayProblem(last);
  if (first === '') problems.push({ field: 'from', code: 'from-needed' });
  else if (firstProblem !== null) problems.push({ field: 'from', code: firstProblem === 'too-early' ? 'from-too-early' : 'from-not-a-date' });
  if (last === '') problems.push({ field: 'to', code: 'to-needed' });
  else if (lastProblem !== null) problems.push({ field: 'to', code: lastProblem === 'too-early' ? 'to-too-early' : 'to-not-a-date' });
  if (problems.length === 0 && last < first) problems.push({ field: 'to', code: 'ends-before-start' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, period: { from: first, to: last } };
}

export const inPeriod = (day: string, period: ReportPeriod): boolean => day >= period.from && day <= period.to;

/** The census year so far on `today`: from the 1 April on or before it, to today. */
export function censusYearSoFar(today: string): ReportPeriod {
  const year = Number(today.slice(0, 4));
  const aprilFirst = `${String(year)}-04-01`;
  return { from: today >= aprilFirst ? aprilFirst : `${String(year - 1)}-04-01`, to: today };
}
