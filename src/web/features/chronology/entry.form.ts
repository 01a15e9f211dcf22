// The form that adds a chronology entry or corrects one. The schema checks lengths and choices;
// the date, the time and the ticked people are read here; then the domain's own rules (a known
// kind, not in the future, a summary, a source, people in the record) run on what was typed, so
// every problem is shown at once, by the field that has it, with everything typed kept.
import { Type } from 'typebox';
import type { EntryInput } from '../../../application/chronology/record-entry.ts';
import { SUBSTANCES, type ChronologyEntry } from '../../../domain/chronology/chronology.types.ts';
import { isContactKind } from '../../../domain/chronology/contact-record.ts';
import { kindLabel } from './entry-kinds.ts';
import { checkNewEntry, ENTRY_PROBLEM_MESSAGES, type EntryContext, type EntryProblem, type NewEntry } from '../../../domain/chronology/entry-rules.ts';
import { londonDateTime, londonDayAndTime } from '../../../domain/shared/service-day.ts';
import { oneOf, YES_NO } from '../../forms/choices.ts';
import { dateInputValues, PARTS, readDateInput, type DatePartErrors } from '../../forms/date-input.ts';
import { readClockTime } from '../../forms/time-input.ts';
import { formErrors, validateForm, type FormErrors, type FormSpec } from '../../forms/validate-form.ts';

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

const entrySchema = Type.Object({
  correctionReason: text(2000),
  kind: text(60),
  'occurred-day': text(10),
  'occurred-month': text(10),
  'occurred-year': text(10),
  time: text(10),
  summary: text(4000),
  source: text(40),
  babySeen: Type.Optional(oneOf([...YES_NO, 'not-recorded'])),
  significant: Type.Optional(Type.Literal('yes')),
  substance: Type.Optional(oneOf([...SUBSTANCES, 'not-known'])),
  gestationWeeks: Type.Optional(Type.String({ pattern: '^\\d{1,2}$' })),
  referralSource: text(4),
  agency: text(200),
});

const entryForm: FormSpec<typeof entrySchema> = {
  schema: entrySchema,
  messages: {
    correctionReason: { default: 'Why you are correcting it must be 2,000 characters or fewer' },
    kind: { default: 'Choose what kind of entry this is from the list' },
    'occurred-day': { default: 'The date it happened must be a real date' },
    'occurred-month': { default: 'The date it happened must be a real date' },
    'occurred-year': { default: 'The date it happened must be a real date' },
    time: { default: 'Enter the time on the 24-hour clock, like 14:30, or leave it empty' },
    summary: { default: 'The summary must be 4,000 characters or fewer' },
    source: { default: 'Choose where the information comes from' },
    babySeen: { default: 'Select whether the baby was seen' },
    significant: { default: 'Tick the box if the entry is significant, or leave it unticked' },
    substance: { default: 'Select alcohol, drugs or not known' },
    gestationWeeks: { default: 'Enter weeks of pregnancy as a whole number, like 14' },
    referralSource: { default: 'Choose who referred from the census list' },
    agency: { default: 'The agency must be 200 characters or fewer' },
  },
};

export const PEOPLE_FIELDS = ['personIds', 'presentIds', 'victimIds', 'perpetratorIds'] as const;

/** The form's fields in the order it shows them, so the error summary follows the page. */
const FIELD_ORDER = [
  'correctionReason',
  'kind',
  'occurred-day',
  'occurred-month',
  'occurred-year',
  'time',
  'summary',
  'source',
  'personIds',
  'presentIds',
  'babySeen',
  'significant',
  'victimIds',
  'perpetratorIds',
  'substance',
  'gestationWeeks',
  'referralSource',
  'agency',
];

export type EntryValues = Record<string, string | string[]>;

export type EntryFormResult = { ok: true; input: EntryInput; values: EntryValues } | ({ ok: false; values: EntryValues; dateParts: DatePartErrors } & FormErrors);

/** The boxes ticked under one name: none, one value or many, as a browser sends them. */
function ticked(body: unknown, name: string): string[] {
  const raw = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string' && value.trim() !== '').map((value) => value.trim());
}

/** The form field that shows a problem the domain found at this path (`/personIds/2` is the boxes). */
export function fieldForProblem(problem: EntryProblem): string {
  const top = problem.path.split('/')[1] ?? '';
  if (top === 'occurredAt') return 'occurred-day';
  // Factors "as stated" are not on the form: they come from the entry being corrected.
  return FIELD_ORDER.includes(top) ? top : 'kind';
}

/** Errors for the domain's problems, the first for each field, in the order of the form. */
export function problemErrors(problems: readonly EntryProblem[], already: Record<string, string> = {}): Record<string, string> {
  const errors = { ...already };
  for (const problem of problems) errors[fieldForProblem(problem)] ??= ENTRY_PROBLEM_MESSAGES[problem.code];
  return errors;
}

