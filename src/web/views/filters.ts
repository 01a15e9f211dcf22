// Nunjucks filters for dates and times, in the forms GOV.UK style asks for ("1 March 2026", "2:15pm").
import nunjucks from 'nunjucks';

const TIME_ZONE = 'Europe/London';

// Made once: building a formatter costs far more than using one, and a long chronology formats
// thousands of dates per page.
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone: TIME_ZONE });

export function formatDate(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  return dateFormat.format(date);
}

export function formatDateTime(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  const time = timeFormat.format(date).replace(' ', '').toLowerCase();
  return `${formatDate(date)} at ${time}`;
}

/**
 * Nunjucks' own trim runs /^\s*|\s*$/ over the text, which is quadratic on runs of spaces: the
 * govuk macros trim every cell they write, so it was a quarter of a long chronology page's time.
 * The same result, in linear time, keeping text marked safe as safe.
 */
export function trimText(value: unknown): string | nunjucks.runtime.SafeString {
  if (value instanceof nunjucks.runtime.SafeString) return new nunjucks.runtime.SafeString(value.toString().trim());
  if (typeof value === 'string') return value.trim();
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

export function addFilters(env: nunjucks.Environment): void {
  env.addFilter('trim', trimText);
  env.addFilter('date', formatDate);
  env.addFilter('dateTime', formatDateTime);
  env.addFilter('json', (value: unknown) => JSON.stringify(value));
}
