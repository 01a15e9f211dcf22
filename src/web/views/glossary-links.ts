// The `glossary` filter: a short text (a finding's title, a level's name, a status) with the first
// words the glossary defines linked to their meaning on /glossary. Only for plain text: the text is
// escaped, and nothing inside a link may use it.
import nunjucks from 'nunjucks';
import { GLOSSARY_TERMS, type GlossaryTerm } from '../../domain/shared/glossary.ts';
import { escapeHtml } from './citations.ts';

/** Longest phrase first, so "child protection plan" wins over "child protection". */
const PHRASES: readonly { phrase: string; term: GlossaryTerm }[] = GLOSSARY_TERMS.flatMap((term) => term.phrases.map((phrase) => ({ phrase, term }))).sort(
  (a, b) => b.phrase.length - a.phrase.length,
);

function isWordEdge(text: string, index: number): boolean {
  return index < 0 || index >= text.length || !/[\p{L}\p{N}-]/u.test(text[index]!);
}

/** Where the first defined phrase is in the text (whole words, any case), or null. */
export function findGlossaryTerm(text: string): { start: number; end: number; term: GlossaryTerm } | null {
  const lower = text.toLowerCase().replace(/’/g, "'");
  let best: { start: number; end: number; term: GlossaryTerm } | null = null;
  for (const { phrase, term } of PHRASES) {
    let from = 0;
    for (let at = lower.indexOf(phrase, from); at >= 0; at = lower.indexOf(phrase, from)) {
      const end = at + phrase.length;
      if (isWordEdge(lower, at - 1) && isWordEdge(lower, end)) {
        if (!best || at < best.start) best = { start: at, end, term };
        break;
      }
      from = at + 1;
    }
  }
  return best;
}

export function glossaryLinks(value: unknown): nunjucks.runtime.SafeString {
  const text = typeof value === 'string' ? value : value instanceof nunjucks.runtime.SafeString ? value.toString() : '';
  const found = findGlossaryTerm(text);
  if (!found) return new nunjucks.runtime.SafeString(escapeHtml(text));
  const { start, end, term } = found;
  const link = `<a class="govuk-link" href="/glossary#${term.id}">${escapeHtml(text.slice(start, end))}</a>`;
  return new nunjucks.runtime.SafeString(`${escapeHtml(text.slice(0, start))}${link}${escapeHtml(text.slice(end))}`);
}
