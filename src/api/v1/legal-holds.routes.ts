// POST /api/v1/cases/{caseId}/holds and DELETE /api/v1/cases/{caseId}/holds/{holdId} (issue 21): a
// legal hold on one case, set and lifted by a safeguarding lead or manager who may change the case,
// with the write scope. POST answers 201 { id } (422 invalid-hold without a reason); DELETE lifts it
// and answers 200 { id, liftedAt } (404 no such hold on this case, 409 already-lifted). A practitioner, or anyone
// outside the case, is refused (403), audited. Same use cases as the holds page.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { liftCaseHold, placeCaseHold } from '../../application/retention/legal-holds.ts';
import { sendApiError } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { CaseIdParams } from './case.schemas.ts';
import { HoldCreated, HoldLifted, HoldParams, HoldSent, type HoldSentBody } from './legal-holds.schemas.ts';
import { errorResponses } from './schemas.ts';

const common = { tags: ['retention'], security: [{ bearer: [] }] };

export async function legalHoldApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.post<{ Params: { caseId: string }; Body: HoldSentBody }>(
    '/cases/:caseId/holds',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'Set a legal hold on the case (a child safeguarding practice review, an inquiry, litigation): the record is not disposed of until it is lifted. For a safeguarding lead or manager who may change the case: 201 with the hold’s id',
        params: CaseIdParams,
        body: HoldSent,
        response: { 201: HoldCreated, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const result = await placeCaseHold(ctx, actor(request), request.params.caseId, request.body.reason);
      if (result.ok) return reply.code(201).send(result.value);
      if (result.code === 'invalid') return sendApiError(reply, 422, 'invalid-hold', result.message, result.problems.map((p) => ({ path: `/${p.field}`, message: p.message })));
      return sendApiError(reply, result.code === 'not-found' ? 404 : result.code === 'conflict' ? 409 : 403, result.code, result.message);
    },
  );

  app.delete<{ Params: { caseId: string; holdId: string } }>(
    '/cases/:caseId/holds/:holdId',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'Lift a legal hold on the case: it is kept, as lifted, with who lifted it and when. 200 with when; 404 when the case has no such hold, 409 already-lifted',
        params: HoldParams,
        response: { 200: HoldLifted, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await liftCaseHold(ctx, actor(request), request.params.caseId, request.params.holdId);
      if (result.ok) return { id: result.value.id, liftedAt: result.value.liftedAt.toISOString() };
      return sendApiError(reply, result.code === 'not-found' ? 404 : result.code === 'conflict' ? 409 : 403, result.code === 'conflict' ? 'already-lifted' : result.code, result.message);
    },
  );
}
