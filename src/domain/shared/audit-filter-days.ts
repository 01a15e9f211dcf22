// The from and to days the audit trail is filtered by. Either may be left out; one given is a real day
// in 1900 or later, as any bound of a period (a slip of the year, "0226", would only show an empty
// trail); and a to day before the from day, which can match nothing, is refused saying what to do.
// docs/domain.md, "Dates people give".
import { anyDayProblem, tooEarlyWords } from './date-rules.ts';

export const AUDIT_DAYS_PROBLEM_MESSAGES = {
  'from-not-a-date': 'The from date must be a real date, like 2026-03-01.',
  'to-not-a-date': 'The to date must be a real date, like 2026-03-31.',
  'from-too-early': tooEarlyWords('The from date'),
  'to-too-early': tooEarlyWords('The to date'),
  'to-before-from': 'The to date must be the same as or after the from date.',
} as const;

export type AuditDaysProblemCode = keyof typeof AUDIT_DAYS_PROBLEM_MESSAGES;

export interface AuditDaysProblem {
  field: 'from' | 'to';
  code: AuditDaysProblemCode;
}

/** What is wrong with the from and to days asked for, each on its own field; [] when nothing is. */
export function auditDaysProblems(from: string | undefined, to: string | undefined): AuditDaysProblem[] {
  const fromProblem = from === undefined ? null : anyDayProblem(from);
  const toProblem = to === undefined ? null : anyDayProblem(to);
  const problems: AuditDaysProblem[] = [];
  if (fromProblem !== null) problems.push({ field: 'from', code: `from-${fromProblem}` });
  if (toProblem !== null) problems.push({ field: 'to', code: `to-${toProblem}` });
  if (problems.length === 0 && from !== undefined && to !== undefined && to < from) problems.push({ field: 'to', code: 'to-before-from' });
  return problems;
}
