// The text alternative: the same facts the diagram draws, in plain words, as headed lists the page
// shows beside it. Anything drawn by default rather than from a record says so.
import type { Family, FamilyMember, FamilyUnion } from './genogram.family.ts';
import type { GenogramRelationship } from './genogram.model.ts';
import { roleInSentence } from './genogram.roles.ts';

export interface TextSection {
  heading: string;
  items: string[];
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function listWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]!}`;
}

/** One sentence for the diagram's description. */
export function summarise(family: Family): string {
  const household = family.members.filter((m) => m.livesInHousehold).length;
  const unknown = family.members.filter((m) => !m.identityKnown).length;
  const deceased = family.members.filter((m) => m.deceased).length;
  const parts = [
    `Family diagram of ${plural(family.members.length, 'person', 'people')} across ${plural(family.generationCount, 'generation', 'generations')}`,
    household === 1 ? 'only the baby is recorded as living in the household' : `${plural(household, 'person lives', 'people live')} in the baby's household, including the baby`,
  ];
  if (unknown > 0) parts.push(unknown === 1 ? "1 adult's identity is not known" : `${unknown} adults' identities are not known`);
  if (deceased > 0) parts.push(`${plural(deceased, 'person has', 'people have')} died`);
  return `${parts.join('; ')}.`;
}

export function describeTextAlternative(family: Family): TextSection[] {
  const byId = new Map(family.members.map((m) => [m.id, m]));
  const who = (m: FamilyMember): string => `${m.label} (${roleInSentence(m.role)})`;
  const whoId = (id: string): string => (byId.has(id) ? who(byId.get(id)!) : 'someone not in the diagram');
  const people = (ids: string[]): string => listWords(ids.map(whoId));
  const sections: TextSection[] = [
    { heading: "Living in the baby's household", items: family.members.filter((m) => m.livesInHousehold).map(who) },
    { heading: "Not living in the baby's household", items: family.members.filter((m) => !m.livesInHousehold).map(who) },
    { heading: 'Partners, separated and former partners', items: family.unions.filter((u) => u.partnerIds.length === 2 && u.kind !== 'co-parents').map((u) => partnershipSentence(u, people)) },
    { heading: 'Parents and children', items: family.unions.flatMap((u) => childSentences(u, people)) },
    { heading: 'Deceased', items: family.members.filter((m) => m.deceased).map(who) },
    { heading: 'Adults whose identity is not known', items: family.members.filter((m) => !m.identityKnown).map(who) },
    { heading: 'Not linked to anyone else in the diagram', items: unlinked(family).map(who) },
    { heading: 'Recorded but not drawn', items: family.notDrawn.map((r) => `${relationshipSentence(r, whoId)}: recorded, but it could not be drawn`) },
  ];
  return sections.filter((s) => s.items.length > 0);
}

const PARTNERSHIP_WORDS: Record<string, string> = { partners: 'are partners', separated: 'are separated', 'ex-partners': 'are former partners' };

function partnershipSentence(u: FamilyUnion, people: (ids: string[]) => string): string {
  const sentence = `${people(u.partnerIds)} ${PARTNERSHIP_WORDS[u.kind] ?? 'are partners'}`;
  return u.assumed ? `${sentence} (no partnership is recorded; drawn from their relationship to the baby)` : sentence;
}

function childSentences(u: FamilyUnion, people: (ids: string[]) => string): string[] {
  const recorded = u.childIds.filter((id) => !u.assumedChildIds.includes(id));
  const parents = people(u.partnerIds);
  const of = (ids: string[]): string => `${people(ids)} ${ids.length === 1 ? 'is a child' : 'are children'} of ${parents}`;
  const sentences: string[] = [];
  if (recorded.length > 0) sentences.push(`${of(recorded)}${u.kind === 'co-parents' ? ' (no relationship between the parents is recorded)' : ''}`);
  if (u.assumedChildIds.length > 0) sentences.push(`${of(u.assumedChildIds)} (no parent is recorded; drawn from their relationship to the baby)`);
  return sentences;
}

function unlinked(family: Family): FamilyMember[] {
  const linked = new Set(family.unions.flatMap((u) => (u.partnerIds.length === 2 || u.childIds.length > 0 ? [...u.partnerIds, ...u.childIds] : [])));
  return family.members.filter((m) => !linked.has(m.id));
}

function relationshipSentence(r: GenogramRelationship, whoId: (id: string) => string): string {
  if (r.kind === 'parent-of') return `${whoId(r.personId)} is a parent of ${whoId(r.otherPersonId)}`;
  return `${whoId(r.personId)} and ${whoId(r.otherPersonId)} ${PARTNERSHIP_WORDS[r.kind] ?? 'are partners'}`;
}
