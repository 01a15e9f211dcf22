// The form that corrects a born baby's birth details, read in one pass: the schema's checks, the date
// of birth typed as day, month and year, the gestation as weeks and days ("38+4"), and the domain's
// rules for the details and the reason (correct-birth-details.ts), all at once, each on its field,
// with what was typed given back as it was.
import { Type } from 'typebox';
import { correctionProblems, type CorrectionFieldProblem } from '../../../application/cases/correct-birth-details.ts';
import { birthDetailsChanged, CORRECTION_REASON_MAX_LENGTH, gestationText, GESTATION_WORDS, parseGestation, type BirthDetails } from '../../../domain/people/birth-details.ts';
import { NHS_NUMBER_MESSAGE, SEXES } from '../../../domain/people/record-matching.ts';
import { oneOf } from '../../forms/choices.ts';
import { dateInputValues, PARTS, readDateInput, type DatePartErrors } from '../../forms/date-input.ts';
import { formErrors, validateForm, type FormErrors, type FormSpec } from '../../forms/validate-form.ts';

export type Values = Record<string, string>;
export type FormProblems = FormErrors & { dateParts: DatePartErrors };

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

const schema = Type.Object({
  version: Type.String({ pattern: '^\\d{1,9}$' }),
  givenName: text(100),
  familyName: text(100),
  sex: Type.Optional(oneOf(SEXES)),
  'dateOfBirth-day': text(10),
  'dateOfBirth-month': text(10),
  'dateOfBirth-year': text(10),
  nhsNumber: text(20),
  gestationAtBirth: text(20),
  birthWeightGrams: Type.Optional(Type.String({ pattern: '^(\\d{1,2},?\\d{3}|\\d{1,4})$' })),
  // Read whole: the domain refuses a reason too long, and the page gives it back as typed.
  reason: Type.Optional(Type.String()),
  submissionId: text(100),
});

const spec: FormSpec<typeof schema> = {
  schema,
  messages: {
    version: { default: 'This page is out of date. Go back to the record and start again.' },
    givenName: { default: 'First name must be 100 characters or fewer' },
    familyName: { default: 'Family name must be 100 characters or fewer' },
    sex: { default: 'Select female, male or not known' },
    nhsNumber: { default: NHS_NUMBER_MESSAGE },
    gestationAtBirth: { default: GESTATION_WORDS },
    birthWeightGrams: { default: 'Enter birth weight in grams, like 3400' },
    reason: { default: `The reason must be ${String(CORRECTION_REASON_MAX_LENGTH)} characters or fewer` },
    submissionId: { default: 'This page is out of date. Go back to the record and start again.' },
  },
};

/** The fields in the order the form shows them, for the error summary. */
export const CORRECTION_FIELD_ORDER = ['version', 'givenName', 'familyName', 'sex', 'dateOfBirth-day', 'dateOfBirth-month', 'dateOfBirth-year', 'nhsNumber', 'gestationAtBirth', 'birthWeightGrams', 'reason'];

/** The form field that shows a domain problem: a date's by its day, gestation's by the one box, "nothing changed" by the reason. */
function fieldOf(problem: CorrectionFieldProblem): string {
  switch (problem.field) {
    case 'dateOfBirth':
      return 'dateOfBirth-day';
    case 'gestationAtBirthWeeks':
    case 'gestationAtBirthDays':
      return 'gestationAtBirth';
    case 'changes':
      return 'reason';
    default:
      return problem.field;
  }
}

/** The form's values for the record as it is: what the page shows before anything is typed. */
export function valuesOf(details: BirthDetails): Values {
  return {
    givenName: details.givenName ?? '',
    familyName: details.familyName ?? '',
    sex: details.sex ?? '',
    ...dateInputValues('dateOfBirth', details.dateOfBirth),
    nhsNumber: details.nhsNumber ?? '',
    gestationAtBirth: gestationText(details.gestationAtBirthWeeks, details.gestationAtBirthDays),
    birthWeightGrams: details.birthWeightGrams === null ? '' : String(details.birthWeightGrams),
    reason: '',
  };
}

export type CorrectionForm = { ok: true; values: Values; value: { version: number; details: BirthDetails; reason: string } } | ({ ok: false; values: Values } & FormProblems);

