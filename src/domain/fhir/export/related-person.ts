// Each person around the baby as a UK Core RelatedPerson of the baby's Patient. The relationship is
// coded from HL7's RoleCode (in UK Core's PersonRelationshipType) where one code says exactly what
// the record says, and is text alone where none does (a mother's partner is not a step-parent).
// Whether they live with or care for the baby, hold parental responsibility (or that it is not
// known), a father's paternity and what is known of someone whose identity is not confirmed go into
// the narrative; a question never answered says nothing. A restricted address is left out
// unless the caller may see it (the use case withholds it).
import type { YesNoNotKnown } from '../../people/person-rules.ts';
import type { CodeableConcept, Identifier, Reference, ResourceBase } from './fhir-types.ts';
import { narrative } from './narrative.ts';
import { genderOf, humanName, nhsNumberIdentifier } from './patient.ts';
import { SYSTEMS, UK_CORE_PROFILES } from './uk-core.ts';

export interface PersonForExport {
  id: string;
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  sex: string | null;
  /** The record's relationship to the baby (mother, father, mothers-partner…). */
  relationshipToInfant: string;
  /** The relationship in words, as the pages say it. */
  relationshipWords: string;
  livesInHousehold: boolean;
  caresForInfant: boolean;
  parentalResponsibility: YesNoNotKnown | null;
  /** Asked of the baby's father only (person-rules.ts). */
  paternityConfirmed: YesNoNotKnown | null;
  identityKnown: boolean;
  description: string | null;
  deceased: boolean;
  address: string | null;
}

export interface RelatedPersonResource extends ResourceBase {
  resourceType: 'RelatedPerson';
  identifier?: Identifier[];
  active: boolean;
  patient: Reference;
  relationship: CodeableConcept[];
  name?: { use: 'official'; family?: string; given?: string[]; text: string }[];
  gender?: 'female' | 'male' | 'unknown';
  birthDate?: string;
  address?: { use: 'home'; text: string }[];
}

/** The RoleCode that says exactly the record's relationship (the person's role for the baby). */
const ROLE_CODES: Readonly<Record<string, { code: string; display: string }>> = {
  mother: { code: 'MTH', display: 'mother' },
  father: { code: 'FTH', display: 'father' },
  grandparent: { code: 'GRPRN', display: 'grandparent' },
  sibling: { code: 'SIB', display: 'sibling' },
  'half-sibling': { code: 'HSIB', display: 'half-sibling' },
  'other-relative': { code: 'FAMMEMB', display: 'family member' },
  friend: { code: 'FRND', display: 'unrelated friend' },
};

const PARENTAL_RESPONSIBILITY_WORDS: Record<YesNoNotKnown, string> = {
  yes: 'Has parental responsibility',
  no: 'Does not have parental responsibility',
  'not-known': 'Whether they have parental responsibility is not known',
};

const PATERNITY_WORDS: Record<YesNoNotKnown, string> = {
  yes: 'Paternity confirmed',
  no: 'Paternity not confirmed',
  'not-known': 'Whether paternity is confirmed is not known',
};

export function relationshipConcept(relationshipToInfant: string, words: string): CodeableConcept {
  const role = ROLE_CODES[relationshipToInfant];
  return { ...(role ? { coding: [{ system: SYSTEMS.roleCode, ...role }] } : {}), text: words };
}

export function relatedPersonResource(person: PersonForExport, patientId: string): RelatedPersonResource {
  const name = person.identityKnown ? humanName(person.givenName, person.familyName) : undefined;
  const gender = genderOf(person.sex);
  const shownName = name?.text ?? (person.description?.trim() || 'Name not known');
  return {
    resourceType: 'RelatedPerson',
    id: person.id,
    meta: { profile: [UK_CORE_PROFILES.RelatedPerson] },
    text: narrative([
      `${shownName} (${person.relationshipWords})`,
      !person.identityKnown && 'Identity not confirmed',
      person.livesInHousehold ? 'Lives in the household' : 'Does not live in the household',
      person.caresForInfant && 'Cares for the baby',
      person.parentalResponsibility !== null && PARENTAL_RESPONSIBILITY_WORDS[person.parentalResponsibility],
      person.paternityConfirmed !== null && PATERNITY_WORDS[person.paternityConfirmed],
      person.deceased && 'Has died',
    ]),
    ...(person.nhsNumber && person.identityKnown ? { identifier: [nhsNumberIdentifier(person.nhsNumber, false)] } : {}),
    active: !person.deceased,
    patient: { reference: `Patient/${patientId}` },
    relationship: [relationshipConcept(person.relationshipToInfant, person.relationshipWords)],
    ...(name ? { name: [name] } : {}),
    ...(gender ? { gender } : {}),
    ...(person.dateOfBirth && person.identityKnown ? { birthDate: person.dateOfBirth } : {}),
    ...(person.address ? { address: [{ use: 'home' as const, text: person.address }] } : {}),
  };
}
