// The guidance page: each publication the catalogue cites (author, title, year, what it is, a link
// where one is known) and which findings and factors cite it, and where in it.
import { FACTORS } from '../../../domain/catalogue/catalogue.ts';
import { FINDING_DEFINITIONS } from '../../../domain/catalogue/finding-definitions.ts';
import { SOURCE_LIST, sourceText, type Citation, type Source } from '../../../domain/catalogue/sources.ts';
import type { Subject } from '../../../domain/catalogue/subjects.ts';

const SUBJECT_NAMES: Record<Subject, string> = { infant: 'The baby', adult: 'Each adult', household: 'The household' };

/** Where in the publication, for the citations of one definition that are of this publication. */
function sectionsIn(source: Source, citations: readonly Citation[]): string | null {
  const sections = citations.filter((c) => c.source.id === source.id).map((c) => c.section);
  return sections.length ? sections.join('; ') : null;
}

export function presentGuidance() {
  return SOURCE_LIST.map((source) => ({
    id: source.id,
    title: source.title,
    citedAs: sourceText(source),
    author: source.author ?? 'Not given in the publication',
    year: source.year === null ? 'Not given in the publication' : String(source.year),
    about: source.about,
    link: source.link,
    pointsTo: source.pointsTo,
    findings: FINDING_DEFINITIONS.flatMap((finding) => {
      const where = sectionsIn(source, finding.citations);
      return where ? [{ title: finding.title, where }] : [];
    }),
    factors: FACTORS.flatMap((factor) => {
      const where = sectionsIn(source, factor.citations);
      return where ? [{ label: `${SUBJECT_NAMES[factor.subject]}: ${factor.label}`, where }] : [];
    }),
  }));
}
