// Each person's role in words on the diagram, sharpened by the family around them: a mother's
// partner the records say she has left is her former partner; a grandparent recorded as the
// mother's parent is the maternal grandmother or grandfather.
import { RELATIONSHIPS_TO_INFANT } from '../../../domain/people/relationships.ts';
import type { GenogramRelationship, GenogramSex, RelationshipToInfant } from './genogram.model.ts';

interface RoleSubject {
  id: string;
  sex: GenogramSex;
  unborn: boolean;
  relationshipToInfant: RelationshipToInfant | 'infant';
}

interface RoleUnion {
  partnerIds: string[];
  kind: string;
}

const ROLE_WORDS: Record<RelationshipToInfant, string> = RELATIONSHIPS_TO_INFANT;

const PARTNER_WORDS: Record<string, string> = { partners: 'partner', separated: 'separated partner', 'ex-partners': 'former partner' };

function partnerRole(person: RoleSubject, parentRole: 'mother' | 'father', all: RoleSubject[], unions: RoleUnion[]): string {
  const parentIds = new Set(all.filter((p) => p.relationshipToInfant === parentRole).map((p) => p.id));
  const union = unions.find((u) => u.partnerIds.includes(person.id) && u.partnerIds.some((id) => parentIds.has(id)));
  const words = union ? PARTNER_WORDS[union.kind] : undefined;
  return `${parentRole === 'mother' ? 'Mother' : 'Father'}'s ${words ?? 'partner'}`;
}

function grandparentRole(person: RoleSubject, all: RoleSubject[], relationships: GenogramRelationship[]): string {
  const childRoles = new Set(
    relationships
      .filter((r) => r.kind === 'parent-of' && r.personId === person.id)
      .map((r) => all.find((p) => p.id === r.otherPersonId)?.relationshipToInfant),
  );
  const side = childRoles.has('mother') && !childRoles.has('father') ? 'Maternal ' : childRoles.has('father') && !childRoles.has('mother') ? 'Paternal ' : '';
  const noun = person.sex === 'female' ? 'grandmother' : person.sex === 'male' ? 'grandfather' : 'grandparent';
  return side ? `${side}${noun}` : `${noun[0]!.toUpperCase()}${noun.slice(1)}`;
}

export function roleOf(person: RoleSubject, all: RoleSubject[], unions: RoleUnion[], relationships: GenogramRelationship[]): string {
  const r = person.relationshipToInfant;
  if (r === 'infant') return person.unborn ? 'The unborn baby' : 'The baby';
  if (r === 'mothers-partner') return partnerRole(person, 'mother', all, unions);
  if (r === 'fathers-partner') return partnerRole(person, 'father', all, unions);
  if (r === 'grandparent') return grandparentRole(person, all, relationships);
  return ROLE_WORDS[r];
}

/** The role inside a sentence: "mother's former partner", "the baby". */
export function roleInSentence(role: string): string {
  return `${role[0]!.toLowerCase()}${role.slice(1)}`;
}
