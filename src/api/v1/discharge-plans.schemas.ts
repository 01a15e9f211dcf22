// API schemas for discharge plans (POST and GET /api/v1/cases/{caseId}/discharge-plans): JSON Schema
// (TypeBox) that validates the request, types the handler and is published in OpenAPI; every test
// run checks each reply against them. The request is loosely typed where the domain says what is
// wrong with a path (422 invalid-discharge-plan), as for meetings.
import { Type, type Static } from 'typebox';
import type { DischargeNoteCode } from '../../domain/discharge/discharge-plan-rules.ts';
import { DISCHARGE_LIMITS, DISCHARGE_PLANNED_UP_TO_DAYS, GP_STATUSES, SOCIAL_WORKER_STATUSES, STAY_KINDS, type FragileReason } from '../../domain/discharge/discharge-plan.types.ts';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../domain/shared/organisation-kinds.ts';
import { alternativesInWords, oneOf } from './schemas.ts';

const day = (description: string) => Type.String({ format: 'date', description });
const sentDay = (description: string) => Type.String({ maxLength: 10, description: `YYYY-MM-DD: ${description}` });
const text = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });
const agencyKinds = Object.keys(ORGANISATION_KINDS) as OrganisationKind[];
const agency = oneOf(agencyKinds, { description: 'A kind of agency' });
const sentAgency = Type.String({ maxLength: 100, description: `A kind of agency: ${alternativesInWords(agencyKinds)}` });

const ToldSent = (who: string, statuses: readonly string[]) =>
  Type.Object(
    {
      status: Type.String({ maxLength: 40, description: alternativesInWords(statuses) }),
      toldOn: Type.Optional(sentDay(`when ${who} was told (status told; in 1900 or later, not in the future)`)),
      toldBy: Type.Optional(text(DISCHARGE_LIMITS.name, `Who told ${who} (status told)`)),
    },
    { additionalProperties: false },
  );

export const DischargePlanRecord = Type.Object(
  {
    stay: Type.String({ maxLength: 40, description: `The stay the baby leaves: ${alternativesInWords(STAY_KINDS)} (422 unknown-stay otherwise)` }),
    dischargeOn: sentDay(`the day the baby leaves or is planned to leave: in 1900 or later, not before the birth, at most ${DISCHARGE_PLANNED_UP_TO_DAYS} days from today; a baby not yet born has no discharge plan (422 not-born)`),
    firstVisit: Type.Object(
      {
        agency: sentAgency,
        name: text(DISCHARGE_LIMITS.name, 'Who sees the baby first at home'),
        by: sentDay('the last day of the first home visit: on or after the discharge, at most 12 months from today (later than 2 working days after the discharge is allowed, and noted)'),
      },
      { additionalProperties: false, description: 'Who sees the baby first at home, and by when' },
    ),
    feedingAndHandling: Type.Optional(text(DISCHARGE_LIMITS.advice, 'Feeding and handling advice agreed; needed for a fragile baby (born before 37 weeks, under 2,500 g, or after a neonatal stay: 422 advice-needed)')),
    followUps: Type.Optional(
      Type.Array(
        Type.Object({ what: text(DISCHARGE_LIMITS.what), where: text(DISCHARGE_LIMITS.where), on: sentDay('on or after the discharge, at most 12 months from today') }, { additionalProperties: false }),
        { maxItems: DISCHARGE_LIMITS.followUps + 10, description: `Follow-up appointments, at most ${DISCHARGE_LIMITS.followUps}` },
      ),
    ),
    socialWorker: ToldSent('the social worker', SOCIAL_WORKER_STATUSES),
    gp: ToldSent('the GP', GP_STATUSES),
    attendees: Type.Optional(
      Type.Array(Type.Object({ name: text(DISCHARGE_LIMITS.name), agency: sentAgency }, { additionalProperties: false }), {
        maxItems: DISCHARGE_LIMITS.attendees + 10,
        description: 'Who took part in planning the discharge (optional)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type DischargePlanRecordBody = Static<typeof DischargePlanRecord>;

const Told = Type.Object({ status: Type.Literal('told'), toldOn: day('When they were told'), toldBy: Type.String() });
const FRAGILE_REASONS: readonly FragileReason[] = ['preterm', 'low-birth-weight', 'neonatal-stay'];
const NOTE_CODES: readonly DischargeNoteCode[] = ['first-visit-late', 'social-worker-told-after-discharge', 'gp-not-yet-told', 'no-follow-up', 'first-visit-not-recorded'];

export const DischargePlan = Type.Object({
  stay: oneOf(STAY_KINDS),
  dischargeOn: day('The day the baby leaves (or left) the unit or ward'),
  firstVisit: Type.Object({ agency, name: Type.String(), by: day('The last day of the first home visit') }),
  feedingAndHandling: Type.Optional(Type.String()),
  followUps: Type.Array(Type.Object({ what: Type.String(), where: Type.String(), on: day('The appointment') })),
  socialWorker: Type.Union([Told, Type.Object({ status: Type.Literal('no-social-worker') })]),
  gp: Type.Union([Told, Type.Object({ status: Type.Literal('not-yet-told') })]),
  attendees: Type.Array(Type.Object({ name: Type.String(), agency })),
  fragile: Type.Array(oneOf(FRAGILE_REASONS), { description: 'Why the baby counted as fragile when the plan was recorded; empty when not' }),
});

const Notes = Type.Array(Type.Object({ code: oneOf(NOTE_CODES), text: Type.String() }), {
  description: 'What is still missing or later than it should be: the first home visit later than 2 working days after the discharge, the social worker told after it, the GP not yet told, no follow-up for a fragile baby, no home visit seeing the baby once the first visit was due',
});

const entryFields = {
  entryId: Type.String({ description: 'The chronology entry (kind discharge-plan) that holds the plan' }),
  recordedOn: day('The day the plan was recorded: the entry’s day'),
  recordedAt: Type.String({ format: 'date-time' }),
  recordedBy: Type.String(),
  agency: Type.String({ description: 'The recorder’s organisation' }),
  summary: Type.String({ description: 'The entry’s summary, in plain words' }),
};

export const RecordedDischargePlan = Type.Object(
  { ...entryFields, plan: DischargePlan, notes: Notes, profileVersion: Type.Integer({ description: 'The profile version the entry made' }) },
  { description: 'A discharge plan as stored' },
);

export const DischargePlanList = Type.Object({
  plans: Type.Array(
    Type.Object({
      ...entryFields,
      plan: Type.Union([DischargePlan, Type.Null()], { description: 'Null for a discharge-plan entry an agency system sent through the events API, which has its summary only' }),
      notes: Notes,
      superseded: Type.Boolean({ description: 'A later plan was recorded for the same stay (same kind, same discharge day)' }),
    }),
    { description: 'The latest stay’s plan first; for one stay, the latest recorded first' },
  ),
});
