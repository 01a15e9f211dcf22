// The form to add a measurement: what was measured (weight, length or head circumference), the
// value in the kind's unit, and the GOV.UK date input for the day. Read into what the domain checks,
// and the domain's problems turned into GOV.UK errors on their fields, with everything typed kept.
import { isMeasurementKind, UNIT_OF } from '../../../domain/growth/growth.types.ts';
import type { MeasurementInput, MeasurementProblem } from '../../../domain/growth/measurement-rules.ts';
import { readDateInput } from '../../forms/date-input.ts';
import { formErrors, type FormErrors } from '../../forms/validate-form.ts';

const FIELDS = ['kind', 'value', 'measuredOn-day', 'measuredOn-month', 'measuredOn-year'] as const;
export type FormValues = Record<string, string>;

const DATE_WORDS = { prefix: 'measuredOn', label: 'The date measured', enter: 'Enter the date it was measured' };

/** The form's fields as typed, however long (trimmed, as every date input reads them), nothing else from the body. */
export function readForm(raw: unknown): FormValues {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return Object.fromEntries(FIELDS.map((field) => [field, typeof body[field] === 'string' ? body[field].trim() : '']));
}

/** "3,400" and "3400 g" are 3400; anything else not a number is NaN, which the domain refuses. */
function typedNumber(text: string): number {
  const plain = text.replace(/,/g, '').replace(/\s*(g|cm)$/i, '').trim();
  return plain === '' || !/^\d+(\.\d+)?$/.test(plain) ? Number.NaN : Number(plain);
}

/** The measurement as the domain takes it: the unit is the kind's, since the page asks in it. */
export function measurementFrom(values: FormValues): MeasurementInput {
  const kind = values['kind'] ?? '';
  const day = readDateInput(values, DATE_WORDS, true);
  return { kind, value: typedNumber(values['value'] ?? ''), unit: isMeasurementKind(kind) ? UNIT_OF[kind] : '', measuredOn: day.ok ? (day.iso ?? '') : '' };
}

/** The domain's problems as GOV.UK errors; a date the form could not read says what is missing. */
export function pageErrors(values: FormValues, problems: readonly MeasurementProblem[]): FormErrors {
  const errors: Record<string, string> = {};
  const day = readDateInput(values, DATE_WORDS, true);
  for (const problem of problems) {
    if (problem.field === 'measuredOn') {
      if (day.ok) errors['measuredOn-day'] ??= problem.message;
      else errors[day.field] ??= day.text;
    } else errors[problem.field === 'unit' ? 'value' : problem.field] ??= problem.message;
  }
  return formErrors(errors);
}
