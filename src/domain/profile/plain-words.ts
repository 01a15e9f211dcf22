// The small pieces of plain English the findings are written with: names, pronouns, lists, and who
// a piece of evidence came from ("her sister", "a Derbyshire Police record").
import { RELATIONSHIPS_TO_INFANT, isRelationshipToInfant } from '../people/relationships.ts';
import type { Evidence, ProfilePerson } from './profile.types.ts';

export interface Pronouns {
  subject: string;
  object: string;
  possessive: string;
  /** "they" takes the plural verb. */
  plural: boolean;
}

export function pronounsOf(person: Pick<ProfilePerson, 'sex'> | undefined): Pronouns {
  if (person?.sex === 'female') return { subject: 'she', object: 'her', possessive: 'her', plural: false };
  if (person?.sex === 'male') return { subject: 'he', object: 'him', possessive: 'his', plural: false };
  return { subject: 'they', object: 'them', possessive: 'their', plural: true };
}

/** "protects" for he or she, "protect" for they. */
export function verbFor(pronouns: Pronouns, verb: string): string {
  return pronouns.plural ? verb : `${verb}s`;
}

export function possessive(name: string): string {
  return `${name}'s`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "father", "mother's partner", "relationship not known". */
export function relationshipInWords(relationship: string | undefined): string {
  if (relationship === undefined || !isRelationshipToInfant(relationship)) return 'relationship not known';
  const label: string = RELATIONSHIPS_TO_INFANT[relationship];
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** Who a piece of evidence came from, as a practitioner would say it. */
export function evidenceGiver(evidence: Evidence): string {
  if (evidence.givenBy?.trim()) return evidence.givenBy.trim();
  const agency = evidence.agency.trim() || 'another agency';
  switch (evidence.source) {
    case 'observed':
      return `an observation by ${agency}`;
    case 'agency-record':
      return `a record from ${agency}`;
    case 'third-party':
      return 'a third party';
    case 'carer-account':
      return "a carer's account";
    case 'professional-judgement':
      return `the judgement of ${agency}`;
    default:
      return 'a source not recorded';
  }
}

/** A rationale from its facts: one line, the first two facts and how many more. */
export function rationaleFrom(facts: readonly string[]): string {
  if (facts.length === 0) return '';
  const shown = facts.slice(0, 2).join('; ');
  const more = facts.length > 2 ? `; and ${countOf(facts.length - 2, 'more', 'more')}` : '';
  return `${capitalise(shown)}${more}.`;
}
