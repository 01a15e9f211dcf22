// A person's details as the record holds them, read from their row: the case page's people (with the
// viewer's restricted-address rule and the row's version on top, cases/view-case.ts) and a transfer
// pack's (transfer/transfer-record-of-case.ts) are both made from it.
import type { Selectable } from 'kysely';
import type { TransferredPerson } from '../../domain/transfer/transfer-record.ts';
import type { PeopleTable } from '../../infrastructure/db/schema.ts';

/** The details the record holds of a person, the address as stored (restricted or not). */
export type PersonDetails = TransferredPerson;

export function personDetailsOf(p: Selectable<PeopleTable>): PersonDetails {
  return {
    id: p.id,
    givenName: p.given_name,
    familyName: p.family_name,
    dateOfBirth: p.date_of_birth,
    nhsNumber: p.nhs_number,
    sex: p.sex,
    relationshipToInfant: p.relationship_to_infant,
    livesInHousehold: p.lives_in_household,
    caresForInfant: p.cares_for_infant,
    visitsRegularly: p.visits_regularly,
    parentalResponsibility: p.parental_responsibility,
    paternityConfirmed: p.paternity_confirmed,
    identityKnown: p.identity_known,
    description: p.description,
    deceased: p.deceased,
    address: p.address,
    addressRestricted: p.address_restricted,
  };
}
