// API schemas for the plan around the baby (GET and PUT /api/v1/cases/{caseId}/plan): JSON Schema
// (TypeBox) that validates the request, types the handler and is published in OpenAPI; every test run
// checks each reply against them. Every field the GET returns may be sent back with PUT: those the
// server works out itself (suggested, overdue, recordedAt, recordedBy) are accepted and ignored, so
// a client can read the plan, change it and send it back whole.
import { Type, type Static } from 'typebox';
import { MEETING_KINDS } from '../../domain/meetings/meeting.types.ts';
import { ACTION_STATUSES, CHECK_FREQUENCIES, PLAN_LIMITS } from '../../domain/plan/plan.types.ts';
import { VISIT_STATUSES } from '../../domain/plan/visiting-pattern.ts';
import { CASE_LEVEL_IDS } from '../../domain/shared/case-levels.ts';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../domain/shared/organisation-kinds.ts';
import { FactorIdSchema } from './profile.schemas.ts';
import { oneOf } from './schemas.ts';

const day = (description: string) => Type.String({ format: 'date', description });
const id = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });
const level = oneOf(CASE_LEVEL_IDS, { description: 'The level of support the plan serves' });
const organisationKind = oneOf(Object.keys(ORGANISATION_KINDS) as OrganisationKind[]);
const checkedByDescription = 'The kinds of agency that check it; empty (or left out) means any visitor';
const frequency = oneOf(CHECK_FREQUENCIES, { description: 'How often it is checked' });
const status = oneOf(ACTION_STATUSES, { description: 'open, done, or dropped (with droppedReason)' });
const ignored = (what: string) => `${what} Worked out by the server: accepted and ignored on PUT.`;

export const CheckItem = Type.Object({
  id: Type.Optional(id('The item’s id, kept from version to version; left out only on a suggested item, which is not in the plan yet')),
  text: Type.String({ description: 'What is checked, in plain words: "Where the baby sleeps"' }),
  question: Type.String({ description: 'The question to ask or the thing to look at, for a visitor with no safeguarding training' }),
  factorId: Type.Optional(FactorIdSchema),
  personId: Type.Optional(Type.String({ description: 'The adult it is about' })),
  checkedBy: Type.Array(organisationKind, { description: checkedByDescription }),
  frequency,
  since: day('Checked since this day'),
  suggested: Type.Optional(Type.Boolean({ description: ignored('True on an item the profile suggests for a case with no plan yet (version 0).') })),
});

export const ActionOwner = Type.Object({
  userId: Type.Optional(Type.String({ description: 'The account of the owner, for someone in the service' })),
  name: Type.Optional(Type.String({ description: 'The name of the owner, for someone outside the service' })),
});

export const ActionMeeting = Type.Object(
  {
    id: Type.String({ description: 'The meeting’s id (GET /cases/{caseId}/meetings)' }),
    kind: oneOf(MEETING_KINDS, { description: 'What kind of meeting it was' }),
    heldOn: day('The day it was held'),
  },
  { description: 'The professionals’ meeting that agreed the action: every meeting’s actions join the plan as open actions; left out for an action added to the plan itself' },
);

export const PlanAction = Type.Object({
  id: id('The action’s id, kept from version to version'),
  text: Type.String(),
  owner: ActionOwner,
  dueOn: day('When it is due'),
  status,
  droppedReason: Type.Optional(Type.String({ description: 'Why it was dropped; only on a dropped action' })),
  fromMeeting: Type.Optional(ActionMeeting),
  overdue: Type.Boolean({ description: ignored('Open and past its due date, on the service’s day (London).') }),
});

const visitFields = {
  agencyKind: oneOf(Object.keys(ORGANISATION_KINDS) as OrganisationKind[], { description: 'The kind of agency whose visits keep it: home visits, clinic contacts and GP consultations it records' }),
  who: Type.Optional(Type.String({ maxLength: PLAN_LIMITS.who, description: 'Who visits, in words: a name or a role' })),
  everyDays: Type.Integer({ minimum: 1, maximum: PLAN_LIMITS.everyDays, description: 'Every so many days: 7 weekly, 14 fortnightly, 28 four-weekly' }),
  babySeen: Type.Boolean({ description: 'The baby must be seen at each visit, not only the parent: a contact that does not record the baby as seen does not keep it' }),
};

export const VisitState = Type.Object(
  {
    lastVisitOn: Type.Union([day('The last visit that kept it'), Type.Null()], { description: 'The last visit that kept it; null before any' }),
    lastVisitBy: Type.Union([Type.String(), Type.Null()], { description: 'Who recorded that visit, and for which agency; null before any' }),
    nextDueOn: day('When the next visit is due: everyDays after the last visit, or after since before any'),
    status: oneOf(VISIT_STATUSES, { description: 'On the service’s day (London): kept (not due yet), due (today), overdue, or not-started (since is after today)' }),
    overdueDays: Type.Integer({ minimum: 0, description: 'Days past nextDueOn; 0 unless overdue' }),
    missed: Type.Integer({ minimum: 0, description: 'How many times it was not kept since since: each stretch between visits (or from since, or to today) longer than everyDays' }),
  },
  { description: ignored('Whether it was kept, from the chronology; on GET only.') },
);

