// The form for a person around the baby: fields, checks and words. Yes/no answers arrive as text;
// toPersonDetails turns a valid form into what the use case saves.
import { Type, type Static } from 'typebox';
import type { PersonInput, StoredPerson } from '../../../application/people/save-person.ts';
import { SEXES } from '../../../domain/people/record-matching.ts';
import { NHS_NUMBER_SHAPE_WORDS } from '../../../domain/people/nhs-number.ts';
import { RELATIONSHIPS_TO_INFANT, type RelationshipToInfant } from '../../../domain/people/relationships.ts';
import { PERSON_PROBLEM_WORDS, type PersonProblem } from '../../../domain/people/person-rules.ts';
import { oneOf, YES_NO, YES_NO_NOT_KNOWN } from '../../forms/choices.ts';
import { dateInputValues, readDateInput } from '../../forms/date-input.ts';
import type { FormSpec } from '../../forms/validate-form.ts';

const yesNo = oneOf(YES_NO);
const yesNoNotKnown = oneOf(YES_NO_NOT_KNOWN);
const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

const personSchema = Type.Object({
  identityKnown: yesNo,
  givenName: text(100),
  familyName: text(100),
  description: text(300),
  relationshipToInfant: oneOf(Object.keys(RELATIONSHIPS_TO_INFANT) as RelationshipToInfant[]),
  'dateOfBirth-day': text(2),
  'dateOfBirth-month': text(2),
  'dateOfBirth-year': text(4),
  nhsNumber: text(20),
  sex: Type.Optional(oneOf(SEXES)),
  livesInHousehold: yesNo,
  caresForInfant: yesNo,
  visitsRegularly: yesNo,
  parentalResponsibility: Type.Optional(yesNoNotKnown),
  paternityConfirmed: Type.Optional(yesNoNotKnown),
  deceased: Type.Optional(Type.Literal('yes')),
  address: text(500),
  addressRestricted: Type.Optional(Type.Literal('yes')),
  // An unticked checkbox posts nothing: absent means not checked.
  historyChecked: Type.Optional(Type.Literal('yes')),
  version: Type.Optional(Type.String({ pattern: '^\\d+$' })),
});

export type PersonForm = Static<typeof personSchema>;

export const personForm: FormSpec<typeof personSchema> = {
  schema: personSchema,
  messages: {
    identityKnown: { default: 'Select whether you know who this person is' },
    givenName: { default: 'First name must be 100 characters or fewer' },
    familyName: { default: 'Last name must be 100 characters or fewer' },
    description: { default: 'Description must be 300 characters or fewer' },
    relationshipToInfant: { default: 'Select how this person is related to the baby' },
    'dateOfBirth-day': { default: 'Date of birth must be a real date' },
    'dateOfBirth-month': { default: 'Date of birth must be a real date' },
    'dateOfBirth-year': { default: 'Date of birth must be a real date' },
    nhsNumber: { default: NHS_NUMBER_SHAPE_WORDS },
    sex: { default: 'Select female, male or not known' },
    livesInHousehold: { default: 'Select whether they live with the baby' },
    caresForInfant: { default: 'Select whether they care for the baby' },
    visitsRegularly: { default: 'Select whether they visit regularly' },
    parentalResponsibility: { default: 'Select whether they have parental responsibility' },
    paternityConfirmed: { default: 'Select whether paternity is confirmed' },
    address: { default: 'Address must be 500 characters or fewer' },
    historyChecked: { default: 'Tick the box if their history has been checked, or leave it unticked' },
  },
};

/** Messages for what the domain rules refuse, by field (the form field that shows the message). */
export const PERSON_PROBLEM_MESSAGES: Record<PersonProblem, { field: string; text: string }> = {
  'relationship-unknown': { field: 'relationshipToInfant', text: PERSON_PROBLEM_WORDS['relationship-unknown'] },
  'name-or-description-needed': { field: 'givenName', text: PERSON_PROBLEM_WORDS['name-or-description-needed'] },
  'description-needed': { field: 'description', text: PERSON_PROBLEM_WORDS['description-needed'] },
  'date-of-birth-too-early': { field: 'dateOfBirth-day', text: PERSON_PROBLEM_WORDS['date-of-birth-too-early'] },
  'date-of-birth-in-future': { field: 'dateOfBirth-day', text: PERSON_PROBLEM_WORDS['date-of-birth-in-future'] },
  'nhs-number-invalid': { field: 'nhsNumber', text: PERSON_PROBLEM_WORDS['nhs-number-invalid'] },
  'nhs-number-check-digit': { field: 'nhsNumber', text: PERSON_PROBLEM_WORDS['nhs-number-check-digit'] },
  'paternity-only-for-father': { field: 'paternityConfirmed', text: PERSON_PROBLEM_WORDS['paternity-only-for-father'] },
};

function answer(value: 'yes' | 'no' | 'not-known' | undefined): boolean | null {
  return value === 'yes' ? true : value === 'no' ? false : null;
}

/** The person's details from a valid form, or the field and message for a date that is not real. */
export function toPersonDetails(form: PersonForm): { ok: true; details: PersonInput & { historyChecked: boolean } } | { ok: false; field: string; text: string } {
  const date = readDateInput(form, { prefix: 'dateOfBirth', label: 'Date of birth', enter: 'Enter their date of birth' }, false);
  if (!date.ok) return { ok: false, field: date.field, text: date.text };
  return {
    ok: true,
    details: {
      givenName: form.givenName ?? null,
      familyName: form.familyName ?? null,
      identityKnown: form.identityKnown === 'yes',
      description: form.description ?? null,
      relationshipToInfant: form.relationshipToInfant,
      dateOfBirth: date.iso,
      nhsNumber: form.nhsNumber ?? null,
      sex: form.sex ?? null,
      livesInHousehold: form.livesInHousehold === 'yes',
      caresForInfant: form.caresForInfant === 'yes',
      visitsRegularly: form.visitsRegularly === 'yes',
      parentalResponsibility: answer(form.parentalResponsibility),
      paternityConfirmed: answer(form.paternityConfirmed),
      deceased: form.deceased === 'yes',
      address: form.address ?? null,
      addressRestricted: form.addressRestricted === 'yes',
      historyChecked: form.historyChecked === 'yes',
    },
  };
}

/** The form's fields from stored details, to show them for editing. */
export function toFormValues(details: StoredPerson): Record<string, string> {
  const yn = (value: boolean | null) => (value === null ? 'not-known' : value ? 'yes' : 'no');
  return {
    identityKnown: details.identityKnown ? 'yes' : 'no',
    givenName: details.givenName ?? '',
    familyName: details.familyName ?? '',
    description: details.description ?? '',
    relationshipToInfant: details.relationshipToInfant,
    ...dateInputValues('dateOfBirth', details.dateOfBirth),
    nhsNumber: details.nhsNumber ?? '',
    sex: details.sex ?? '',
    livesInHousehold: yn(details.livesInHousehold),
    caresForInfant: yn(details.caresForInfant),
    visitsRegularly: yn(details.visitsRegularly),
    parentalResponsibility: yn(details.parentalResponsibility),
    paternityConfirmed: yn(details.paternityConfirmed),
    deceased: details.deceased ? 'yes' : '',
    address: details.address ?? '',
    addressRestricted: details.addressRestricted ? 'yes' : '',
    historyChecked: details.historyChecked ? 'yes' : '',
    version: String(details.version),
  };
}
