// The people around a baby: how each is related to the baby, and the relationships between them.
export const RELATIONSHIPS_TO_INFANT = {
  mother: 'Mother',
  father: 'Father',
  'mothers-partner': "Mother's partner",
  'fathers-partner': "Father's partner",
  grandparent: 'Grandparent',
  sibling: 'Sibling',
  'half-sibling': 'Half-sibling',
  'other-relative': 'Other relative',
  friend: 'Friend',
  'professional-carer': 'Professional carer',
  unknown: 'Relationship not known',
} as const;

export type RelationshipToInfant = keyof typeof RELATIONSHIPS_TO_INFANT;

export const PERSON_RELATIONSHIP_KINDS = {
  partners: 'are partners',
  'ex-partners': 'are former partners',
  separated: 'are separated',
  'parent-of': 'is a parent of',
} as const;

export type PersonRelationshipKind = keyof typeof PERSON_RELATIONSHIP_KINDS;

export function isRelationshipToInfant(value: string): value is RelationshipToInfant {
  return Object.hasOwn(RELATIONSHIPS_TO_INFANT, value);
}

/** Children around the baby, as opposed to significant adults. */
export function isChildRelationship(relationship: string): boolean {
  return relationship === 'sibling' || relationship === 'half-sibling';
}

export interface PersonNameParts {
  givenName: string | null;
  familyName: string | null;
  description: string | null;
  identityKnown: boolean;
}

/** A person's name, or what is known of them ("Mother's new partner, name unknown"). */
export function personDisplayName(person: PersonNameParts): string {
  const name = [person.givenName?.trim(), person.familyName?.trim()].filter(Boolean).join(' ');
  if (name && person.identityKnown) return name;
  if (person.description?.trim()) return person.description.trim();
  return name ? `${name} (identity not confirmed)` : 'Name not known';
}
