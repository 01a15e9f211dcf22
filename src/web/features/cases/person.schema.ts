// The form for a person around the baby: fields, checks and words. Yes/no answers arrive as text;
// toPersonDetails turns a valid form into what the use case saves.
import { Type, type Static } from 'typebox';
import type { PersonInput, StoredPerson } from '../../../application/people/save-person.ts';
import { SEXES } from '../../../domain/people/record-matching.ts';
import { NHS_NUMBER_SHAPE_WORDS } from '../../../domain/people/nhs-number.ts';
import { RELATIONSHIPS_TO_INFANT, type RelationshipToInfant } from '../../../domain/people/relationships.ts';
import { asksWhetherVisitsRegularly, checkPersonDetails, PERSON_PROBLEM_WORDS, type PersonProblem } from '../../../domain/people/person-rules.ts';
import { oneOf, YES_NO, YES_NO_NOT_KNOWN } from '../../forms/choices.ts';
import { dateInputValues, readDateInput } from '../../forms/date-input.ts';
import { AllErrors, schemaPass } from '../../forms/all-errors.ts';
import type { FormErrors, FormSpec } from '../../forms/validate-form.ts';
import type { DatePartErrors } from '../../forms/date-input.ts';

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
  // Asked only of someone who does not live with the baby (person-rules.ts asksWhetherVisitsRegularly).
  visitsRegularly: Type.Optional(yesNo),
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
  'nhs-number-already-on-record': { field: 'nhsNumber', text: PERSON_PROBLEM_WORDS['nhs-number-already-on-record'] },
  'mother-already-on-record': { field: 'relationshipToInfant', text: PERSON_PROBLEM_WORDS['mother-already-on-record'] },
};


/** The form's questions in the order it asks them: the error summary's order. */
const PERSON_FIELD_ORDER = ['relationshipToInfant', 'identityKnown', 'description', 'givenName', 'familyName', 'dateOfBirth', 'nhsNumber', 'sex', 'historyChecked', 'livesInHousehold', 'caresForInfant', 'visitsRegularly', 'parentalResponsibility', 'paternityConfirmed', 'address'];

/** Whether the answer to "do they live with the baby?" asks "do they visit regularly?" too. */
export function visitsRegularlyAsked(livesInHousehold: string | undefined): boolean {
  return asksWhetherVisitsRegularly(livesInHousehold === 'yes' ? true : livesInHousehold === 'no' ? false : null);
}

/**
 * Every check of the person's form in one pass (web/forms/all-errors.ts): the schema's, the date of
 * birth's, whether they visit regularly where that is asked, and the domain's rules on the details
 * (person-rules.ts, with `today`), so every error shows at once; or the details to save.
 */
export function checkPersonForm(body: unknown, today: string): { ok: true; form: PersonForm; details: PersonInput & { historyChecked: boolean } } | ({ ok: false; values: Record<string, string> } & FormErrors & { dateParts: DatePartErrors }) {
  const schema = schemaPass(personForm, body);
  const errors = new AllErrors(PERSON_FIELD_ORDER).addAll(schema.errors);
  const form = schema.passed;
  if (visitsRegularlyAsked(form.livesInHousehold) && form.visitsRegularly === undefined) errors.add('visitsRegularly', personForm.messages['visitsRegularly']!.default);
  const date = readDateInput(form, { prefix: 'dateOfBirth', label: 'Date of birth', enter: 'Enter their date of birth' }, false);
  if (!date.ok) errors.add(date.field, date.text);
  // The domain's rules see the answers that passed, a date that could not be read as none.
  const details = detailsFrom(form, date.ok ? date.iso : null);
  const problems = checkPersonDetails(details, today);
  // A rule that reads an answer the schema refused (or not given) would only guess: that answer's own error stands.
  const readsUnanswered = (problem: PersonProblem) =>
    ((problem === 'name-or-description-needed' || problem === 'description-needed') && form.identityKnown === undefined) || (problem === 'paternity-only-for-father' && form.relationshipToInfant === undefined);
  for (const problem of Object.values(problems)) if (problem !== undefined && !readsUnanswered(problem)) errors.add(PERSON_PROBLEM_MESSAGES[problem].field, PERSON_PROBLEM_MESSAGES[problem].text);
  if (errors.any) return { ok: false, values: schema.values, ...errors.result() };
  return { ok: true, form: form as PersonForm, details };
}

/** The person's details from a form's answers (a field the schema refused left out) and the date of birth read. */
function detailsFrom(form: Partial<PersonForm>, dateOfBirth: string | null): PersonInput & { historyChecked: boolean } {
  return {
    givenName: form.givenName ?? null,
    familyName: form.familyName ?? null,
    identityKnown: form.identityKnown === 'yes',
    description: form.description ?? null,
    relationshipToInfant: form.relationshipToInfant ?? '',
    dateOfBirth,
    nhsNumber: form.nhsNumber ?? null,
    sex: form.sex ?? null,
    livesInHousehold: form.livesInHousehold === 'yes',
    caresForInfant: form.caresForInfant === 'yes',
    visitsRegularly: visitsRegularlyAsked(form.livesInHousehold) && form.visitsRegularly === 'yes',
    // "Not known" is kept as an answer; a question left unanswered is null (person-rules.ts).
    parentalResponsibility: form.parentalResponsibility ?? null,
    paternityConfirmed: form.paternityConfirmed ?? null,
    deceased: form.deceased === 'yes',
    address: form.address ?? null,
    addressRestricted: form.addressRestricted === 'yes',
    historyChecked: form.historyChecked === 'yes',
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
    parentalResponsibility: details.parentalResponsibility ?? '',
    paternityConfirmed: details.paternityConfirmed ?? '',
    deceased: details.deceased ? 'yes' : '',
    address: details.address ?? '',
    addressRestricted: details.addressRestricted ? 'yes' : '',
    historyChecked: details.historyChecked ? 'yes' : '',
    version: String(details.version),
  };
}
