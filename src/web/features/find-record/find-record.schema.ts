// The forms for finding a record, making one, and recording a birth: fields, checks and words.
// Dates arrive as day, month and year fields and are read by find-record.forms.ts.
import { Type } from 'typebox';
import { INFANT_STATUSES, NAME_MAX_LENGTH as PERSON_NAME_MAX_LENGTH, NHS_NUMBER_MESSAGE, SEXES, type InfantStatus, type Sex } from '../../../domain/people/record-matching.ts';
import { ADDRESS_MAX_LENGTH, NAME_MAX_LENGTH } from '../../../domain/people/record-details.ts';
import { choiceItems, oneOf, YES_NO } from '../../forms/choices.ts';
import type { FormSpec } from '../../forms/validate-form.ts';

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const yesNo = oneOf(YES_NO);

/** Completed weeks, optionally with days as midwives write them: "38" or "38+4". */
const GESTATION_PATTERN = '^\\d{1,2}(\\+[0-6])?$';
/** Grams, with or without a thousands comma: "3400" or "3,400". */
const WEIGHT_PATTERN = '^(\\d{1,2},?\\d{3}|\\d{1,4})$';

const searchSchema = Type.Object({
  nhsNumber: text(20),
  name: text(200),
  'dateOfBirth-day': text(10),
  'dateOfBirth-month': text(10),
  'dateOfBirth-year': text(10),
  postcode: text(10),
});

export const POSTCODE_MESSAGE = 'Enter a real postcode, like DE1 2AB';

export const searchForm: FormSpec<typeof searchSchema> = {
  schema: searchSchema,
  messages: {
    nhsNumber: { default: NHS_NUMBER_MESSAGE },
    name: { default: 'Name must be 200 characters or fewer' },
    postcode: { default: POSTCODE_MESSAGE },
  },
};

/**
 * What helps people find the record and reach the family: the household's address (restricted for a
 * refuge), the GP practice, the birth hospital and, before the birth, the mother's NHS number. The
 * new-record form and the record's details page ask the same questions.
 */
export const RECORD_DETAIL_FIELDS = {
  address: text(ADDRESS_MAX_LENGTH),
  postcode: text(10),
  addressRestricted: Type.Optional(Type.Literal('yes')),
  gpPracticeName: text(NAME_MAX_LENGTH),
  gpPracticeOdsCode: text(10),
  birthHospital: text(NAME_MAX_LENGTH),
  motherNhsNumber: text(20),
};

export const RECORD_DETAIL_MESSAGES = {
  address: { default: `Address must be ${ADDRESS_MAX_LENGTH} characters or fewer` },
  postcode: { default: POSTCODE_MESSAGE },
  addressRestricted: { default: 'Tick the box if the address must be kept from people outside the team' },
  gpPracticeName: { default: `GP practice name must be ${NAME_MAX_LENGTH} characters or fewer` },
  gpPracticeOdsCode: { default: 'Enter the practice code as a letter and 5 numbers, like A81001' },
  birthHospital: { default: `Birth hospital must be ${NAME_MAX_LENGTH} characters or fewer` },
  motherNhsNumber: { default: "Enter the mother's NHS number as 10 digits, like 943 476 5919" },
};

/** The detail fields in the order the forms show them. */
export const RECORD_DETAIL_ORDER = ['address', 'postcode', 'addressRestricted', 'motherNhsNumber', 'gpPracticeName', 'gpPracticeOdsCode', 'birthHospital'] as const;

const birthFields = {
  nhsNumber: text(20),
  gestationAtBirthWeeks: Type.Optional(Type.String({ pattern: GESTATION_PATTERN })),
  birthWeightGrams: Type.Optional(Type.String({ pattern: WEIGHT_PATTERN })),
  multipleBirth: yesNo,
  independentlyMobile: yesNo,
};

const birthMessages = {
  nhsNumber: { default: NHS_NUMBER_MESSAGE },
  gestationAtBirthWeeks: { default: 'Enter gestation at birth in weeks, like 38 or 38+4' },
  birthWeightGrams: { default: 'Enter birth weight in grams, like 3400' },
  multipleBirth: { default: 'Select yes if the baby is a twin, triplet or more' },
  independentlyMobile: { default: 'Select yes or no' },
};

/**
 * The mother's name and date of birth on the new-record form: optional, they find a record another
 * agency already holds when her NHS number is not to hand (docs/domain.md, "Who is in the record").
 */
const MOTHER_FIELDS = {
  motherGivenName: text(PERSON_NAME_MAX_LENGTH),
  motherFamilyName: text(PERSON_NAME_MAX_LENGTH),
  'motherDateOfBirth-day': text(10),
  'motherDateOfBirth-month': text(10),
  'motherDateOfBirth-year': text(10),
};

const MOTHER_MESSAGES = {
  motherGivenName: { default: `Mother's first name must be ${PERSON_NAME_MAX_LENGTH} characters or fewer` },
  motherFamilyName: { default: `Mother's family name must be ${PERSON_NAME_MAX_LENGTH} characters or fewer` },
};

