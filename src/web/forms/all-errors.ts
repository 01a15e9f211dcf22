// Every error a form can find, shown at once (GOV.UK: a busy practitioner fixes them in one go, not
// in rounds). A form runs each of its checks whatever the one before found: the schema's (what was
// typed: lengths, choices), its dates' (date-input.ts), then the domain's rules that need no database,
// and gathers their errors here. A field keeps the first message it was given (a date: one message
// for its day, month and year), so a later check never repeats or contradicts an earlier one about
// the same field; the error summary lists them in the order the form asks its questions.
import type { Static, TSchema } from 'typebox';
import type { DatePart, DatePartErrors } from './date-input.ts';
import { formErrors, validateForm, type FormErrors, type FormSpec } from './validate-form.ts';

const DATE_PART = /^(.+)-(?:day|month|year)$/;

/** The schema's verdict on a form that goes on to the other checks: what was typed, what passed, and the errors. */
export interface SchemaPass<T> {
  /** What was typed, trimmed: given back to the form as it was. */
  values: Record<string, string>;
  /** The answers the schema passed; a field in error is left out, so the other checks see it as not given. */
  passed: Partial<T>;
  errors: FormErrors;
}

/** The schema's check of a form, not stopping the form's other checks. */
export function schemaPass<S extends TSchema>(spec: FormSpec<S>, body: unknown): SchemaPass<Static<S>> {
  const form = validateForm(spec, body);
  if (form.ok) return { values: stringsOf(form.value), passed: form.value, errors: { errorList: [], fieldErrors: {} } };
  const wrong = new Set(Object.keys(form.fieldErrors).map((field) => DATE_PART.exec(field)?.[1] ?? field));
  const passed = Object.fromEntries(Object.entries(form.values).filter(([field, value]) => value !== '' && !wrong.has(DATE_PART.exec(field)?.[1] ?? field)));
  return { values: form.values, passed: passed as Partial<Static<S>>, errors: { errorList: form.errorList, fieldErrors: form.fieldErrors } };
}

function stringsOf(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The errors of every check of one form, first message a field. */
export class AllErrors {
  private readonly errors = new Map<string, string>();
  private readonly dateParts: DatePartErrors = {};

  /** `order`: the form's fields in the order it asks them (a date by its prefix); fields not named go last. */
  constructor(private readonly order: readonly string[] = []) {}

  /** The field a message is about: a date's parts are one field, its prefix. */
  private static subject(field: string): string {
    return DATE_PART.exec(field)?.[1] ?? field;
  }

  private has(field: string): boolean {
    const subject = AllErrors.subject(field);
    return [...this.errors.keys()].some((known) => AllErrors.subject(known) === subject);
  }

  /** A message on a field (a date's message on the part it links to, with the parts to mark), unless the field has one. */
  add(field: string, text: string, parts?: readonly DatePart[]): this {
    if (this.has(field)) return this;
    this.errors.set(field, text);
    const date = DATE_PART.exec(field)?.[1];
    if (date !== undefined && parts) this.dateParts[date] = [...parts];
    return this;
  }

  /** Another check's errors (the schema's, say), each on its field, unless the field has one. */
  addAll(errors: FormErrors & { dateParts?: DatePartErrors }): this {
    for (const [field, { text }] of Object.entries(errors.fieldErrors)) {
      const date = DATE_PART.exec(field)?.[1];
      this.add(field, text, date === undefined ? undefined : errors.dateParts?.[date]);
    }
    return this;
  }

  get any(): boolean {
    return this.errors.size > 0;
  }

  /** The errors for the page: the summary in the form's order, each linked to its field; the date parts to mark. */
  result(): FormErrors & { dateParts: DatePartErrors } {
    const rank = (field: string) => {
      const at = this.order.indexOf(AllErrors.subject(field));
      return at === -1 ? this.order.length : at;
    };
    const fields = [...this.errors.keys()].map((field, i) => ({ field, i })).sort((a, b) => rank(a.field) - rank(b.field) || a.i - b.i);
    return { ...formErrors(Object.fromEntries(fields.map(({ field }) => [field, this.errors.get(field)!]))), dateParts: { ...this.dateParts } };
  }
}
