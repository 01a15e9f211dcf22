// Reading pages in route tests: elements by data-qa, the error summary, plain text, an input's value;
// and a date as a GOV.UK date input posts it.

/** The HTML of the element carrying data-qa="name", up to its matching closing tag, or null. */
export function qaElement(html: string, name: string): string | null {
  const start = html.search(new RegExp(`<([a-z][a-z0-9]*)[^>]*data-qa="${name}"`));
  if (start === -1) return null;
  const tag = /^<([a-z][a-z0-9]*)/.exec(html.slice(start))![1]!;
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  tags.lastIndex = start;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, match.index + match[0].length);
  }
  return null;
}

/** Every element carrying data-qa="name". */
export function qaElements(html: string, name: string): string[] {
  const found: string[] = [];
  let rest = html;
  for (let element = qaElement(rest, name); element; element = qaElement(rest, name)) {
    found.push(element);
    rest = rest.slice(rest.indexOf(element) + element.length);
  }
  return found;
}

function decode(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The visible text of some HTML, with runs of white space as one space. */
export function textOf(html: string | null): string {
  return decode((html ?? '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').replace(/ ([.,)])/g, '$1').replace(/\( /g, '(').trim();
}

/** The links in the GOV.UK error summary, as "#field: message" (a list's row fields too: ids with digits, such as actions-0-text). */
export function summaryErrors(html: string): string[] {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a href="#([A-Za-z0-9-]+)">([^<]*)<\/a>/g)].map((match) => `#${match[1]!}: ${textOf(match[2]!)}`);
}

/** The value of the input named name, as text, or undefined when the page has no such input. */
export function inputValue(html: string, name: string): string | undefined {
  const match = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html) ?? new RegExp(`<input[^>]*value="([^"]*)"[^>]*name="${name}"`).exec(html);
  return match ? textOf(match[1]!) : undefined;
}

/** A day (YYYY-MM-DD) as the three fields of the date input named prefix: prefix-day, prefix-month, prefix-year. */
export function dateFields(prefix: string, day: string): Record<string, string> {
  const [year, month, d] = day.split('-');
  return { [`${prefix}-day`]: String(Number(d)), [`${prefix}-month`]: String(Number(month)), [`${prefix}-year`]: year! };
}
