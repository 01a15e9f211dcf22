// Nunjucks filters: dates and times in London time as GOV.UK writes them (london-time.ts), a linear
// trim, JSON, citations linked to the guidance page and words linked to the glossary.
import nunjucks from 'nunjucks';
import { citationLinks } from './citations.ts';
import { glossaryLinks } from './glossary-links.ts';
import { formatDate, formatDateTime } from './london-time.ts';

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
  env.addFilter('citations', citationLinks);
  env.addFilter('glossary', glossaryLinks);
}
