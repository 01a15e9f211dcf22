// The one step that reads each find-record form: the schema's checks, then the dates typed as day,
// month and year, giving either what the use case needs or GOV.UK errors in the order the form
// shows its fields, always with what the user typed so the page can show it again.
import { nhsNumberWords } from '../../../domain/people/nhs-number.ts';
import { isPostcode, type RecordDetails, type RecordDetailsProblem } from '../../../domain/people/record-details.ts';
import { asksWhetherMobile, checkNewRecord, mobilityToKeep, parseNameQuery, type FieldProblem } from '../../../domain/people/record-matching.ts';
import { checkRecordDetails, normaliseRecordDetails } from '../../../domain/people/record-details.ts';
import { differentBabyReasonProblem } from '../../../domain/people/duplicate-override.ts';
import type { NewCaseInput } from '../../../application/cases/create-case.ts';
import { birthProblems, type BirthInput } from '../../../application/cases/record-birth.ts';
import { parseGestation } from '../../../domain/people/birth-details.ts';
import type { SearchCriteria } from '../../../application/cases/search-cases.ts';
import type { TSchema } from 'typebox';
import { PARTS, readDateInput, type DatePartErrors, type DateWords } from '../../forms/date-input.ts';
import { formErrors, validateForm, type FormErrors, type FormSpec } from '../../forms/validate-form.ts';
import { birthForm, DATE_FIELDS, DUPLICATE_MESSAGES, MOBILITY_MISSING, NAME_TOO_SHORT, newRecordForm, NO_SEARCH_CRITERIA, POSTCODE_MESSAGE, RECORD_DETAIL_ORDER, searchForm } from './find-record.schema.ts';

export type Values = Record<string, string>;
export type FormProblems = FormErrors & { dateParts: DatePartErrors };

export type FormOutcome<T> = { ok: true; value: T; values: Values } | ({ ok: false; values: Values } & FormProblems);

function dateKeys(prefix: string): string[] {
  return PARTS.map((part) => `${prefix}-${part}`);
}

/** Builds the GOV.UK errors with the summary in the order the form shows its fields. */
export function orderedErrors(order: readonly string[], errors: Record<string, string>, dateParts: DatePartErrors = {}): FormProblems {
  const known = order.filter((field) => errors[field]);
  const rest = Object.keys(errors).filter((field) => !order.includes(field));
  return { ...formErrors(Object.fromEntries([...known, ...rest].map((field) => [field, errors[field]!]))), dateParts };
}

/** The messages the domain gives, by the form field that shows them: a date's message shows by its day. */
export function problemErrors(problems: readonly (FieldProblem | RecordDetailsProblem)[]): { errors: Record<string, string>; dateParts: DatePartErrors } {
  const errors: Record<string, string> = {};
  const dateParts: DatePartErrors = {};
  for (const problem of problems) {
    const isDate = problem.field === 'dateOfBirth' || problem.field === 'expectedDeliveryDate' || problem.field === 'motherDateOfBirth';
    const field = isDate ? `${problem.field}-day` : problem.field;
    errors[field] ??= problem.message;
    if (isDate) dateParts[problem.field] = [...PARTS];
  }
  return { errors, dateParts };
}