export const VisitCommitment = Type.Object({
  id: id('The commitment’s id, kept from version to version'),
  ...visitFields,
  since: day('Kept since this day'),
  state: Type.Optional(VisitState),
});

export const PlanResponse = Type.Object(
  {
    version: Type.Integer({
      minimum: 0,
      description:
        'The plan’s version, to send back with PUT. 0 when the case has no plan yet: then the level is the case’s, and checkItems are the ones the current profile suggests (suggested: true, no id), for a client to offer, change and PUT as the first plan',
    }),
    level,
    outcomes: Type.Array(Type.String(), { description: 'The outcomes wanted for the baby, in plain words' }),
    checkItems: Type.Array(CheckItem),
    actions: Type.Array(PlanAction),
    visits: Type.Array(VisitCommitment, { description: 'The visiting pattern: who sees the baby how often; on GET each with its state' }),
    recordedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: ignored('When this version was saved; null at version 0.') }),
    recordedBy: Type.Union([Type.String(), Type.Null()], { description: ignored('Who saved this version; null at version 0.') }),
  },
  { description: 'The multi-agency plan around the baby: one current plan per case, every change a new version' },
);

const text = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });

export const PlanUpdate = Type.Object(
  {
    version: Type.Integer({ minimum: 0, description: 'The version you read (0 for a case with no plan): 409 stale when the plan has changed since' }),
    level,
    outcomes: Type.Array(text(PLAN_LIMITS.outcome), { maxItems: PLAN_LIMITS.outcomes }),
    checkItems: Type.Array(
      Type.Object(
        {
          id: Type.Optional(id('Leave it out for a new item; an item of the plan left out of the list is no longer checked')),
          text: text(PLAN_LIMITS.text),
          question: Type.Optional(text(PLAN_LIMITS.question, 'The question to ask; the text when left out')),
          factorId: Type.Optional(Type.String({ maxLength: 100, description: 'A factor id from the profile catalogue (422 unknown-factor otherwise)' })),
          personId: Type.Optional(Type.String({ maxLength: 100, description: 'Someone in the record (422 unknown-person otherwise)' })),
          checkedBy: Type.Optional(Type.Array(organisationKind, { maxItems: Object.keys(ORGANISATION_KINDS).length, description: checkedByDescription })),
          frequency,
          since: Type.Optional(day('Checked since this day: for a new item today, for an item of the plan the day it had, when left out')),
          suggested: Type.Optional(Type.Boolean({ description: 'Ignored' })),
        },
        { additionalProperties: false },
      ),
      { maxItems: PLAN_LIMITS.checkItems },
    ),
    actions: Type.Array(
      Type.Object(
        {
          id: Type.Optional(id('Leave it out for a new action. Every action of the plan must be sent: an action is marked done or dropped, never removed (422 action-removed)')),
          text: text(PLAN_LIMITS.text),
          owner: Type.Optional(
            Type.Object(
              { userId: Type.Optional(Type.String({ maxLength: 100 })), name: Type.Optional(text(PLAN_LIMITS.ownerName)) },
              { additionalProperties: false, description: 'userId for someone with an account (which wins when both are sent), or name for someone outside the service; 422 owner-needed when neither' },
            ),
          ),
          dueOn: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD; 422 due-date-needed when left out; a day sent anew is in 1900 or later and at most 12 months from today (422 due-date-too-early, due-date-too-far-ahead), and for an open action not before today (422 due-date-in-past; an action already on the plan keeps its day)' })),
          status,
          droppedReason: Type.Optional(text(PLAN_LIMITS.droppedReason, 'Needed when dropped (422 dropped-reason-needed); ignored otherwise')),
          overdue: Type.Optional(Type.Boolean({ description: 'Ignored' })),
          fromMeeting: Type.Optional(Type.Object({ id: Type.String({ maxLength: 100 }), kind: Type.String({ maxLength: 60 }), heldOn: Type.String({ maxLength: 10 }) }, { additionalProperties: false, description: 'Ignored: an action keeps the meeting that agreed it' })),
        },
        { additionalProperties: false },
      ),
      { maxItems: PLAN_LIMITS.actions },
    ),
    visits: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Type.Optional(id('Leave it out for a new commitment; a commitment of the plan left out of the list is taken off')),
            ...visitFields,
            since: Type.Optional(day('Kept since this day: for a new commitment today, for one of the plan the day it had, when left out')),
            state: Type.Optional(Type.Object(VisitState.properties, { additionalProperties: false, description: 'Ignored: worked out by the server' })),
          },
          { additionalProperties: false },
        ),
        {
          maxItems: PLAN_LIMITS.visits,
          description: 'The visiting pattern, whole. Left out, the plan keeps the commitments it has (a client that does not know them does not wipe them); an empty list takes them all off',
        },
      ),
    ),
    recordedAt: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Ignored' })),
    recordedBy: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Ignored' })),
  },
  { additionalProperties: false },
);
export type PlanUpdateBody = Static<typeof PlanUpdate>;
