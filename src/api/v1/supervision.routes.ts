// POST and GET /api/v1/cases/{caseId}/supervisions and GET .../supervisions/{supervisionId}:
// supervision of a case (issue 16) for other systems. POST needs the write scope and answers 201
// with the supervision as stored (422 invalid-supervision with a path per problem; 403 not-allowed
// for a supervisor outside the practitioner's organisation or a caller who took no part); the GETs
// need read and show only what the caller may read. Same use cases as the supervision pages.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { recordSupervision } from '../../application/supervision/record-supervision.ts';
import { viewSupervision } from '../../application/supervision/view-supervision.ts';
import { viewSupervisions } from '../../application/supervision/view-supervisions.ts';
import { REFUSAL_CODES, SUPERVISION_PROBLEM_MESSAGES } from '../../domain/supervision/supervision-rules.ts';
import { sendApiError } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { CaseIdParams } from './case.schemas.ts';
import { errorResponses } from './schemas.ts';
import { Supervision, SupervisionList, SupervisionParams, SupervisionRecord, type SupervisionRecordBody } from './supervision.schemas.ts';

const common = { tags: ['supervision'], security: [{ bearer: [] }] };

export async function supervisionApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);
  const codeOf = (code: 'not-found' | 'forbidden') => (code === 'not-found' ? 404 : 403);

  app.get<{ Params: { caseId: string } }>(
    '/cases/:caseId/supervisions',
    { preHandler: requireBearer, schema: { ...common, summary: 'The supervisions of the case the caller may read, latest held first, and how many others there are', params: CaseIdParams, response: { 200: SupervisionList, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      const result = await viewSupervisions(ctx, actor(request), request.params.caseId);
      if (!result.ok) return sendApiError(reply, codeOf(result.code), result.code, result.message);
      return { supervisions: result.value.supervisions, notShown: result.value.notShown };
    },
  );

  app.get<{ Params: { caseId: string; supervisionId: string } }>(
    '/cases/:caseId/supervisions/:supervisionId',
    { preHandler: requireBearer, schema: { ...common, summary: 'One supervision: only for the practitioner, the supervisor and a safeguarding lead', params: SupervisionParams, response: { 200: Supervision, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      const result = await viewSupervision(ctx, actor(request), request.params.caseId, request.params.supervisionId);
      if (!result.ok) return sendApiError(reply, codeOf(result.code), result.code, result.message);
      return result.value.supervision;
    },
  );

  app.post<{ Params: { caseId: string }; Body: SupervisionRecordBody }>(
    '/cases/:caseId/supervisions',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'Record a supervision discussion: 201 with it as stored, its actions joined to the plan. 422 invalid-supervision names each problem by its path; 403 not-allowed for a supervisor outside the practitioner’s organisation or a caller who took no part',
        params: CaseIdParams,
        body: SupervisionRecord,
        response: { 201: Supervision, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const result = await recordSupervision(ctx, actor(request), request.params.caseId, request.body);
      if (result.ok) return reply.code(201).send(result.value);
      if (result.code !== 'invalid') return sendApiError(reply, codeOf(result.code), result.code, result.message);
      const problems = result.problems.map((p) => ({ path: p.path, message: SUPERVISION_PROBLEM_MESSAGES[p.code] }));
      const refusal = result.problems.find((p) => REFUSAL_CODES.includes(p.code));
      if (refusal) return sendApiError(reply, 403, 'not-allowed', SUPERVISION_PROBLEM_MESSAGES[refusal.code], problems);
      return sendApiError(reply, 422, 'invalid-supervision', result.message, problems);
    },
  );
}
