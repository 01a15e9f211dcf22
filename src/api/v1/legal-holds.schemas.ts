// API schemas for legal holds on a case (issue 21): POST /api/v1/cases/{caseId}/holds and DELETE
// /api/v1/cases/{caseId}/holds/{holdId}. JSON Schema (TypeBox) that validates the request, types the
// handler and is published in OpenAPI; every test run checks each reply against them.
import { Type, type Static } from 'typebox';
import { HOLD_REASON_MAX } from '../../domain/retention/legal-holds.ts';

export const HoldSent = Type.Object(
  {
    reason: Type.String({ maxLength: HOLD_REASON_MAX, description: 'Why the record is held: the review, inquiry or claim, and who asked for it to be kept (422 invalid-hold when empty)' }),
  },
  { additionalProperties: false },
);
export type HoldSentBody = Static<typeof HoldSent>;

export const HoldParams = Type.Object({
  caseId: Type.String({ maxLength: 100 }),
  holdId: Type.String({ maxLength: 100 }),
});

export const HoldCreated = Type.Object({ id: Type.String({ description: 'The hold’s id, to lift it' }) }, { additionalProperties: false });

export const HoldLifted = Type.Object({ id: Type.String(), liftedAt: Type.String({ format: 'date-time' }) }, { additionalProperties: false });
