// POST /api/v1/cases/{caseId}/events/{eventId}/disputes: a person's dispute of a recorded fact
// (issue 21), recorded by someone in the team beside the entry, never replacing it. 201 with the
// dispute and the profile version it made; 404 for a case or entry not there, 403 for a caller not in
// the team, 422 invalid-dispute naming each problem by its path. GET .../events lists each entry's
// disputes. Same use case as the entry page's form.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { recordDispute } from '../../application/chronology/record-dispute.ts';
import { DISPUTE_LIMITS, DISPUTE_PROBLEM_MESSAGES } from '../../domain/chronology/dispute-rules.ts';
import { sendApiError, sendCaseChangeRefusal } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { RecordedDispute } from './chronology.schemas.ts';
import { errorResponses } from './schemas.ts';

const Params = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 100 }), eventId: Type.String({ minLength: 1, maxLength: 100 }) });

export const DisputeBody = Type.Object(
  {
    disputedBy: Type.String({ minLength: 1, maxLength: DISPUTE_LIMITS.disputedBy, description: 'Who disputes the entry, in words ("the mother, Jo Smith")' }),
    text: Type.String({ minLength: 1, maxLength: DISPUTE_LIMITS.text, description: 'What they say is wrong, in their words' }),
  },
  { additionalProperties: false },
);

export async function disputeApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  app.post<{ Params: Static<typeof Params>; Body: Static<typeof DisputeBody> }>(
    '/cases/:caseId/events/:eventId/disputes',
    {
      preHandler: requireBearer,
      schema: {
        tags: ['chronology'],
        security: [{ bearer: [] }],
        summary: 'Record a person’s dispute of a chronology entry, beside it (never replacing it): 201 with the dispute. The profile reads the disputed entry as conflicting information. 422 invalid-dispute names each problem by its path',
        params: Params,
        body: DisputeBody,
        response: { 201: RecordedDispute, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { caseId, eventId } = request.params;
      const result = await recordDispute(ctx, actorFor(request.user!, 'api', request.ip), caseId, eventId, request.body);
      if (result.ok) return reply.code(201).send({ ...result.dispute, entryId: eventId, profileVersion: result.profileVersion });
      if (result.code === 'entry-not-found') return sendApiError(reply, 404, 'not-found', result.message);
      if (result.code !== 'invalid') return sendCaseChangeRefusal(reply, result);
      return sendApiError(
        reply,
        422,
        'invalid-dispute',
        result.message,
        result.problems.map((p) => ({ path: p.path, message: DISPUTE_PROBLEM_MESSAGES[p.code] })),
      );
    },
  );
}
