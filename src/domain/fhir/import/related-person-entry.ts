// A UK Core RelatedPerson (someone another agency knows is around the Patient: a parent, a partner,
// a grandparent) read as a person proposed for the record, never added by itself: a practitioner
// confirms who they are first, as for anyone else around the baby. Its name, its relationship (as the
// service's list: relationship-codes.ts), gender, date of birth and NHS number are what the proposal
// carries; no chronology entry is made.
import { checkNhsNumber, normaliseNhsNumber } from '../../people/nhs-number.ts';
import { NHS_NUMBER_SYSTEM } from './bundle-patient.ts';
import { codeableText, listAt, stringAt, type JsonObject } from './fhir-json.ts';
import type { ProposedPerson, ResourceReading } from './fhir-import.types.ts';
import { emptyReading, skipped, type ResourceAt } from './fhir-resource.ts';
import { relationshipToInfantOf, ROLE_CODE_SYSTEM } from './relationship-codes.ts';

const SEXES = ['female', 'male', 'unknown'] as const;

export function readRelatedPerson(resource: JsonObject, at: ResourceAt): ResourceReading {
  if (resource['active'] === false) return skipped(at, 'not-happened', `${at.path}/active`);
  const name = listAt(resource, 'name').find((candidate) => stringAt(candidate, 'use') === 'official') ?? listAt(resource, 'name')[0];
  const given = listAt(name, 'given').filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  const relationships = listAt(resource, 'relationship');
  const roleCode = relationships
    .flatMap((relationship) => listAt(relationship, 'coding'))
    .filter((coding) => stringAt(coding, 'system') === ROLE_CODE_SYSTEM)
    .map((coding) => stringAt(coding, 'code'))
    .find((code) => code !== undefined);
  const gender = stringAt(resource, 'gender');
  const sent = listAt(resource, 'identifier').find((identifier) => stringAt(identifier, 'system') === NHS_NUMBER_SYSTEM && stringAt(identifier, 'value') !== undefined);
  const nhsNumber = sent === undefined ? undefined : normaliseNhsNumber(stringAt(sent, 'value')!);
  const nhsNumberValid = nhsNumber !== undefined && checkNhsNumber(nhsNumber) === null;
  const birthDate = stringAt(resource, 'birthDate');
  const person: ProposedPerson = {
    index: at.index,
    resource: at.name,
    path: at.path,
    givenName: given.length > 0 ? given.join(' ') : null,
    familyName: stringAt(name, 'family') ?? null,
    relationshipToInfant: relationshipToInfantOf(roleCode, gender),
    relationshipAsSent: relationships.map(codeableText).find((text) => text !== undefined) ?? null,
    sex: SEXES.find((sex) => sex === gender) ?? (gender === 'other' ? 'unknown' : null),
    dateOfBirth: birthDate !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? birthDate : null,
    nhsNumber: nhsNumberValid ? nhsNumber : null,
    nhsNumberInvalid: nhsNumber !== undefined && !nhsNumberValid,
  };
  return { ...emptyReading(), proposedPeople: [person] };
}
