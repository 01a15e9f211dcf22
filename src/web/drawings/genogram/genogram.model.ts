// What the genogram is drawn from: the baby, the people around them and the relationships between
// them, in plain types so the drawing knows nothing of the database or the web layer.
import type { RelationshipToInfant } from '../../../domain/people/relationships.ts';

export type { RelationshipToInfant };
export type GenogramSex = 'female' | 'male' | 'unknown';

/** `parent-of`: personId is a parent of otherPersonId. The others are symmetric. */
export type GenogramRelationshipKind = 'partners' | 'ex-partners' | 'separated' | 'parent-of';

export interface GenogramInfant {
  id: string;
  label: string;
  sex: GenogramSex;
  unborn: boolean;
  deceased?: boolean;
}

export interface GenogramPerson {
  id: string;
  label: string;
  sex: GenogramSex;
  relationshipToInfant: RelationshipToInfant;
  livesInHousehold: boolean;
  caresForInfant: boolean;
  identityKnown: boolean;
  deceased: boolean;
  /** ISO date; only used to place a relative whose generation nothing else tells. */
  dateOfBirth?: string | null;
}

export interface GenogramRelationship {
  personId: string;
  otherPersonId: string;
  kind: GenogramRelationshipKind;
}

export interface GenogramInput {
  /** The index child: always drawn, always in the household. */
  infant: GenogramInfant;
  people: GenogramPerson[];
  relationships: GenogramRelationship[];
  hrefFor(personId: string): string;
}
