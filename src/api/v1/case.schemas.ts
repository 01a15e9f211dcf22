// API schemas for cases, people and the team: JSON Schema (TypeBox) that validates requests,
// types the handlers and is published in OpenAPI.
import { Type, type Static } from 'typebox';
import { TEAM_ROLES } from '../../domain/access/case-access.ts';
import { ADDRESS_MAX_LENGTH, NAME_MAX_LENGTH } from '../../domain/people/record-details.ts';
import { YES_NO_NOT_KNOWN } from '../../domain/people/person-rules.ts';
import { INFANT_STATUSES, SEXES } from '../../domain/people/record-matching.ts';
import { RELATIONSHIPS_TO_INFANT, type RelationshipToInfant } from '../../domain/people/relationships.ts';
import { oneOf } from './schemas.ts';

const dateOfBirth = Type.String({ format: 'date', description: 'ISO 8601 date, e.g. 1994-03-17: in 1900 or later, today or before (422 invalid-person otherwise)' });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const CaseIdParams = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 100 }) });
export const PersonParams = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 100 }), personId: Type.String({ minLength: 1, maxLength: 100 }) });

export const Infant = Type.Object({
  givenName: nullable(Type.String()),
  familyName: nullable(Type.String()),
  sex: nullable(Type.String()),
  nhsNumber: nullable(Type.String()),
  dateOfBirth: nullable(Type.String()),
  expectedDeliveryDate: nullable(Type.String()),
  gestationAtBirthWeeks: nullable(Type.Integer({ description: 'Completed weeks of pregnancy at birth; what the rules read (born before 37 is preterm)' })),
  gestationAtBirthDays: nullable(Type.Integer({ description: 'Days past the completed weeks, 0 to 6 (29+3 is 29 weeks and 3 days); null when only the weeks were recorded, or no gestation' })),
  birthWeightGrams: nullable(Type.Integer()),
  multipleBirth: nullable(Type.Boolean()),
  independentlyMobile: nullable(Type.Boolean()),
});

export const TeamMember = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  email: Type.String(),
  organisation: Type.String(),
  role: oneOf(TEAM_ROLES),
});

export const RecordDetails = Type.Object(
  {
    address: nullable(Type.String({ description: 'The lines of the address, without the postcode; null when not recorded or restricted' })),
    postcode: nullable(Type.String({ description: 'Like "DE1 2AB"; null when not recorded or restricted' })),
    addressRestricted: Type.Boolean({ description: 'Kept from everyone but the lead professional and oversight (a refuge): never in search results' }),
    addressWithheld: Type.Boolean({ description: 'The address is restricted and not given here: GET /cases/{caseId}/address shows it to those who may see it, audited' }),
    gpPracticeName: nullable(Type.String()),
    gpPracticeOdsCode: nullable(Type.String({ description: "The practice's ODS code: a letter and 5 digits, like A81001" })),
    birthHospital: nullable(Type.String()),
    motherNhsNumber: nullable(Type.String({ description: "Ten digits; recorded before the birth, so that the mother's NHS number finds the record" })),
  },
  { description: "What helps find the record and reach the family: the household's address, GP practice, birth hospital and, before the birth, the mother's NHS number" },
);

const recordDetailsProperties = {
    address: Type.Optional(nullable(Type.String({ maxLength: ADDRESS_MAX_LENGTH }))),
    postcode: Type.Optional(nullable(Type.String({ maxLength: 10 }))),
    addressRestricted: Type.Optional(Type.Boolean({ description: 'Anyone who may change the case may restrict an address; only the lead professional and oversight may change a restricted one or lift the restriction (what others send for it is ignored)' })),
    gpPracticeName: Type.Optional(nullable(Type.String({ maxLength: NAME_MAX_LENGTH }))),
    gpPracticeOdsCode: Type.Optional(nullable(Type.String({ maxLength: 10 }))),
    birthHospital: Type.Optional(nullable(Type.String({ maxLength: NAME_MAX_LENGTH }))),
    motherNhsNumber: Type.Optional(nullable(Type.String({ maxLength: 20, description: 'Only before the birth' }))),
};

export const RecordDetailsBody = Type.Object(
  { version: Type.Integer({ minimum: 1, description: 'The version of the case you read (409 if it changed)' }), ...recordDetailsProperties },
  { additionalProperties: false, description: 'A field left out stays as it is; null clears it' },
);

/** The details given with a new record: the household's address, GP practice, birth hospital and, for an unborn baby, the mother's NHS number. */
export const NewRecordDetails = Type.Object(recordDetailsProperties, { additionalProperties: false });
export type RecordDetailsBody = Static<typeof RecordDetailsBody>;

