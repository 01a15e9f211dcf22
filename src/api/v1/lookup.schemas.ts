// API schemas for finding the baby from the adult: how a person around the baby matched a search
// (GET /api/v1/cases), and the NHS number lookup (GET /api/v1/lookup). JSON Schema (TypeBox) that
// validates the request, types the handler and is published in OpenAPI; every test run checks each
// reply against them. Neither names anyone around the baby: a relationship, never a name.
import { Type } from 'typebox';
import { PERSON_CRITERIA } from '../../domain/search/person-match.ts';
import { RELATIONSHIPS_TO_INFANT, type RelationshipToInfant } from '../../domain/people/relationships.ts';
import type { LookedUpAs } from '../../domain/search/nhs-number-lookup.ts';
import { oneOf } from './schemas.ts';

const RELATIONSHIPS = Object.keys(RELATIONSHIPS_TO_INFANT) as RelationshipToInfant[];

export const PersonMatched = Type.Object(
  {
    relationship: oneOf(RELATIONSHIPS, { description: 'What the person who matched is to the baby: never their name' }),
    on: Type.Array(oneOf(PERSON_CRITERIA), { description: 'What of the search that person matched, strongest first: all of what was searched for (but the postcode)' }),
  },
  { additionalProperties: false },
);

export const LookupQuery = Type.Object(
  {
    nhsNumber: Type.String({ minLength: 1, maxLength: 100, description: '10 digits, spaces or hyphens allowed; anything else, or a number that fails the modulus 11 check, is a 400 invalid-nhs-number (audited)' }),
  },
  { additionalProperties: false },
);

const Contact = Type.Object({ name: Type.String(), organisation: Type.String(), email: Type.String() }, { additionalProperties: false });

const LookedUpRecord = Type.Object(
  {
    caseId: Type.String(),
    as: Type.Array(oneOf(['baby', ...RELATIONSHIPS] as LookedUpAs[]), { description: 'What the person is to this baby: the baby itself, or their relationship to it' }),
    ageBand: Type.String({ description: 'How old the baby is in a wide band: "unborn, due March 2027", "under 3 months", "3 to 6 months", "6 to 12 months", "1 to 2 years" or "2 years or older"' }),
    contact: Type.Union([Contact, Type.Null()], { description: 'The lead professional to contact; null when the record has none (ask your safeguarding lead)' }),
    mayOpen: Type.Boolean({ description: 'You are in the team or oversee it: GET /api/v1/cases/{caseId}. Otherwise open it only in an emergency' }),
    emergencyAccess: Type.Union([Type.String(), Type.Null()], { description: 'For a record you may not open: the page where you may open it in an emergency, your reason recorded and reviewed' }),
    protection: Type.Object(
      {
        childProtectionPlan: Type.Boolean({ description: 'The baby (born or unborn) has a child protection plan now: its conferences say so, or its level is child protection' }),
        planStartedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'The day the current plan began (its conference); null with no plan now, or when no conference is recorded' }),
        latestPlanEndedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'With no plan now: the day the latest plan ended (its conference); else null' }),
        lookedAfter: Type.Boolean({ description: 'The baby is looked after by the local authority' }),
      },
      { additionalProperties: false, description: 'As the NHS child protection information sharing service tells an emergency department: whether the baby has a child protection plan or is looked after' },
    ),
  },
  { additionalProperties: false },
);

export const LookupAnswer = Type.Object(
  {
    nhsNumber: Type.String({ description: 'The NHS number asked about, as 10 digits' }),
    found: Type.Boolean({ description: 'The person is, or is around, at least one baby on the record' }),
    records: Type.Array(LookedUpRecord, { description: 'One item a baby, your own cases first' }),
    more: Type.Boolean({ description: 'More records were found than are given: contact your safeguarding lead' }),
  },
  { additionalProperties: false },
);
