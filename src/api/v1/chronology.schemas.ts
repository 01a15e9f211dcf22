// API schemas for chronology replies: one entry as stored (the same for POST and GET
// /cases/{caseId}/events), with what each reply adds to it. Published in OpenAPI; every test run
// checks each reply against them.
import { Type } from 'typebox';
import { EVENT_KIND_IDS } from '../../domain/catalogue/event-kinds.ts';
import { ORGANISATION_KINDS } from '../../domain/shared/organisation-kinds.ts';
import { PLAN_CHECK_OUTCOMES, SUBSTANCES } from '../../domain/chronology/chronology.types.ts';
import { REFERRAL_SOURCE_CODES, REFERRAL_SOURCES } from '../../domain/chronology/referral-source.ts';
import type { LivedExperienceField } from '../../domain/chronology/lived-experience.ts';
import { EvidenceSourceSchema, FactorIdSchema, FindingIdSchema, SeveritySchema } from './profile.schemas.ts';
import { oneOf } from './schemas.ts';

const personIds = (description: string) => Type.Array(Type.String(), { description });

const answer = (description: string) => Type.Optional(Type.String({ description }));

/** Each answer of domain/chronology/lived-experience.ts, named as it is there (the Record keeps the two in step). */
const LIVED_EXPERIENCE_PROPERTIES = {
  awakeOrAsleep: Type.Optional(oneOf(['awake', 'asleep'] as const, { description: 'Whether the baby was awake or asleep when seen' })),
  interaction: answer('How the baby and the carers were with each other: holding, eye contact, talking to the baby, responding to crying'),
  dressed: answer('How the baby was dressed'),
  demeanour: answer("The baby's demeanour: alert, settled, unusually quiet, watchful, hard to soothe"),
  whereKept: answer('Where the baby was kept or put down'),
  siblingsSaid: answer('What older brothers and sisters said'),
} satisfies Record<LivedExperienceField, unknown>;

/** A person's dispute of an entry, recorded beside it (POST /cases/{caseId}/events/{eventId}/disputes). */
export const EntryDispute = Type.Object({
  id: Type.String(),
  disputedBy: Type.String({ description: 'Who disputes the entry, in words, as they were named ("the mother, Jo Smith")' }),
  text: Type.String({ description: 'What they say is wrong, in their words' }),
  recordedAt: Type.String({ format: 'date-time', description: 'When the dispute was recorded' }),
  recordedBy: Type.String({ description: 'The name of whoever recorded it' }),
  agency: Type.String({ description: "The recorder's organisation" }),
});

const disputesDescription =
  'What people say is wrong in the entry, oldest first: kept beside it, never replacing it. The profile reads a disputed entry as conflicting information (the factors it points to are in conflict)';

/** The census referral source of a referral entry, with each code's words. */
export const REFERRAL_SOURCE_DESCRIPTION = `A referral only (422 referral-source-not-referral on any other kind): who referred, as the Children in Need census codes it: ${REFERRAL_SOURCE_CODES.map((code) => `${code} ${REFERRAL_SOURCES[code]}`).join('; ')}. The census return defaults a referral with none from the referring agency's kind where the kind names one (GP 3A, health visiting 3B, adult mental health 3F, housing 4, early help 5D, police 6), else shows it not recorded`;

