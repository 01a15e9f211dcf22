// GOV.UK date inputs (day, month and year fields) read into ISO dates, with the message and the
// parts to mark when the date is missing, incomplete or not real. Shared by every form with dates.
import { EARLIEST_YEAR, isRealIsoDate, isServiceDate } from '../../domain/shared/calendar-date.ts';

export type Values = Record<string, string>;
export type DatePart = 'day' | 'month' | 'year';

/** Which parts of each date input to mark as wrong, by the date's field prefix. */
export type DatePartErrors = Record<string, DatePart[]>;

export interface DateWords {
  prefix: string;
  label: string;
  enter: string;
}

type DateReading = { ok: true; iso: string | null } | { ok: false; field: string; text: string; parts: DatePart[] };

export const PARTS: readonly DatePart[] = ['day', 'month', 'year'];

/** Reads a GOV.UK date input: "31 2 2026" is not a real date, nor is one before the domain's EARLIEST_YEAR; a date with a part missing says which. */
export function readDateInput(values: Values, words: DateWords, required: boolean): DateReading {
  const typed = { day: values[`${words.prefix}-day`] ?? '', month: values[`${words.prefix}-month`] ?? '', year: values[`${words.prefix}-year`] ?? '' };
  const missing = PARTS.filter((part) => typed[part] === '');
  const problem = (text: string, parts: DatePart[]): DateReading => ({ ok: false, field: `${words.prefix}-${parts[0]!}`, text, parts });
  if (missing.length === PARTS.length) return required ? problem(words.enter, [...PARTS]) : { ok: true, iso: null };
  if (missing.length > 0) return problem(`${words.label} must include a ${missing.join(' and ')}`, missing);
  if (!/^\d{1,2}$/.test(typed.day) || !/^\d{1,2}$/.test(typed.month)) return problem(`${words.label} must be a real date`, [...PARTS]);
  if (!/^\d{4}$/.test(typed.year)) return problem(/^\d+$/.test(typed.year) ? 'Year must include 4 numbers' : `${words.label} must be a real date`, ['year']);
  const iso = `${typed.year}-${typed.month.padStart(2, '0')}-${typed.day.padStart(2, '0')}`;
  if (!isRealIsoDate(iso)) return problem(`${words.label} must be a real date`, [...PARTS]);
  // A slip of a finger ("1026", "0226" for 2026) is a real date no form of the service has a use for.
  if (!isServiceDate(iso)) return problem(`${words.label} must be in ${String(EARLIEST_YEAR)} or later: check the year`, ['year']);
  return { ok: true, iso };
}

/** The day, month and year fields for a date input, from an ISO date. */
export function dateInputValues(prefix: string, iso: string | null): Values {
  const [year = '', month = '', day = ''] = (iso ?? '').split('-');
  return { [`${prefix}-day`]: day ? String(Number(day)) : '', [`${prefix}-month`]: month ? String(Number(month)) : '', [`${prefix}-year`]: year };
}

/**
 * The day, month and year typed for each date of a GET form (a filter or a period), from its query:
 * the boxes' values, the first of each, trimmed. A link written before the form had boxes gives a
 * date as one value under its own name (`from=2026-04-01`): that is split into the boxes, as typed,
 * so a bookmarked link still works and what it held shows. Undefined when the query gives none.
 */
export function datesFromQuery(query: unknown, prefixes: readonly string[]): Values | undefined {
  const raw = query !== null && typeof query === 'object' ? (query as Record<string, unknown>) : {};
  const first = (name: string): string | undefined => {
    const value = Array.isArray(raw[name]) ? (raw[name] as unknown[])[0] : raw[name];
    return typeof value === 'string' ? value.trim() : undefined;
  };
  const boxes = prefixes.flatMap((prefix) => PARTS.map((part) => `${prefix}-${part}`));
  const values: Values = {};
  if (boxes.some((name) => first(name) !== undefined)) {
    for (const name of boxes) values[name] = first(name) ?? '';
    return values;
  }
  if (prefixes.every((prefix) => first(prefix) === undefined)) return undefined;
  for (const prefix of prefixes) {
    const [year = '', month = '', day = ''] = (first(prefix) ?? '').split('-');
    const number = (part: string) => (/^\d+$/.test(part) ? String(Number(part)) : part);
    Object.assign(values, { [`${prefix}-day`]: number(day), [`${prefix}-month`]: number(month), [`${prefix}-year`]: year });
  }
  return values;
}

/**
 * A typed date for a use case whose domain words its own refusals: '' when left blank, YYYY-MM-DD when
 * the boxes make a real calendar day (one before EARLIEST_YEAR too, so the domain says "too early"),
 * and 'not-a-date' (no day at all) otherwise. What to tell the user is still `readDateInput`'s.
 */
export function typedCalendarDay(values: Values, prefix: string): string {
  const [day = '', month = '', year = ''] = PARTS.map((part) => values[`${prefix}-${part}`] ?? '');
  if (day === '' && month === '' && year === '') return '';
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return 'not-a-date';
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isRealIsoDate(iso) ? iso : 'not-a-date';
}

/**
 * A use case's refusal of a from/to pair of date inputs as GOV.UK errors, each on the first box in
 * error: `order` puts `orderMessage` on the to date's boxes; a date refused is told what its boxes
 * say is wrong (`readDateInput`, the same rules as the domain's), or "must be a real date" when they
 * read well (a day the domain refuses for its own reason, such as before its earliest year).
 */
export function fromToDateErrors(values: Values, words: { from: DateWords; to: DateWords }, required: boolean, refused: readonly ('from' | 'to' | 'order')[], orderMessage: string): { errors: Record<string, string>; dateParts: DatePartErrors } {
  const errors: Record<string, string> = {};
  const dateParts: DatePartErrors = {};
  for (const which of refused) {
    if (which === 'order') {
      errors[`${words.to.prefix}-day`] = orderMessage;
      dateParts[words.to.prefix] = [...PARTS];
      continue;
    }
    const dateWords = words[which];
    const reading = readDateInput(values, dateWords, required);
    errors[reading.ok ? `${dateWords.prefix}-day` : reading.field] = reading.ok ? `${dateWords.label} must be a real date` : reading.text;
    dateParts[dateWords.prefix] = reading.ok ? [...PARTS] : reading.parts;
  }
  return { errors, dateParts };
}