const recordKindSchema = Type.Object({ status: oneOf(INFANT_STATUSES) });

/** The first question before making a record: is the baby born yet? */
export const recordKindForm: FormSpec<typeof recordKindSchema> = {
  schema: recordKindSchema,
  messages: { status: { default: 'Select whether the baby has been born' } },
};

const newRecordSchema = Type.Object(
  {
    givenName: text(100),
    familyName: text(100),
    sex: Type.Optional(oneOf(SEXES)),
    status: oneOf(INFANT_STATUSES),
    'expectedDeliveryDate-day': text(10),
    'expectedDeliveryDate-month': text(10),
    'expectedDeliveryDate-year': text(10),
    'dateOfBirth-day': text(10),
    'dateOfBirth-month': text(10),
    'dateOfBirth-year': text(10),
    ...birthFields,
    multipleBirth: Type.Optional(yesNo),
    independentlyMobile: Type.Optional(yesNo),
    ...MOTHER_FIELDS,
    ...RECORD_DETAIL_FIELDS,
    confirmedNoDuplicate: Type.Optional(Type.Literal('yes')),
    // Read whole: the domain refuses a reason too long, and the page gives back what was typed.
    differentBabyReason: Type.Optional(Type.String()),
    checkedCaseIds: text(4000),
  },
  // A born baby's form asks about a multiple birth; an unborn baby's does not. Mobility is asked only
  // of a baby 6 months or older, which the form's reader checks once it has the date of birth.
  { allOf: [{ if: { properties: { status: { const: 'born' } }, required: ['status'] }, then: { required: ['multipleBirth'] } }] },
);

export const newRecordForm: FormSpec<typeof newRecordSchema> = {
  schema: newRecordSchema,
  messages: {
    givenName: { default: 'First name must be 100 characters or fewer' },
    familyName: { default: 'Family name must be 100 characters or fewer' },
    sex: { default: 'Select female, male or not known' },
    status: { default: 'Select whether the baby has been born' },
    ...birthMessages,
    ...MOTHER_MESSAGES,
    ...RECORD_DETAIL_MESSAGES,
    confirmedNoDuplicate: { default: 'Confirm that none of these records is for this baby' },
    checkedCaseIds: { default: 'Search again, then make the record' },
  },
};

const birthSchema = Type.Object({
  version: Type.String({ pattern: '^\\d{1,9}$' }),
  givenName: text(100),
  sex: Type.Optional(oneOf(SEXES)),
  'dateOfBirth-day': text(10),
  'dateOfBirth-month': text(10),
  'dateOfBirth-year': text(10),
  ...birthFields,
  // Asked only of a baby 6 months or older: the form's reader checks it once it has the date of birth.
  independentlyMobile: Type.Optional(yesNo),
});

export const birthForm: FormSpec<typeof birthSchema> = {
  schema: birthSchema,
  messages: {
    version: { default: 'This page is out of date. Go back to the record and start again.' },
    givenName: { default: 'First name must be 100 characters or fewer' },
    sex: { default: 'Select female, male or not known' },
    ...birthMessages,
  },
};

/** The words for each date field: what to ask for when it is empty, and its name in messages. */
export const DATE_FIELDS = {
  search: { prefix: 'dateOfBirth', label: 'Date of birth or due date', enter: 'Enter a date of birth or due date' },
  dateOfBirth: { prefix: 'dateOfBirth', label: 'Date of birth', enter: 'Enter the date of birth' },
  expectedDeliveryDate: { prefix: 'expectedDeliveryDate', label: 'Due date', enter: 'Enter the due date' },
  motherDateOfBirth: { prefix: 'motherDateOfBirth', label: "Mother's date of birth", enter: "Enter the mother's date of birth" },
} as const;

/** The words when the baby is 6 months or older and whether they are independently mobile is not answered. */
export const MOBILITY_MISSING = 'Select yes if the baby is crawling, shuffling, pulling to stand, cruising or walking';

export const NO_SEARCH_CRITERIA = 'Enter an NHS number, a name, a date of birth or due date, or a postcode';
export const NAME_TOO_SHORT = 'Name must include at least 2 letters';

export const DUPLICATE_MESSAGES = {
  confirmMissing: 'Confirm that none of these records is for this baby, or open the one that is',
  reasonWithoutConfirming: 'Tick the box to confirm that none of these records is for this baby, or open the one that is',
  newMatch: 'Another record that may be for this baby has been found since you checked. Check it, then confirm again.',
  nhsTaken: 'A record with this NHS number already exists. Use that record instead of making a new one.',
  nhsTakenOnBirth: 'Another record already has this NHS number. Check it before recording the birth.',
} as const;

export const SEX_ITEMS = choiceItems<Sex>({ female: 'Female', male: 'Male', unknown: 'Not known' });

/** The first question's answers: is the baby born yet? */
export const RECORD_KIND_ITEMS = choiceItems<InfantStatus>({ unborn: 'No, the baby is not born yet', born: 'Yes, the baby has been born' });
