// The family as the genogram draws it: everyone with a generation and a role, and the unions
// (couples, or a single parent) that children hang from. Recorded relationships come first; where
// none is recorded the defaults below apply and are marked as assumed, so the text can say so.
//
// Defaults: the mother and father are the baby's parents. A sibling is a child of the baby's
// parents; a half-sibling a child of the mother (or of the father when there is no mother). A
// mother's or father's partner with no recorded partnership is taken to be their current partner.
// A relationship that cannot be drawn (between generations, a third parent, a second record for
// the same couple) is kept aside so the text alternative still lists it.
import { assignGenerations } from './genogram.generations.ts';
import type { GenogramInput, GenogramRelationship, GenogramSex, RelationshipToInfant } from './genogram.model.ts';
import { roleOf } from './genogram.roles.ts';

export type UnionKind = 'partners' | 'separated' | 'ex-partners' | 'co-parents' | 'single-parent';

export interface FamilyMember {
  id: string;
  label: string;
  sex: GenogramSex;
  unborn: boolean;
  deceased: boolean;
  identityKnown: boolean;
  livesInHousehold: boolean;
  caresForInfant: boolean;
  isInfant: boolean;
  relationshipToInfant: RelationshipToInfant | 'infant';
  dateOfBirth: string | null;
  /** Row of the diagram, 0 at the top. */
  generation: number;
  /** "Mother's former partner", "Maternal grandmother". */
  role: string;
  href: string;
}

export interface FamilyUnion {
  id: string;
  partnerIds: string[];
  kind: UnionKind;
  /** No partnership is recorded; it follows from a relationship to the baby ("mother's partner"). */
  assumed: boolean;
  childIds: string[];
  /** Children placed here by default, with no recorded parent. */
  assumedChildIds: string[];
}

export interface Family {
  infantId: string;
  members: FamilyMember[];
  unions: FamilyUnion[];
  generationCount: number;
  notDrawn: GenogramRelationship[];
}

type Draft = Omit<FamilyMember, 'role'>;

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function draftMembers(input: GenogramInput, generations: Map<string, number>): Draft[] {
  const { infant } = input;
  const first: Draft = {
    id: infant.id, label: infant.label, sex: infant.sex, unborn: infant.unborn, deceased: infant.deceased ?? false,
    identityKnown: true, livesInHousehold: true, caresForInfant: false, isInfant: true, relationshipToInfant: 'infant', dateOfBirth: null,
    generation: generations.get(infant.id) ?? 0, href: input.hrefFor(infant.id),
  };
  // A repeated id (or the infant listed again among the people) is drawn once.
  const unique = [...new Map(input.people.filter((p) => p.id !== infant.id).map((p) => [p.id, p])).values()];
  const rest = unique.map((p): Draft => ({
    id: p.id, label: p.label, sex: p.sex, unborn: false, deceased: p.deceased, identityKnown: p.identityKnown,
    livesInHousehold: p.livesInHousehold, caresForInfant: p.caresForInfant, isInfant: false,
    relationshipToInfant: p.relationshipToInfant, dateOfBirth: p.dateOfBirth ?? null, generation: generations.get(p.id) ?? 0, href: input.hrefFor(p.id),
  }));
  return [first, ...rest];
}

class UnionBook {
  readonly unions: FamilyUnion[] = [];
  private readonly byPair = new Map<string, FamilyUnion>();

  find(a: string, b: string): FamilyUnion | undefined {
    return this.byPair.get(pairKey(a, b));
  }

  add(partnerIds: string[], kind: UnionKind, assumed: boolean): FamilyUnion {
    const union: FamilyUnion = { id: `union:${this.unions.length}`, partnerIds, kind, assumed, childIds: [], assumedChildIds: [] };
    this.unions.push(union);
    this.byPair.set(partnerIds.length === 2 ? pairKey(partnerIds[0]!, partnerIds[1]!) : partnerIds[0]!, union);
    return union;
  }

  /** The union a child with these parents hangs from, made when first needed. */
  forParents(parents: string[]): FamilyUnion {
    const key = parents.length === 2 ? pairKey(parents[0]!, parents[1]!) : parents[0]!;
    return this.byPair.get(key) ?? this.add(parents, parents.length === 2 ? 'co-parents' : 'single-parent', false);
  }
}

