// A date typed into a form whose rules live in the domain: what the domain is sent for it, and, when
// the domain refuses it, the error in the shared date input's words (date-input.ts) when what was
// typed could not be read: a part missing, not a real date, a year without 4 numbers. A date left
// blank, or a real one the domain's rules refuse (one in the future, say), keeps the domain's message.
import { PARTS, readDateInput, type DatePart, type DatePartErrors, type Values } from './date-input.ts';
import { formErrors, type FormErrors } from './validate-form.ts';

/** What the domain is sent for a date the form could not read: never a real date, so the domain refuses it. */
const UNREADABLE_DATE = 'not-a-date';

/** A typed date for the domain: '' when blank, the ISO day when real, and something the domain calls not a date otherwise. */
export function typedDay(values: Values, prefix: string): string {
  const reading = readDateInput(values, { prefix, label: '', enter: '' }, false);
  if (!reading.ok) return UNREADABLE_DATE;
  return reading.iso ?? '';
}

export interface RefusedDate {
  /** The part the error is keyed on, so the summary links to it: `prefix`-day, -month or -year. */
  field: string;
  text: string;
  /** The parts to mark as wrong. */
  parts: DatePart[];
}

/**
 * The error for a date the domain refused with `domainMessage`. Typed so it could not be read, it is
 * the shared words (`label` must include a month, must be a real date...), ended with a full stop as
 * the domain's messages are, on the first part in error and marking only the parts in error; left
 * blank or read, it is the domain's message on the day, all three parts marked.
 */
export function refusedDate(values: Values, prefix: string, label: string, domainMessage: string): RefusedDate {
  const reading = readDateInput(values, { prefix, label, enter: domainMessage }, false);
  if (reading.ok) return { field: `${prefix}-day`, text: domainMessage, parts: [...PARTS] };
  return { field: reading.field, text: reading.text.endsWith('.') ? reading.text : `${reading.text}.`, parts: reading.parts };
}

/** A date field of a form: its prefix, what was typed in its three parts, and how messages name it. */
export interface TypedDate {
  prefix: string;
  typed: Values;
  label: string;
}

/** What a form of the day something was held and of actions each due on a day (the meetings and supervision forms) has typed in them. */
export interface HeldOnAndActionsTyped {
  'heldOn-day': string;
  'heldOn-month': string;
  'heldOn-year': string;
  actions: readonly { 'dueOn-day': string; 'dueOn-month': string; 'dueOn-year': string }[];
}

/** The date a problem's field is about on such a form: the day it was held (named `heldOnLabel`) or an action row's due date; none for another field. */
export function heldOnOrDueDate(field: string, values: HeldOnAndActionsTyped, heldOnLabel: string): TypedDate | undefined {
  if (field === 'heldOn-day') return { prefix: 'heldOn', typed: { 'heldOn-day': values['heldOn-day'], 'heldOn-month': values['heldOn-month'], 'heldOn-year': values['heldOn-year'] }, label: heldOnLabel };
  const row = /^action-(\d+)-dueOn-day$/.exec(field)?.[1];
  const action = row === undefined ? undefined : values.actions[Number(row)];
  if (row === undefined || !action) return undefined;
  const prefix = `action-${row}-dueOn`;
  return { prefix, typed: { [`${prefix}-day`]: action['dueOn-day'], [`${prefix}-month`]: action['dueOn-month'], [`${prefix}-year`]: action['dueOn-year'] }, label: 'The due date' };
}

/** One problem the domain found, on the form's field, with the date that field belongs to if it is a date's. */
export interface ProblemOnField {
  field: string;
  message: string;
  date: TypedDate | undefined;
}

/**
 * The domain's problems as GOV.UK errors, in the order given: each field its first message, and a
 * date's error worded by `refusedDate` (on the part in error, only the parts in error marked), once a date.
 */
export function errorsWithDates(problems: Iterable<ProblemOnField>): FormErrors & { dateParts: DatePartErrors } {
  const errors: Record<string, string> = {};
  const dateParts: DatePartErrors = {};
  for (const { field, message, date } of problems) {
    if (!date) {
      errors[field] ??= message;
      continue;
    }
    if (date.prefix in dateParts) continue;
    const refused = refusedDate(date.typed, date.prefix, date.label, message);
    errors[refused.field] = refused.text;
    dateParts[date.prefix] = refused.parts;
  }
  return { ...formErrors(errors), dateParts };
}