export function orderedErrors(errors: Record<string, string>): FormErrors {
  return formErrors(Object.fromEntries(FIELD_ORDER.filter((field) => errors[field]).map((field) => [field, errors[field]!])));
}

/**
 * A visit, an appointment or a call with the family is added on the contact form, which asks the
 * plan's checks and about the baby's day: this form refuses a new entry of such a kind (a correction
 * of one keeps its kind). The API's events still take them from agencies' systems, which send what
 * they hold (docs/domain.md, "Contacts with the family").
 */
export function contactKindWords(kind: string): string | null {
  if (!isContactKind(kind)) return null;
  return `${kindLabel(kind)} is recorded as a contact, which asks the plan’s checks and about the baby’s day: use “Record a contact or visit” (what you typed is still here to copy)`;
}

export function readEntryForm(body: unknown, context: EntryContext): EntryFormResult {
  const form = validateForm(entryForm, body);
  const values: Record<string, string> = form.ok ? Object.fromEntries(Object.entries(form.value).filter((entry): entry is [string, string] => typeof entry[1] === 'string')) : form.values;
  const errors: Record<string, string> = form.ok ? {} : Object.fromEntries(Object.entries(form.fieldErrors).map(([field, error]) => [field, error.text]));
  const people = Object.fromEntries(PEOPLE_FIELDS.map((field) => [field, ticked(body, field)])) as Record<(typeof PEOPLE_FIELDS)[number], string[]>;
  const dateParts: DatePartErrors = {};

  const date = readDateInput(values, { prefix: 'occurred', label: 'The date it happened', enter: 'Enter the date it happened' }, true);
  const dateFields = PARTS.map((part) => `occurred-${part}`);
  if (!date.ok) {
    if (!dateFields.some((field) => errors[field])) errors[date.field] = date.text;
    dateParts['occurred'] = date.parts;
  }
  const time = values['time'] ? readClockTime(values['time']) : null;
  if (values['time'] && time === null) errors['time'] ??= entryForm.messages['time']!.default;

  const day = date.ok ? date.iso : null;
  const entry: NewEntry = {
    kind: values['kind'] ?? '',
    occurredAt: day === null ? '' : time === null ? day : londonDateTime(day, time),
    summary: values['summary'] ?? '',
    source: values['source'] ?? '',
    ...people,
    ...(values['substance'] === 'alcohol' || values['substance'] === 'drugs' ? { substance: values['substance'] } : {}),
    ...(values['gestationWeeks'] && !errors['gestationWeeks'] ? { gestationWeeks: Number(values['gestationWeeks']) } : {}),
    // Only a referral says who referred: the choice (or its default) is left aside for any other kind.
    ...(values['kind'] === 'referral' && values['referralSource'] ? { referralSource: values['referralSource'] } : {}),
    ...(context.isCorrection ? { correctionReason: values['correctionReason'] ?? '' } : {}),
  };
  const problems = checkNewEntry(entry, context).filter((problem) => day !== null || problem.path !== '/occurredAt');
  const all = problemErrors(problems, errors);
  const contact = context.isCorrection ? null : contactKindWords(entry.kind);
  if (contact) all['kind'] ??= contact;
  const typed = { ...values, ...people };
  if (Object.keys(all).length > 0) {
    if (dateFields.some((field) => all[field]) && !dateParts['occurred']) dateParts['occurred'] = [...PARTS];
    return { ok: false, values: typed, dateParts, ...orderedErrors(all) };
  }
  return {
    ok: true,
    values: typed,
    input: {
      ...entry,
      ...(values['significant'] === 'yes' ? { significant: true } : {}),
      ...(values['babySeen'] === 'yes' || values['babySeen'] === 'no' ? { babySeen: values['babySeen'] === 'yes' } : {}),
      ...(values['agency'] ? { agency: values['agency'] } : {}),
    },
  };
}

/** The form filled in from an entry, to correct it. */
export function valuesFromEntry(entry: ChronologyEntry): EntryValues {
  const { day, time } = londonDayAndTime(entry.occurredAt);
  return {
    kind: entry.kind,
    ...dateInputValues('occurred', day),
    time: time ?? '',
    summary: entry.summary,
    source: entry.source,
    personIds: [...entry.personIds],
    presentIds: [...entry.presentIds],
    victimIds: [...entry.victimIds],
    perpetratorIds: [...entry.perpetratorIds],
    babySeen: entry.babySeen === null ? 'not-recorded' : entry.babySeen ? 'yes' : 'no',
    significant: entry.significant ? 'yes' : '',
    substance: entry.substance ?? '',
    gestationWeeks: entry.gestationWeeks === undefined ? '' : String(entry.gestationWeeks),
    referralSource: entry.referralSource ?? '',
    agency: entry.agency,
  };
}
