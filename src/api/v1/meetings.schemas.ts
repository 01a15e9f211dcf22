// API schemas for professionals' meetings (POST and GET /api/v1/cases/{caseId}/meetings) and the
// clocks (GET /api/v1/cases/{caseId}/timescales): JSON Schema (TypeBox) that validates the request,
// types the handler and is published in OpenAPI; every test run checks each reply against them.
import { Type, type Static } from 'typebox';
import { ABUSE_CATEGORIES, MEETING_KINDS, MEETING_LIMITS } from '../../domain/meetings/meeting.types.ts';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../domain/shared/organisation-kinds.ts';
import { CLOCK_IDS, type ClockStatus, type ClockStop } from '../../domain/timescales/clocks.ts';
import { oneOf } from './schemas.ts';

const day = (description: string) => Type.String({ format: 'date', description });
const agency = oneOf(Object.keys(ORGANISATION_KINDS) as OrganisationKind[], { description: 'The kind of agency the person was there for' });
const kind = oneOf(MEETING_KINDS, { description: 'What kind of meeting it was' });
const text = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });

const PersonSent = Type.Object({ name: text(MEETING_LIMITS.name), agency: Type.String({ maxLength: 100, description: 'An organisation kind (422 unknown-agency otherwise)' }) }, { additionalProperties: false });
const Person = Type.Object({ name: Type.String(), agency });

export const MeetingRecord = Type.Object(
  {
    kind: Type.String({ maxLength: 100, description: `One of ${MEETING_KINDS.join(', ')} (422 unknown-kind otherwise)` }),
    heldOn: Type.String({ maxLength: 10, description: 'YYYY-MM-DD in 1900 or later, today or before: a meeting in the future has not been held (422 held-too-early, held-in-future)' }),
    chair: text(MEETING_LIMITS.chair, 'Who chaired it'),
    chairIndependent: Type.Optional(Type.Boolean({ description: 'Whether the chair was independent of the case (or senior to those working with the family)' })),
    parentsPresent: Type.Boolean({ description: "Whether the parents were present; never at a professionals' meeting (422 parents-at-professionals-meeting)" }),
    attendees: Type.Array(PersonSent, { maxItems: MEETING_LIMITS.people + 10, description: 'Who attended, each for an agency; at least one' }),
    invitedAbsent: Type.Optional(Type.Array(PersonSent, { maxItems: MEETING_LIMITS.people + 10, description: 'Who was invited and did not attend' })),
    decisions: Type.Array(text(MEETING_LIMITS.decision), { maxItems: MEETING_LIMITS.decisions + 10, description: 'The decisions, in plain words; at least one' }),
    dissent: Type.Optional(text(MEETING_LIMITS.dissent, 'Dissenting views, recorded as such')),
    actions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            text: text(MEETING_LIMITS.actionText),
            owner: Type.Optional(text(MEETING_LIMITS.owner, 'Who will do it (422 owner-needed when left out)')),
            dueOn: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD in 1900 or later, at most 12 months from today (422 due-date-needed when left out, due-too-early, due-too-far-ahead)' })),
          },
          { additionalProperties: false },
        ),
        { maxItems: MEETING_LIMITS.actions + 10 },
      ),
    ),
    section47: Type.Optional(Type.Boolean({ description: 'A strategy discussion only: whether it started enquiries under section 47 (not known counts as started)' })),
    protectionPlan: Type.Optional(Type.Boolean({ description: 'A conference only: whether the baby has a child protection plan after it (not known counts as a plan)' })),
    abuseCategory: Type.Optional(
      Type.String({ maxLength: 10, description: `A conference that makes or keeps a plan only: the plan's category of abuse as the Children in Need census codes it, one of ${ABUSE_CATEGORIES.join(', ')} (422 unknown-abuse-category, or category-only-plan for another meeting or a conference that ended the plan)` }),
    ),
  },
  { additionalProperties: false },
);
export type MeetingRecordBody = Static<typeof MeetingRecord>;

export const Meeting = Type.Object(
  {
    id: Type.String(),
    kind,
    label: Type.String({ description: 'The kind in plain words' }),
    heldOn: day('The day it was held'),
    chair: Type.String(),
    chairIndependent: Type.Optional(Type.Boolean()),
    parentsPresent: Type.Boolean(),
    attendees: Type.Array(Person),
    invitedAbsent: Type.Array(Person),
    decisions: Type.Array(Type.String()),
    dissent: Type.Optional(Type.String()),
    actions: Type.Array(Type.Object({ text: Type.String(), owner: Type.String(), dueOn: day('When it is due') })),
    section47: Type.Optional(Type.Boolean()),
    protectionPlan: Type.Optional(Type.Boolean()),
    abuseCategory: Type.Optional(oneOf(ABUSE_CATEGORIES, { description: "The plan's category of abuse (census codes)" })),
    observations: Type.Array(Type.Object({ id: Type.String(), text: Type.String() }), { description: 'What the service notes about it: no health agency attended, the GP not invited or absent, a conference chair not independent' }),
    recordedAt: Type.String({ format: 'date-time' }),
    recordedBy: Type.String(),
  },
  { description: "A professionals' meeting about the baby" },
);

export const MeetingList = Type.Object({ meetings: Type.Array(Meeting, { description: 'Latest held first' }) });

const CLOCK_STATUSES: readonly ClockStatus[] = ['due', 'due-soon', 'overdue', 'met'];
const CLOCK_STOPS: readonly ClockStop[] = ['referral-decision', 'assessment', 'strategy-discussion', 'initial-conference', 'pre-birth-conference', 'review-conference', 'core-group'];

export const Timescales = Type.Object({
  today: day('The service’s day (London) the clocks are counted on'),
  clocks: Type.Array(
    Type.Object({
      id: oneOf(CLOCK_IDS, { description: 'Stable: at most one clock of each id, its latest run' }),
      label: Type.String({ description: 'What has to happen, in plain words' }),
      timescale: Type.String({ description: 'By when, in words' }),
      startedOn: day('The day the event that started it happened'),
      dueOn: day('The last day it is in time'),
      status: oneOf(CLOCK_STATUSES, { description: 'due; due-soon (within the area’s notice of working days); overdue (the due day has passed); met' }),
      metOn: Type.Optional(day('When met: the day it was met')),
      metBy: Type.Optional(oneOf(CLOCK_STOPS, { description: 'When met: what met it' })),
      late: Type.Optional(Type.Boolean({ description: 'When met: true if met after the due day' })),
    }),
    { description: 'The clocks started by today, in a fixed order' },
  ),
});