/** A chronology entry as stored: never edited, a correction is a new entry. */
export const ChronologyEntry = Type.Object({
  id: Type.String(),
  kind: oneOf(EVENT_KIND_IDS, { description: 'What kind of entry it is' }),
  occurredAt: Type.String({ description: 'When it happened: YYYY-MM-DD, or an ISO date-time with its offset when the time is known' }),
  recordedAt: Type.String({ format: 'date-time', description: 'When it was recorded' }),
  recordedBy: Type.String({ description: 'The name of whoever recorded it' }),
  agency: Type.String({ description: 'The agency the information came from' }),
  agencyKind: Type.String({ description: `The kind of the recording organisation, for example ${Object.keys(ORGANISATION_KINDS).join(', ')}` }),
  summary: Type.String(),
  source: EvidenceSourceSchema,
  personIds: personIds('The people the entry is about'),
  presentIds: personIds('Who was present'),
  significant: Type.Boolean({ description: 'Marked significant by whoever recorded it, or by its kind (a kind that re-opens the profile)' }),
  indicates: Type.Array(
    Type.Object({ factorId: FactorIdSchema, personId: Type.Optional(Type.String({ description: 'For an adult factor: who it is about' })) }),
    { description: 'Factors the entry points to beyond those its kind does ("as stated")' },
  ),
  babySeen: Type.Union([Type.Boolean(), Type.Null()], { description: 'For a contact: whether a professional saw the baby; null when not a contact or not recorded' }),
  victimIds: personIds('Domestic abuse incidents: who was harmed'),
  perpetratorIds: personIds('Domestic abuse incidents: who harmed'),
  substance: Type.Optional(oneOf(SUBSTANCES, { description: 'A rise in substance use: which; left out when not given' })),
  gestationWeeks: Type.Optional(Type.Integer({ description: 'Antenatal booking: weeks of pregnancy at booking' })),
  referralSource: Type.Optional(oneOf(REFERRAL_SOURCE_CODES, { description: `${REFERRAL_SOURCE_DESCRIPTION}; left out when not recorded` })),
  corrects: Type.Optional(Type.String({ description: 'The id of the entry this one corrects; left out when it corrects none' })),
  correctionReason: Type.Optional(Type.String({ description: 'Why the entry it corrects was wrong' })),
  externalId: Type.Optional(Type.String({ description: "Your system's id, when one was sent" })),
  planChecks: Type.Optional(
    Type.Array(
      Type.Object({
        itemId: Type.String({ description: "The plan's check item" }),
        text: Type.String({ description: "The item's words when it was checked" }),
        outcome: oneOf(PLAN_CHECK_OUTCOMES, { description: 'no-concern, concern or not-checked' }),
        note: Type.String({ description: 'What was seen, why it could not be checked, or anything said (may be empty for no concern)' }),
        factorId: Type.Optional(FactorIdSchema),
        personId: Type.Optional(Type.String({ description: 'For an adult factor: who it is about' })),
      }),
      { description: "A contact's answers to the plan's check items, from the contact form or an agency's entry; left out when it answered none" },
    ),
  ),
  disputes: Type.Optional(Type.Array(EntryDispute, { description: `${disputesDescription}; left out when none` })),
  receivedFrom: Type.Optional(
    Type.Object(
      {
        area: Type.String({ description: 'The area that sent it (the sending lead professional’s organisation)' }),
        receivedOn: Type.String({ format: 'date', description: 'The day it was received here' }),
        sentId: Type.String({ description: 'The id the entry had in the sending area’s record' }),
      },
      { description: 'Received in a transfer from another area; left out for an entry recorded here' },
    ),
  ),
  livedExperience: Type.Optional(
    Type.Object(LIVED_EXPERIENCE_PROPERTIES, {
      description:
        "What a contact recorded with the service's contact form says about the baby's lived experience: each answer given, an answer not given (or not asked, as when the baby was not seen) left out. Left out for any other entry, and when none was given",
    }),
  ),
});

export const ListedChronologyEntry = Type.Object({
  ...ChronologyEntry.properties,
  disputes: Type.Array(EntryDispute, { description: `${disputesDescription}; empty when none` }),
  correctedBy: Type.Array(Type.String(), { description: 'The ids of the entries that correct this one: it stays in the chronology, marked as corrected' }),
});

const RaisedAlert = Type.Object({
  id: Type.String(),
  findingId: Type.Optional(FindingIdSchema),
  severity: SeveritySchema,
  message: Type.String(),
});

export const RecordedChronologyEntry = Type.Object({
  ...ChronologyEntry.properties,
  alerts: Type.Array(RaisedAlert, { description: 'The alerts the entry raised for the team (none when the entry was stored before: see externalId)' }),
});

export const RecordedDispute = Type.Object({
  ...EntryDispute.properties,
  entryId: Type.String({ description: 'The entry disputed' }),
  profileVersion: Type.Integer({ minimum: 1, description: 'The profile version the dispute made (a disputed fact counts as conflicting information)' }),
});

export const ChronologyList = Type.Object({
  events: Type.Array(ListedChronologyEntry, { description: 'In the order things happened; corrected entries stay, marked' }),
});
