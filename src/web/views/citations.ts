// How a citation shows on a page: the publication (author, title and year) as a link to its entry
// on the guidance page, then where in it. The words are the domain's citationText, the same as the
// API, the exports and the print give.
import nunjucks from 'nunjucks';
import { sourceText, type Citation, type Source } from '../../domain/catalogue/sources.ts';

export interface CitationView {
  /** "Derby and Derbyshire Safeguarding Children Partnership, Child Safeguarding Practice Review: …, 2022". */
  source: string;
  section: string;
  /** The publication's entry on the guidance page. */
  href: string;
}

export function guidanceHref(source: Source): string {
  return `/guidance#${source.id}`;
}

export function presentCitations(citations: readonly Citation[]): CitationView[] {
  return citations.map((citation) => ({ source: sourceText(citation.source), section: citation.section, href: guidanceHref(citation.source) }));
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The `citations` filter: each citation with its publication linked, separated by semicolons. */
export function citationLinks(citations: unknown): nunjucks.runtime.SafeString {
  const list = Array.isArray(citations) ? (citations as Citation[]) : [];
  const html = presentCitations(list)
    .map((c) => `<a class="govuk-link" href="${escapeHtml(c.href)}">${escapeHtml(c.source)}</a>, ${escapeHtml(c.section)}`)
    .join('; ');
  return new nunjucks.runtime.SafeString(html);
}
