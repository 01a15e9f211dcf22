// A finding as the API gives it: the domain's finding with its citations in words (guidance) and
// as data, written by the domain's citationText like every page and export.
import { citationsText, citationText, type Citation } from '../../domain/catalogue/sources.ts';
import type { Finding } from '../../domain/profile/profile.types.ts';

function citationForApi(citation: Citation) {
  const { source, section } = citation;
  return { sourceId: source.id, author: source.author, title: source.title, year: source.year, link: source.link, section, text: citationText(citation) };
}

export function findingForApi(finding: Finding) {
  return { ...finding, guidance: citationsText(finding.citations), citations: finding.citations.map(citationForApi) };
}
