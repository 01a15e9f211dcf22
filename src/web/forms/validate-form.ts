// The one step that turns a form body into either typed values or GOV.UK errors: an error summary
// list ({ text, href: '#field' }), inline messages by field, and what the user typed, to re-render.
import type { Ajv, ErrorObject } from 'ajv';
import type { Static, TSchema } from 'typebox';
import { newJsonSchemaChecker } from '../../infrastructure/validation/json-schema.ts';

const ajv = newJsonSchemaChecker({ allErrors: true, coerceTypes: false, useDefaults: true });

/** Messages by field, then by JSON Schema keyword ("required", "format", "maxLength"...), with "default" as a fallback. */
export type FormMessages = Record<string, Partial<Record<string, string>> & { default: string }>;

export interface FormSpec<S extends TSchema> {
  schema: S;
  messages: FormMessages;
}

export interface FormErrors {
  errorList: { text: string; href: string }[];
  fieldErrors: Record<string, { text: string }>;
}

export type FormResult<T> = { ok: true; value: T } | ({ ok: false; values: Record<string, string> } & FormErrors);

const compiled = new WeakMap<TSchema, ReturnType<Ajv['compile']>>();

export function validateForm<S extends TSchema>(spec: FormSpec<S>, body: unknown): FormResult<Static<S>> {
  const values = trimmedStrings(body);
  // Empty answers are treated as not given, so "required" speaks for them.
  const candidate = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
  let validate = compiled.get(spec.schema);
  if (!validate) {
    validate = ajv.compile(spec.schema);
    compiled.set(spec.schema, validate);
  }
  if (validate(candidate)) return { ok: true, value: candidate as Static<S> };
  return { ok: false, values, ...toFormErrors(validate.errors ?? [], spec.messages) };
}

/** Builds errors for checks the schema cannot make (an email already taken, a wrong password). */
export function formErrors(errors: Record<string, string>): FormErrors {
  const errorList = Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` }));
  const fieldErrors = Object.fromEntries(Object.entries(errors).map(([field, text]) => [field, { text }]));
  return { errorList, fieldErrors };
}

function toFormErrors(errors: ErrorObject[], messages: FormMessages): FormErrors {
  const byField: Record<string, string> = {};
  for (const error of errors) {
    const field =
      error.keyword === 'required' ? String(error.params['missingProperty']) : error.instancePath.split('/')[1] ?? '';
    const fieldMessages = messages[field];
    if (!fieldMessages || byField[field]) continue;
    byField[field] = fieldMessages[error.keyword] ?? fieldMessages.default;
  }
  // Keep the order the form shows its fields in, and one error a date.
  const ordered = oneErrorADate(Object.keys(messages).filter((field) => byField[field]));
  return formErrors(Object.fromEntries(ordered.map((field) => [field, byField[field]!])));
}

const DATE_PART = /^(.+)-(?:day|month|year)$/;

/**
 * A GOV.UK date input shows one message for its day, month and year: the first of its parts in
 * error speaks for the date, so the error summary does not say the same thing three times.
 */
function oneErrorADate(fields: string[]): string[] {
  const dates = new Set<string>();
  return fields.filter((field) => {
    const date = DATE_PART.exec(field)?.[1];
    if (date === undefined) return true;
    if (dates.has(date)) return false;
    dates.add(date);
    return true;
  });
}

function trimmedStrings(body: unknown): Record<string, string> {
  if (body === null || typeof body !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === '_csrf') continue;
    if (typeof value === 'string') out[key] = value.trim();
    else if (Array.isArray(value) && typeof value[0] === 'string') out[key] = value[0].trim();
  }
  return out;
}