export const RecordDetailsResponse = Type.Object({ id: Type.String(), version: Type.Integer(), changed: Type.Array(Type.String({ description: 'The fields that changed' })), details: RecordDetails });

export const AddressResponse = Type.Object({
  address: nullable(Type.String()),
  postcode: nullable(Type.String()),
  restricted: Type.Boolean(),
});

export const CaseResponse = Type.Object({
  id: Type.String(),
  status: oneOf(INFANT_STATUSES),
  level: Type.String(),
  version: Type.Integer(),
  infant: Infant,
  details: RecordDetails,
  team: Type.Array(TeamMember),
  access: Type.String({ description: 'Why the caller may see this case: lead-professional, team-member, organisation-oversight or break-glass' }),
});

const relationshipToInfant = oneOf(Object.keys(RELATIONSHIPS_TO_INFANT) as RelationshipToInfant[]);

/** Parental responsibility and paternity: "not-known" is an answer, null (or left out) never answered. */
const ANSWER_WORDS = {
  parentalResponsibility: 'Whether they have parental responsibility',
  paternityConfirmed: "Whether paternity is confirmed: for the baby's father only (422 invalid-person for anyone else)",
} as const;
const answerIn = (field: keyof typeof ANSWER_WORDS) =>
  Type.Optional(
    Type.Union([oneOf(YES_NO_NOT_KNOWN), Type.Boolean(), Type.Null()], {
      description: `${ANSWER_WORDS[field]}: yes, no or not-known (not known is an answer), or null or left out when not answered. true and false, as clients sent before not-known was kept, are still taken as yes and no`,
    }),
  );
const answerOut = (field: keyof typeof ANSWER_WORDS) =>
  Type.Union([oneOf(YES_NO_NOT_KNOWN), Type.Null()], { description: `${ANSWER_WORDS[field]}: yes, no or not-known; null when never answered (what was true is yes, what was false no)` });

const personProperties = {
    givenName: Type.Optional(nullable(Type.String({ maxLength: 100 }))),
    familyName: Type.Optional(nullable(Type.String({ maxLength: 100 }))),
    identityKnown: Type.Optional(Type.Boolean({ description: 'Defaults to true when a name is given, false otherwise' })),
    description: Type.Optional(nullable(Type.String({ maxLength: 300, description: 'What is known of an adult whose identity is not known' }))),
    dateOfBirth: Type.Optional(nullable(dateOfBirth)),
    nhsNumber: Type.Optional(nullable(Type.String({ maxLength: 20 }))),
    sex: Type.Optional(nullable(oneOf(SEXES))),
    relationshipToInfant,
    livesInHousehold: Type.Boolean(),
    caresForInfant: Type.Boolean(),
    visitsRegularly: Type.Optional(Type.Boolean()),
    parentalResponsibility: answerIn('parentalResponsibility'),
    paternityConfirmed: answerIn('paternityConfirmed'),
    deceased: Type.Optional(Type.Boolean()),
    address: Type.Optional(nullable(Type.String({ maxLength: 500 }))),
    addressRestricted: Type.Optional(Type.Boolean()),
    historyChecked: Type.Optional(
      Type.Boolean({
        description:
          "Their history has been checked with police, children's social care and health records. Until it is, the profile treats who an adult is as not known (hidden risk). Defaults to false when adding; left out when changing, it stays as it was",
      }),
    ),
};

export const PersonBody = Type.Object(personProperties, { additionalProperties: false });
export type PersonBody = Static<typeof PersonBody>;

export const PersonUpdateBody = Type.Object({ ...personProperties, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const PersonResponse = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  givenName: nullable(Type.String()),
  familyName: nullable(Type.String()),
  identityKnown: Type.Boolean(),
  description: nullable(Type.String()),
  dateOfBirth: nullable(Type.String()),
  nhsNumber: nullable(Type.String()),
  sex: nullable(Type.String()),
  relationshipToInfant: Type.String(),
  livesInHousehold: Type.Boolean(),
  caresForInfant: Type.Boolean(),
  visitsRegularly: Type.Boolean(),
  parentalResponsibility: answerOut('parentalResponsibility'),
  paternityConfirmed: answerOut('paternityConfirmed'),
  deceased: Type.Boolean(),
  address: nullable(Type.String()),
  addressRestricted: Type.Boolean(),
  historyChecked: Type.Boolean(),
});

export const TeamBody = Type.Object(
  { userId: Type.String({ minLength: 1 }), role: oneOf(TEAM_ROLES) },
  { additionalProperties: false },
);
