// What makes the details of a person around the baby acceptable. Pure: `today` comes in.
import { happenedDayProblem, tooEarlyWords } from '../shared/date-rules.ts';
import { checkNhsNumber, nhsNumberProblemWords, normaliseNhsNumber } from './nhs-number.ts';
import { isRelationshipToInfant } from './relationships.ts';

/**
 * The answer to "Do they have parental responsibility?" or "Is paternity confirmed?": "not known" is
 * an answer, and a gap the reviews name; null is a question not yet answered (docs/domain.md,
 * "Fathers and other men").
 */
export const YES_NO_NOT_KNOWN = ['yes', 'no', 'not-known'] as const;
export type YesNoNotKnown = (typeof YES_NO_NOT_KNOWN)[number];

export function isYesNoNotKnown(value: unknown): value is YesNoNotKnown {
  return (YES_NO_NOT_KNOWN as readonly unknown[]).includes(value);
}

/** true and false as "yes" and "no": what the API took, and transfer packs carried, before "not known" was kept. */
export function answerOfBoolean(value: boolean | YesNoNotKnown | null): YesNoNotKnown | null {
  return value === true ? 'yes' : value === false ? 'no' : value;
}

export interface PersonDetails {
  givenName: string | null;
  familyName: string | null;
  identityKnown: boolean;
  description: string | null;
  relationshipToInfant: string;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  sex: 'female' | 'male' | 'unknown' | null;
  livesInHousehold: boolean;
  caresForInfant: boolean;
  visitsRegularly: boolean;
  parentalResponsibility: YesNoNotKnown | null;
  paternityConfirmed: YesNoNotKnown | null;
  deceased: boolean;
  address: string | null;
  addressRestricted: boolean;
}

export type PersonProblem =
  | 'relationship-unknown'
  | 'name-or-description-needed'
  | 'description-needed'
  | 'date-of-birth-too-early'
  | 'date-of-birth-in-future'
  | 'nhs-number-invalid'
  | 'nhs-number-check-digit'
  | 'paternity-only-for-father'
  | 'nhs-number-already-on-record'
  | 'mother-already-on-record';

/** What to do about each problem, in the words a page and an API caller are given. */
export const PERSON_PROBLEM_WORDS: Record<PersonProblem, string> = {
  'relationship-unknown': 'Select how this person is related to the baby',
  'name-or-description-needed': 'Enter their first name or last name, or answer that you do not know who they are',
  'description-needed': "Describe what is known about them, for example \"mother's new partner, name unknown\"",
  'date-of-birth-too-early': tooEarlyWords('Date of birth'),
  'date-of-birth-in-future': 'Date of birth must be today or in the past',
  'nhs-number-invalid': nhsNumberProblemWords('not-ten-digits'),
  'nhs-number-check-digit': nhsNumberProblemWords('check-digit'),
  'paternity-only-for-father': 'Only answer whether paternity is confirmed for the baby’s father',
  // Found against the people already on the record (already-on-record.ts), not from the details alone.
  'nhs-number-already-on-record': 'Someone with this NHS number is already on the record: change their details instead of adding them again',
  'mother-already-on-record': 'The baby’s mother is already on the record: change her details instead, or choose another relationship (for example mother’s partner, grandparent or other relative)',
};

export function checkPersonDetails(person: PersonDetails, today: string): Partial<Record<keyof PersonDetails, PersonProblem>> {
  const problems: Partial<Record<keyof PersonDetails, PersonProblem>> = {};
  if (!isRelationshipToInfant(person.relationshipToInfant)) problems.relationshipToInfant = 'relationship-unknown';
  if (person.identityKnown && !person.givenName && !person.familyName) problems.givenName = 'name-or-description-needed';
  // An unknown adult is never left blank: say what is known ("mother's new partner, name unknown").
  if (!person.identityKnown && !person.description) problems.description = 'description-needed';
  // A date of birth has happened, and even an adult's is in 1900 or later (date-rules.ts).
  const dateOfBirth = person.dateOfBirth ? happenedDayProblem(person.dateOfBirth, today) : null;
  if (dateOfBirth === 'too-early') problems.dateOfBirth = 'date-of-birth-too-early';
  else if (dateOfBirth === 'in-future') problems.dateOfBirth = 'date-of-birth-in-future';
  const nhsNumber = person.nhsNumber ? checkNhsNumber(person.nhsNumber) : null;
  if (nhsNumber !== null) problems.nhsNumber = nhsNumber === 'check-digit' ? 'nhs-number-check-digit' : 'nhs-number-invalid';
  if (person.paternityConfirmed !== null && person.relationshipToInfant !== 'father') problems.paternityConfirmed = 'paternity-only-for-father';
  return problems;
}

/**
 * Whether to ask if they visit the baby regularly: only of someone who does not live with the baby
 * (a mother at home does not "visit"). Not yet answered where they live: not asked yet (the page
 * reveals the question under "No"; its error would lead to a question not shown).
 */
export function asksWhetherVisitsRegularly(livesInHousehold: boolean | null): boolean {
  return livesInHousehold === false;
}

/** Stored form: NHS number as ten digits, blank text as null; someone living with the baby is not a visitor. */
export function normalisePersonDetails(person: PersonDetails): PersonDetails {
  const text = (value: string | null) => (value?.trim() ? value.trim() : null);
  return {
    ...person,
    givenName: text(person.givenName),
    familyName: text(person.familyName),
    description: text(person.description),
    nhsNumber: person.nhsNumber ? normaliseNhsNumber(person.nhsNumber) : null,
    address: text(person.address),
    visitsRegularly: asksWhetherVisitsRegularly(person.livesInHousehold) && person.visitsRegularly,
  };
}