function addPartnerships(input: GenogramInput, members: Map<string, Draft>, book: UnionBook, notDrawn: GenogramRelationship[]): void {
  for (const r of input.relationships) {
    if (r.kind === 'parent-of') continue;
    const a = members.get(r.personId);
    const b = members.get(r.otherPersonId);
    // The same record twice is drawn once; a different record for the same couple is a conflict to show.
    if (!a || !b || a.id === b.id || book.find(a.id, b.id)?.kind === r.kind) continue;
    if (a.generation !== b.generation || a.isInfant || b.isInfant || book.find(a.id, b.id)) notDrawn.push(r);
    else book.add([a.id, b.id], r.kind, false);
  }
  // A mother's or father's partner with no partnership recorded is drawn as their current partner.
  const assumedPartnerOf = { 'mothers-partner': 'mother', 'fathers-partner': 'father' } as const;
  for (const m of members.values()) {
    if (m.relationshipToInfant !== 'mothers-partner' && m.relationshipToInfant !== 'fathers-partner') continue;
    const parentRole = assumedPartnerOf[m.relationshipToInfant];
    const parents = [...members.values()].filter((p) => p.relationshipToInfant === parentRole && p.generation === m.generation);
    if (parents.length === 0 || parents.some((p) => book.find(p.id, m.id))) continue;
    book.add([parents[0]!.id, m.id], 'partners', true);
  }
}

/** Recorded parents of a person who can be drawn above them (at most two). */
function recordedParents(input: GenogramInput, child: Draft, members: Map<string, Draft>, notDrawn: GenogramRelationship[]): string[] {
  const parents: string[] = [];
  for (const r of input.relationships) {
    if (r.kind !== 'parent-of' || r.otherPersonId !== child.id) continue;
    const parent = members.get(r.personId);
    if (!parent || parent.id === child.id || parents.includes(parent.id)) continue;
    if (parent.generation !== child.generation - 1 || parents.length === 2) notDrawn.push(r);
    else parents.push(parent.id);
  }
  return parents;
}

function defaultParents(child: Draft, all: Draft[], infantParents: string[]): string[] {
  const withRole = (role: RelationshipToInfant): Draft[] => all.filter((p) => p.relationshipToInfant === role && p.generation === child.generation - 1);
  if (child.isInfant) return [...withRole('mother'), ...withRole('father')].slice(0, 2).map((p) => p.id);
  if (child.relationshipToInfant === 'sibling') return infantParents;
  if (child.relationshipToInfant === 'half-sibling') return [...withRole('mother'), ...withRole('father')].slice(0, 1).map((p) => p.id);
  return [];
}

function addChildren(input: GenogramInput, drafts: Draft[], members: Map<string, Draft>, book: UnionBook, notDrawn: GenogramRelationship[]): void {
  const infant = drafts[0]!;
  // The baby's mother and father are records too, so they join any parent recorded another way.
  const infantParents = [...new Set([...recordedParents(input, infant, members, notDrawn), ...defaultParents(infant, drafts, [])])].slice(0, 2);
  for (const child of drafts) {
    const recorded = child.isInfant ? infantParents : recordedParents(input, child, members, notDrawn);
    const parents = recorded.length > 0 ? recorded : defaultParents(child, drafts, infantParents);
    if (parents.length === 0) continue;
    const union = book.forParents(parents);
    union.childIds.push(child.id);
    if (recorded.length === 0) union.assumedChildIds.push(child.id);
  }
}

/** Genogram convention: children oldest on the left. The baby is the youngest; no date, after those with one. */
function sortByBirth(unions: FamilyUnion[], byId: Map<string, Draft>): void {
  const key = (id: string): [number, string] => {
    const d = byId.get(id)!;
    return d.isInfant ? [2, ''] : d.dateOfBirth ? [0, d.dateOfBirth] : [1, ''];
  };
  for (const u of unions) {
    const order = new Map(u.childIds.map((id, i) => [id, i]));
    u.childIds.sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      return ka[0] - kb[0] || ka[1].localeCompare(kb[1]) || order.get(a)! - order.get(b)!;
    });
  }
}

export function buildFamily(input: GenogramInput): Family {
  const generations = assignGenerations(input);
  const drafts = draftMembers(input, generations);
  const byId = new Map(drafts.map((d) => [d.id, d]));
  const book = new UnionBook();
  const notDrawn: GenogramRelationship[] = [];
  addPartnerships(input, byId, book, notDrawn);
  addChildren(input, drafts, byId, book, notDrawn);
  sortByBirth(book.unions, byId);
  const members = drafts.map((d): FamilyMember => ({ ...d, role: roleOf(d, drafts, book.unions, input.relationships) }));
  return {
    infantId: input.infant.id,
    members,
    unions: book.unions,
    generationCount: new Set(members.map((m) => m.generation)).size,
    notDrawn,
  };
}
