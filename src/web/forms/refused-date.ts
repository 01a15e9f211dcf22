// A date typed into a form whose rules live in the domain: what the domain is sent for it, and, when
// the domain refuses it, the error in the shared date input's words (date-input.ts) when what was
// typed could not be read: a part missing, not a real date, a year without 4 numbers. A date left
// blank, or a real one the domain's rules refuse (one in the future, say), keeps the domain's message.
import { PARTS, readDateInput, type DatePart, type Values } from './date-input.ts';

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