function start(spec: FormSpec<TSchema>, body: unknown) {
  const form = validateForm(spec, body);
  const values: Values = form.ok
    ? Object.fromEntries(Object.entries(form.value as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
    : form.values;
  const errors: Record<string, string> = form.ok ? {} : Object.fromEntries(Object.entries(form.fieldErrors).map(([field, error]) => [field, error.text]));
  return { values, errors, dateParts: {} as DatePartErrors };
}

function addDate(state: ReturnType<typeof start>, words: DateWords, required: boolean): string | null {
  const reading = readDateInput(state.values, words, required);
  if (reading.ok) return reading.iso;
  if (!dateKeys(words.prefix).some((key) => state.errors[key])) state.errors[reading.field] = reading.text;
  state.dateParts[words.prefix] = reading.parts;
  return null;
}

function yesNo(value: string | undefined): boolean | null {
  return value === 'yes' ? true : value === 'no' ? false : null;
}

function grams(value: string | undefined): number | null {
  return value ? Number(value.replace(',', '')) : null;
}

// ---------------------------------------------------------------------------------------------

export const SEARCH_FIELD_ORDER = ['nhsNumber', 'name', ...dateKeys('dateOfBirth'), 'postcode'];

export function readSearchForm(body: unknown): FormOutcome<SearchCriteria> {
  const state = start(searchForm, body);
  const { values, errors } = state;
  const date = addDate(state, DATE_FIELDS.search, false);
  const nhsNumberProblem = values['nhsNumber'] && !errors['nhsNumber'] ? nhsNumberWords(values['nhsNumber']) : null;
  if (nhsNumberProblem !== null) errors['nhsNumber'] = nhsNumberProblem;
  if (values['name'] && !errors['name'] && !parseNameQuery(values['name'])) errors['name'] = NAME_TOO_SHORT;
  if (values['postcode'] && !errors['postcode'] && !isPostcode(values['postcode'])) errors['postcode'] = POSTCODE_MESSAGE;
  const dateTyped = dateKeys('dateOfBirth').some((key) => values[key]);
  if (!values['nhsNumber'] && !values['name'] && !dateTyped && !values['postcode']) errors['nhsNumber'] = NO_SEARCH_CRITERIA;
  if (Object.keys(errors).length > 0) return { ok: false, values, ...orderedErrors(SEARCH_FIELD_ORDER, errors, state.dateParts) };
  return { ok: true, values, value: { nhsNumber: values['nhsNumber'] ?? null, name: values['name'] ?? null, dateOfBirth: date, postcode: values['postcode'] ?? null } };
}

// ---------------------------------------------------------------------------------------------

export const NEW_RECORD_FIELD_ORDER = [
  'givenName',
  'familyName',
  'sex',
  'status',
  ...dateKeys('expectedDeliveryDate'),
  ...dateKeys('dateOfBirth'),
  'nhsNumber',
  'gestationAtBirthWeeks',
  'birthWeightGrams',
  'multipleBirth',
  'independentlyMobile',
  'motherGivenName',
  'motherFamilyName',
  ...dateKeys('motherDateOfBirth'),
  ...RECORD_DETAIL_ORDER,
  'confirmedNoDuplicate',
  'differentBabyReason',
  'checkedCaseIds',
];

const BORN_ONLY = [...dateKeys('dateOfBirth'), 'nhsNumber', 'gestationAtBirthWeeks', 'birthWeightGrams', 'multipleBirth', 'independentlyMobile'];
const UNBORN_ONLY = [...dateKeys('expectedDeliveryDate'), 'motherNhsNumber'];

/**
 * The address, GP practice, birth hospital and mother's NHS number as typed (the use case tidies and
 * checks them). A field the form did not show is left out, so that what is stored for it stays.
 */
export function recordDetailsFrom(values: Values, shown: readonly (keyof RecordDetails)[] = RECORD_DETAIL_ORDER): Partial<RecordDetails> {
  const details: Partial<RecordDetails> = {};
  for (const field of shown) {
    if (field === 'addressRestricted') details.addressRestricted = values['addressRestricted'] === 'yes';
    else details[field] = values[field] ?? null;
  }
  return details;
}

/** Whether the form asks if the baby is independently mobile: not once the date of birth typed is under 6 months before today. */
export function asksMobilityOf(values: Values, today: string): boolean {
  const reading = readDateInput(values, DATE_FIELDS.dateOfBirth, false);
  return asksWhetherMobile(reading.ok ? reading.iso : null, today);
}

export interface NewRecordRequest {
  input: NewCaseInput;
  confirmedNoDuplicate: boolean;
  /** The ids of the possible matches the page showed, when it showed any. */
  checkedCaseIds: string[] | null;
  /** Why none of them is this baby, when the page showed any (null when nothing was typed). */
  differentBabyReason: string | null;
}

/**
 * Reads the new-record form in one pass: the schema's checks, the dates, the domain's rules for a new
 * record and its details, and, once possible matches were shown, the confirmation and its reason. Every
 * problem found comes back at once, each on its field (a field the schema or its date already refused
 * gets no second message), with what was typed.
 */
export function readNewRecordForm(body: unknown, today: string): FormOutcome<NewRecordRequest> {
  // Only the fields for the chosen kind of record count: a born baby has no due date to check here.
  const fields = body !== null && typeof body === 'object' ? { ...(body as Record<string, unknown>) } : {};
  const ignore = fields['status'] === 'unborn' ? BORN_ONLY : fields['status'] === 'born' ? UNBORN_ONLY : [];
  for (const key of ignore) Reflect.deleteProperty(fields, key);

  const state = start(newRecordForm, fields);
  const { values, errors } = state;
  const status = values['status'];
  if (status !== 'unborn' && status !== 'born') return { ok: false, values, ...orderedErrors(NEW_RECORD_FIELD_ORDER, errors, state.dateParts) };
  const due = status === 'unborn' ? addDate(state, DATE_FIELDS.expectedDeliveryDate, true) : null;
  const born = status === 'born' ? addDate(state, DATE_FIELDS.dateOfBirth, true) : null;
  const mother = {
    motherGivenName: values['motherGivenName'] ?? null,
    motherFamilyName: values['motherFamilyName'] ?? null,
    motherDateOfBirth: addDate(state, DATE_FIELDS.motherDateOfBirth, false),
  };
  const details = recordDetailsFrom(values, status === 'unborn' ? RECORD_DETAIL_ORDER : RECORD_DETAIL_ORDER.filter((field) => field !== 'motherNhsNumber'));
  const gestation = values['gestationAtBirthWeeks'] && !errors['gestationAtBirthWeeks'] ? parseGestation(values['gestationAtBirthWeeks']) : null;
  const input: NewCaseInput =
    status === 'unborn'
      ? { status, givenName: values['givenName'] ?? null, familyName: values['familyName'] ?? null, sex: values['sex'] ?? null, expectedDeliveryDate: due, ...mother, details }
      : {
          status,
          givenName: values['givenName'] ?? null,
          familyName: values['familyName'] ?? null,
          sex: values['sex'] ?? null,
          nhsNumber: values['nhsNumber'] ?? null,
          dateOfBirth: born,
          gestationAtBirthWeeks: gestation?.weeks ?? null,
          gestationAtBirthDays: gestation?.days ?? null,
          birthWeightGrams: grams(values['birthWeightGrams']),
          multipleBirth: yesNo(values['multipleBirth']),
          independentlyMobile: yesNo(values['independentlyMobile']),
          ...mother,
          details,
        };
  // Mobility is asked of a baby 6 months or older: needed once the date of birth says so.
  if (born !== null && asksWhetherMobile(born, today) && !values['independentlyMobile'] && !errors['independentlyMobile']) errors['independentlyMobile'] = MOBILITY_MISSING;
  // The domain's rules, on what could be read: a date already refused is not asked for again.
  const dateRefused = (prefix: string) => dateKeys(prefix).some((key) => errors[key]) || state.dateParts[prefix] !== undefined;
  const domain = problemErrors([...checkNewRecord(input, today), ...checkRecordDetails(normaliseRecordDetails(details), status)]);
  for (const [field, message] of Object.entries(domain.errors)) {
    const prefix = field.endsWith('-day') ? field.slice(0, -'-day'.length) : null;
    if (errors[field] || (prefix && dateRefused(prefix))) continue;
    errors[field] = message;
    if (prefix) state.dateParts[prefix] = domain.dateParts[prefix] ?? [...PARTS];
  }
  // After possible matches were shown: going on needs the box ticked and a reason.
  const checked = values['checkedCaseIds'];
  const confirmed = values['confirmedNoDuplicate'] === 'yes';
  const reason = values['differentBabyReason']?.trim() ? values['differentBabyReason'] : null;
  if (checked !== undefined && confirmed && !errors['differentBabyReason']) {
    const problem = differentBabyReasonProblem(reason);
    if (problem !== null) errors['differentBabyReason'] = problem;
  }
  if (checked !== undefined && !confirmed && reason !== null && !errors['confirmedNoDuplicate']) errors['confirmedNoDuplicate'] = DUPLICATE_MESSAGES.reasonWithoutConfirming;
  if (Object.keys(errors).length > 0) return { ok: false, values, ...orderedErrors(NEW_RECORD_FIELD_ORDER, errors, state.dateParts) };
  return {
    ok: true,
    values,
    value: { input, confirmedNoDuplicate: confirmed, checkedCaseIds: checked === undefined ? null : checked.split(',').filter(Boolean), differentBabyReason: reason },
  };
}

// ---------------------------------------------------------------------------------------------

export const BIRTH_FIELD_ORDER = [
  'version',
  ...dateKeys('dateOfBirth'),
  'givenName',
  'sex',
  'nhsNumber',
  'gestationAtBirthWeeks',
  'birthWeightGrams',
  'multipleBirth',
  'independentlyMobile',
];

/**
 * Reads the birth form in one pass: the schema's checks, the date of birth, and the birth's rules
 * (record-birth.ts birthProblems) on what could be read, all at once, each on its field (a field the
 * schema or its date already refused gets no second message), with what was typed. Gestation keeps its
 * days: "29+3" is 29 weeks and 3 days.
 */
export function readBirthForm(body: unknown, today: string): FormOutcome<{ version: number; input: BirthInput }> {
  const state = start(birthForm, body);
  const { values, errors } = state;
  const dateOfBirth = addDate(state, DATE_FIELDS.dateOfBirth, true);
  const gestation = values['gestationAtBirthWeeks'] && !errors['gestationAtBirthWeeks'] ? parseGestation(values['gestationAtBirthWeeks']) : null;
  const readable = (field: string) => (errors[field] ? null : (values[field] ?? null));
  const input: BirthInput = {
    dateOfBirth: dateOfBirth ?? today,
    givenName: readable('givenName'),
    sex: readable('sex'),
    nhsNumber: readable('nhsNumber'),
    gestationAtBirthWeeks: gestation?.weeks ?? null,
    gestationAtBirthDays: gestation?.days ?? null,
    birthWeightGrams: errors['birthWeightGrams'] ? null : grams(values['birthWeightGrams']),
    multipleBirth: yesNo(values['multipleBirth']),
    independentlyMobile: yesNo(values['independentlyMobile']),
  };
  // The rules on what could be read: a date not read is not checked again, nor what hangs on it.
  const problems = birthProblems(input, today).filter((problem) => dateOfBirth !== null || (problem.field !== 'dateOfBirth' && problem.field !== 'independentlyMobile'));
  const domain = problemErrors(problems);
  for (const [field, message] of Object.entries(domain.errors)) {
    const isDate = field === 'dateOfBirth-day';
    if (errors[field] || (isDate && (state.dateParts['dateOfBirth'] !== undefined || dateKeys('dateOfBirth').some((key) => errors[key])))) continue;
    errors[field] = message;
    if (isDate) state.dateParts['dateOfBirth'] = domain.dateParts['dateOfBirth'] ?? [...PARTS];
  }
  // Mobility is asked of a baby 6 months or older; a younger one's is not kept (the rules count them not mobile by age).
  if (dateOfBirth !== null && asksWhetherMobile(dateOfBirth, today) && !values['independentlyMobile'] && !errors['independentlyMobile']) errors['independentlyMobile'] = MOBILITY_MISSING;
  if (Object.keys(errors).length > 0 || !dateOfBirth) return { ok: false, values, ...orderedErrors(BIRTH_FIELD_ORDER, errors, state.dateParts) };
  return { ok: true, values, value: { version: Number(values['version']), input: { ...input, dateOfBirth, independentlyMobile: mobilityToKeep(dateOfBirth, input.independentlyMobile, today) } } };
}
