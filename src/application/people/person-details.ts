// A person's details as the record holds them, read from their row, and the baby's from the case's
// row: the case page's (with the viewer's restricted-address rule and the row's version on top,
// cases/view-case.ts) and a transfer pack's (transfer/transfer-record-of-case.ts) are both made from them.
import type { Selectable } from 'kysely';
import type { TransferredBaby, TransferredPerson } from '../../domain/transfer/transfer-record.ts';
import type { CasesTable, PeopleTable } from '../../infrastructure/db/schema.ts';

/** The details the record holds of the baby; the household's (address, GP, hospital) are cases/case-details.ts's. */
export type InfantDetails = Omit<TransferredBaby, 'details' | 'gestationAtBirthDays'> & { gestationAtBirthDays: number | null };

type InfantColumns = Pick<
  Selectable<CasesTable>,
  | 'status'
  | 'given_name'
  | 'family_name'
  | 'sex'
  | 'nhs_number'
  | 'date_of_birth'
  | 'expected_delivery_date'
  | 'gestation_at_birth_weeks'
  | 'gestation_at_birth_days'
  | 'birth_weight_grams'
  | 'multiple_birth'
  | 'independently_mobile'
>;

export function infantDetailsOf(row: InfantColumns): InfantDetails {
  return {
    status: row.status,
    givenName: row.given_name,
    familyName: row.family_name,
    sex: row.sex,
    nhsNumber: row.nhs_number,
    dateOfBirth: row.date_of_birth,
    expectedDeliveryDate: row.expected_delivery_date,
    gestationAtBirthWeeks: row.gestation_at_birth_weeks,
    gestationAtBirthDays: row.gestation_at_birth_days,
    birthWeightGrams: row.birth_weight_grams,
    multipleBirth: row.multiple_birth,
    independentlyMobile: row.independently_mobile,
  };
}

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
