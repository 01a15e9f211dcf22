// The human-readable narrative (text.div) every exported resource carries: FHIR's limited XHTML, a
// div in the XHTML namespace holding paragraphs of escaped text.
import type { Narrative } from './fhir-types.ts';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXhtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** One paragraph a line; empty lines left out. */
export function narrative(lines: readonly (string | null | undefined | false)[]): Narrative {
  const paragraphs = lines.filter((line): line is string => typeof line === 'string' && line.trim() !== '').map((line) => `<p>${escapeXhtml(line)}</p>`);
  return { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${paragraphs.join('')}</div>` };
}