/** Builds the GOV.UK errors in the order the form shows its fields. */
export function orderedErrors(errors: Record<string, string>, dateParts: DatePartErrors = {}): FormProblems {
  const fields = [...CORRECTION_FIELD_ORDER.filter((field) => errors[field]), ...Object.keys(errors).filter((field) => !CORRECTION_FIELD_ORDER.includes(field))];
  return { ...formErrors(Object.fromEntries(fields.map((field) => [field, errors[field]!]))), dateParts };
}

/** The domain's problems as the form shows them: the first for each field; a date's marks its three parts. */
export function problemErrors(problems: readonly CorrectionFieldProblem[]): FormProblems {
  const errors: Record<string, string> = {};
  const dateParts: DatePartErrors = {};
  for (const problem of problems) {
    const field = fieldOf(problem);
    errors[field] ??= problem.message;
    if (problem.field === 'dateOfBirth') dateParts['dateOfBirth'] = [...PARTS];
  }
  return orderedErrors(errors, dateParts);
}

/**
 * Reads the form against the record as it is (`current`): every problem at once. A field the form
 * could not read (a date not real, a gestation not like 38+4) gets its own words and no second
 * message; the domain's rules are checked on the rest, as if that field were left as it was.
 */
export function readCorrectionForm(body: unknown, current: BirthDetails, today: string): CorrectionForm {
  const form = validateForm(spec, body);
  const values: Values = form.ok
    ? Object.fromEntries(Object.entries(form.value as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
    : form.values;
  const errors: Record<string, string> = form.ok ? {} : Object.fromEntries(Object.entries(form.fieldErrors).map(([field, error]) => [field, error.text]));
  const dateParts: DatePartErrors = {};
  const date = readDateInput(values, { prefix: 'dateOfBirth', label: 'Date of birth', enter: 'Enter the date of birth' }, true);
  if (!date.ok && !PARTS.some((part) => errors[`dateOfBirth-${part}`])) {
    errors[date.field] = date.text;
    dateParts['dateOfBirth'] = date.parts;
  }
  const gestationTyped = values['gestationAtBirth'] ?? '';
  const gestation = gestationTyped === '' ? { weeks: null, days: null } : parseGestation(gestationTyped);
  if (gestation === null) errors['gestationAtBirth'] ??= GESTATION_WORDS;
  const weightTyped = values['birthWeightGrams'] ?? '';
  const details: BirthDetails = {
    dateOfBirth: date.ok && date.iso ? date.iso : current.dateOfBirth,
    nhsNumber: errors['nhsNumber'] ? current.nhsNumber : values['nhsNumber'] || null,
    gestationAtBirthWeeks: gestation ? gestation.weeks : current.gestationAtBirthWeeks,
    gestationAtBirthDays: gestation ? gestation.days : current.gestationAtBirthDays,
    birthWeightGrams: errors['birthWeightGrams'] ? current.birthWeightGrams : weightTyped === '' ? null : Number(weightTyped.replace(',', '')),
    sex: errors['sex'] ? current.sex : values['sex'] || null,
    givenName: errors['givenName'] ? current.givenName : values['givenName'] || null,
    familyName: errors['familyName'] ? current.familyName : values['familyName'] || null,
  };
  const reason = values['reason'] ?? '';
  const unread = Object.keys(errors).length > 0;
  // Nothing changed is only said when everything could be read: a field refused may be the change.
  const changed = birthDetailsChanged(current, details);
  const domain = correctionProblems(details, reason, unread && changed.length === 0 ? [{ field: 'givenName', from: null, to: null }] : changed, today);
  for (const problem of domain) {
    const field = fieldOf(problem);
    if (field === 'dateOfBirth-day' && (dateParts['dateOfBirth'] || PARTS.some((part) => errors[`dateOfBirth-${part}`]))) continue;
    if (errors[field]) continue;
    errors[field] = problem.message;
    if (problem.field === 'dateOfBirth') dateParts['dateOfBirth'] = [...PARTS];
  }
  if (Object.keys(errors).length > 0) return { ok: false, values, ...orderedErrors(errors, dateParts) };
  return { ok: true, values, value: { version: Number(values['version']), details, reason } };
}
