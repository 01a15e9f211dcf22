// The chronology's filter form (a GET form, so a filtered list can be bookmarked and exported):
// what was typed, the filters it means, or the errors to show for dates that cannot be used.
import type { ChronologyFilters } from '../../../domain/chronology/filter-entries.ts';
import { PARTS, readDateInput, type DatePartErrors, type Values } from '../../forms/date-input.ts';
import { formErrors, type FormErrors } from '../../forms/validate-form.ts';

const FIELDS = ['agency', 'kind', 'person', 'from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year', 'significant'] as const;

/** On an error, `filters` holds the filters that can be used: all but the dates. */
export type FilterReading = { ok: true; values: Values; filters: ChronologyFilters } | ({ ok: false; values: Values; filters: ChronologyFilters; dateParts: DatePartErrors } & FormErrors);

/** The filter fields as typed: the first value of each, trimmed; nothing else from the query. */
function typedValues(query: unknown): Values {
  const raw = query !== null && typeof query === 'object' ? (query as Record<string, unknown>) : {};
  const values: Values = {};
  for (const field of FIELDS) {
    const value = Array.isArray(raw[field]) ? (raw[field] as unknown[])[0] : raw[field];
    if (typeof value === 'string' && value.trim() !== '') values[field] = value.trim();
  }
  return values;
}

export function readFilters(query: unknown): FilterReading {
  const values = typedValues(query);
  const from = readDateInput(values, { prefix: 'from', label: 'Start date', enter: 'Enter a start date' }, false);
  const to = readDateInput(values, { prefix: 'to', label: 'End date', enter: 'Enter an end date' }, false);
  const errors: Record<string, string> = {};
  const dateParts: DatePartErrors = {};
  for (const [prefix, reading] of [['from', from], ['to', to]] as const) {
    if (reading.ok) continue;
    errors[reading.field] = reading.text;
    dateParts[prefix] = reading.parts;
  }
  if (from.ok && to.ok && from.iso !== null && to.iso !== null && from.iso > to.iso) {
    errors['to-day'] = 'End date must be the same as or after the start date';
    dateParts['to'] = [...PARTS];
  }
  const filters: ChronologyFilters = {
    ...(values['agency'] ? { agency: values['agency'] } : {}),
    ...(values['kind'] ? { kind: values['kind'] } : {}),
    ...(values['person'] ? { personId: values['person'] } : {}),
    ...(values['significant'] === 'yes' ? { significantOnly: true } : {}),
  };
  if (!from.ok || !to.ok || Object.keys(errors).length > 0) return { ok: false, values, filters, dateParts, ...formErrors(errors) };
  if (from.iso) filters.from = from.iso;
  if (to.iso) filters.to = to.iso;
  return { ok: true, values, filters };
}

/** The order of the entries: newest first unless the user asks for oldest first. */
export type ChronologyOrder = 'newest' | 'oldest';

/** `?order=oldest` asks for oldest first; anything else, or nothing, is newest first. */
export function readOrder(query: unknown): ChronologyOrder {
  const raw = query !== null && typeof query === 'object' ? (query as Record<string, unknown>)['order'] : undefined;
  return (Array.isArray(raw) ? raw[0] : raw) === 'oldest' ? 'oldest' : 'newest';
}

/**
 * The query string that repeats the filters and the order ("" for none) on the list's other pages,
 * its order link, the CSV file, the printable page and an entry's page (which leads back to the list).
 * The order is written only when it is not the usual one, and the page only after the first.
 */
export function listQuery(values: Values, order: ChronologyOrder, page = 1): string {
  const params = new URLSearchParams(Object.entries(values));
  if (order === 'oldest') params.set('order', 'oldest');
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

