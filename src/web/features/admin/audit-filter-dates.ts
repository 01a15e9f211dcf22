// The audit trail's from and to dates, as GOV.UK date inputs (from-day, from-month, from-year, to-…):
// what was typed in the boxes, the days sent to the use case (list-audit-entries.ts, which refuses a
// day that is not real or before 1900, or a to date before the from date, and audits the refusal), and
// its problems in the shared date input's words. Either date may be left blank. A link written before
// the boxes (`?from=2026-03-01`) is read the same way, so a bookmarked one still works.
import type { AuditDaysProblem } from '../../../domain/shared/audit-filter-days.ts';
import { dateInputValues, datesFromQuery, fromToDateErrors, typedCalendarDay, type DatePartErrors, type Values } from '../../forms/date-input.ts';

const DATES = {
  from: { prefix: 'from', label: 'The from date', enter: '' },
  to: { prefix: 'to', label: 'The to date', enter: '' },
} as const;

export interface AuditFilterDates {
  values: Values;
  /** Each day for the use case: YYYY-MM-DD, left out when blank, something it calls not a date otherwise. */
  days: { from?: string; to?: string };
}

export function auditFilterDates(query: unknown): AuditFilterDates {
  const values = datesFromQuery(query, ['from', 'to']) ?? { ...dateInputValues('from', null), ...dateInputValues('to', null) };
  const from = typedCalendarDay(values, 'from');
  const to = typedCalendarDay(values, 'to');
  return { values, days: { ...(from ? { from } : {}), ...(to ? { to } : {}) } };
}

/** The use case's problems with the days as GOV.UK errors, each on the first box in error. */
export function auditDaysErrors(values: Values, problems: readonly AuditDaysProblem[]): { errors: Record<string, string>; dateParts: DatePartErrors } {
  const refused = problems.map((problem) => (problem.code === 'to-before-from' ? 'order' : problem.field));
  return fromToDateErrors(values, DATES, false, refused, 'The to date must be the same as or after the from date');
}
