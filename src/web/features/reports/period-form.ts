// The period a reports page asks for, as two GOV.UK date inputs (the start date and the end date of
// the period): what was typed in their boxes, the days sent to the use case, and the errors in the
// shared date input's words when the use case refuses the period (domain/reports/report-period.ts
// checkPeriod; the refusal audited there). A link written before the boxes (`?from=2026-04-01&to=…`,
// as the CSV links still are) is read the same way; with no dates, the census year so far.
import { censusYearSoFar, type PeriodProblem } from '../../../domain/reports/report-period.ts';
import { dateInputValues, datesFromQuery, fromToDateErrors, typedCalendarDay, type DatePartErrors, type Values } from '../../forms/date-input.ts';
import { formErrors, type FormErrors } from '../../forms/validate-form.ts';

const DATES = {
  from: { prefix: 'from', label: 'The start date', enter: 'Enter the start date of the period' },
  to: { prefix: 'to', label: 'The end date', enter: 'Enter the end date of the period' },
} as const;

export interface AskedPeriod {
  /** The boxes as typed (or as the period shown when none was asked for). */
  values: Values;
  /** Each day for the use case: YYYY-MM-DD, '' when left blank, something it calls not a date otherwise. */
  asked: { from: string; to: string };
}

export function askedPeriod(query: unknown, today: string): AskedPeriod {
  const typed = datesFromQuery(query, ['from', 'to']);
  if (typed === undefined) {
    const period = censusYearSoFar(today);
    return { values: { ...dateInputValues('from', period.from), ...dateInputValues('to', period.to) }, asked: period };
  }
  return { values: typed, asked: { from: typedCalendarDay(typed, 'from'), to: typedCalendarDay(typed, 'to') } };
}

/** The use case's problems with the period as GOV.UK errors, each on the first box in error, the start date's first. */
export function periodErrors(values: Values, problems: readonly PeriodProblem[]): FormErrors & { dateParts: DatePartErrors } {
  const refused = problems.map((problem) => (problem.code === 'ends-before-start' ? 'order' : problem.field));
  const { errors, dateParts } = fromToDateErrors(values, DATES, true, refused, 'The end date must be the same as or after the start date');
  return { ...formErrors(errors), dateParts };
}
