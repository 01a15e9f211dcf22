// API schemas for supervision of a case (POST and GET /api/v1/cases/{caseId}/supervisions, GET one):
// JSON Schema (TypeBox) that validates the request, types the handler and is published in OpenAPI;
// every test run checks each reply against them.
import { Type, type Static } from 'typebox';
import { PROMPT_IDS, STUCK_ANSWERS } from '../../domain/supervision/supervision-prompts.ts';
import { SUPERVISION_LIMITS } from '../../domain/supervision/supervision.types.ts';
import { oneOf } from './schemas.ts';

const text = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });
const answers = (sent: boolean) =>
  Type.Object(Object.fromEntries(PROMPT_IDS.map((id) => [id, sent ? Type.Optional(text(SUPERVISION_LIMITS.answer)) : Type.String()])), {
    additionalProperties: false,
    description: `The answer to each prompt of reflective supervision: ${PROMPT_IDS.join(', ')}${sent ? ' (422 answer-needed for each left out)' : ''}`,
  });

export const SupervisionRecord = Type.Object(
  {
    heldOn: Type.String({ maxLength: 10, description: 'YYYY-MM-DD in 1900 or later, today or before (422 held-too-early, held-in-future)' }),
    practitionerId: Type.String({ maxLength: 100, description: 'The practitioner supervised: an account in the team around the baby' }),
    supervisorId: Type.String({ maxLength: 100, description: "The supervisor: an account in the practitioner's organisation, not an administrator (403 not-allowed when outside it). The caller is one of the two" }),
    answers: answers(true),
    stuck: Type.String({ maxLength: 20, description: `Is the case stuck: one of ${STUCK_ANSWERS.join(', ')} (422 stuck-needed otherwise)` }),
    analysis: text(SUPERVISION_LIMITS.analysis, 'What the discussion concluded about the risks to the baby'),
    decisions: text(SUPERVISION_LIMITS.decisions, 'The decisions made'),
    actions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            text: text(SUPERVISION_LIMITS.actionText),
            owner: Type.Optional(text(SUPERVISION_LIMITS.owner, 'Who will do it (422 owner-needed when left out)')),
            dueOn: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD in 1900 or later, at most 12 months from today (422 due-date-needed when left out, due-too-early, due-too-far-ahead)' })),
          },
          { additionalProperties: false },
        ),
        { maxItems: SUPERVISION_LIMITS.actions + 10, description: 'Actions agreed: they join the plan, open' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type SupervisionRecordBody = Static<typeof SupervisionRecord>;

export const Supervision = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  heldOn: Type.String({ format: 'date' }),
  practitionerId: Type.String(),
  practitionerName: Type.String(),
  supervisorId: Type.String(),
  supervisorName: Type.String(),
  answers: answers(false),
  stuck: oneOf(STUCK_ANSWERS),
  analysis: Type.String(),
  decisions: Type.String(),
  actions: Type.Array(Type.Object({ text: Type.String(), owner: Type.String(), dueOn: Type.String({ format: 'date' }) })),
  profileVersion: Type.Integer({ description: "The profile's version when it was recorded" }),
  planVersion: Type.Union([Type.Integer(), Type.Null()], { description: "The plan's version its actions joined; null when it agreed none" }),
  recordedAt: Type.String({ format: 'date-time' }),
  recordedBy: Type.String(),
});

export const SupervisionList = Type.Object({
  supervisions: Type.Array(Supervision, { description: 'Those the caller may read (the practitioner, the supervisor, a safeguarding lead), latest held first' }),
  notShown: Type.Integer({ description: "The case's other supervisions, which the caller may not read" }),
});

export const SupervisionParams = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 100 }), supervisionId: Type.String({ minLength: 1, maxLength: 100 }) });
