// Dates typed into GOV.UK date inputs (day, month, year as separate fields) into ISO dates,
// saying what is wrong when they are not real dates. Pure.
export type CalendarDateProblem = 'missing' | 'incomplete' | 'not-real';

export type CalendarDateResult = { ok: true; iso: string } | { ok: false; problem: CalendarDateProblem };

export function parseCalendarDate(parts: { day?: string; month?: string; year?: string }): CalendarDateResult {
  const fields = [parts.day, parts.month, parts.year].map((value) => (value ?? '').trim());
  if (fields.every((value) => value === '')) return { ok: false, problem: 'missing' };
  if (fields.some((value) => value === '')) return { ok: false, problem: 'incomplete' };
  const [day, month, year] = fields.map(Number) as [number, number, number];
  if (!fields.every((value) => /^\d+$/.test(value)) || fields[2]!.length !== 4) return { ok: false, problem: 'not-real' };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { ok: false, problem: 'not-real' };
  return { ok: true, iso: date.toISOString().slice(0, 10) };
}

/** The day, month and year fields for a date input, from an ISO date. */
export function calendarDateParts(iso: string | null): { day: string; month: string; year: string } {
  if (!iso) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}
