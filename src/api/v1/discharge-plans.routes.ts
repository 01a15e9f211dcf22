// POST and GET /api/v1/cases/{caseId}/discharge-plans: discharge plans for agency systems (issue 13,
// docs/domain.md "Discharge plan"). POST needs the write scope and answers 201 with the plan as
// stored and its chronology entry's id (422 invalid-discharge-plan with a path per problem); GET
// needs read and lists them from the chronology, the latest stay first. Same use cases as the page.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { listDischargePlans } from '../../application/discharge/list-discharge-plans.ts';
import { recordDischargePlan } from '../../application/discharge/record-discharge-plan.ts';
import { DISCHARGE_PROBLEM_MESSAGES } from '../../domain/discharge/discharge-plan-rules.ts';
import type { DischargePlanDraft } from '../../domain/discharge/discharge-plan.types.ts';
import { sendApiError, sendCaseChangeRefusal } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { CaseIdParams } from './case.schemas.ts';
import { DischargePlanList, DischargePlanRecord, RecordedDischargePlan, type DischargePlanRecordBody } from './discharge-plans.schemas.ts';
import { errorResponses } from './schemas.ts';

const common = { tags: ['discharge plans'], security: [{ bearer: [] }] };

function draftFrom(body: DischargePlanRecordBody): DischargePlanDraft {
  return {
    stay: body.stay,
    dischargeOn: body.dischargeOn,
    firstVisit: body.firstVisit,
    ...(body.feedingAndHandling !== undefined ? { feedingAndHandling: body.feedingAndHandling } : {}),
    ...(body.followUps !== undefined ? { followUps: body.followUps } : {}),
    socialWorker: body.socialWorker,
    gp: body.gp,
    ...(body.attendees !== undefined ? { attendees: body.attendees } : {}),
  };
}

export async function dischargePlanApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.get<{ Params: { caseId: string } }>(
    '/cases/:caseId/discharge-plans',
    { preHandler: requireBearer, schema: { ...common, summary: "The baby's discharge plans from the chronology, the latest stay first, each with what is still missing", params: CaseIdParams, response: { 200: DischargePlanList, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      const result = await listDischargePlans(ctx, actor(request), request.params.caseId);
      if (!result.ok) return sendApiError(reply, result.code === 'not-found' ? 404 : 403, result.code, result.message);
      return { plans: result.value.plans };
    },
  );

  app.post<{ Params: { caseId: string }; Body: DischargePlanRecordBody }>(
    '/cases/:caseId/discharge-plans',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary:
          'Record a discharge plan for a baby leaving a neonatal unit or a hospital stay: 201 with the plan as stored and the id of its chronology entry (kind discharge-plan). 422 invalid-discharge-plan names each problem by its path (a discharge before the birth, no feeding and handling advice for a fragile baby, the social worker not told while the team has one)',
        params: CaseIdParams,
        body: DischargePlanRecord,
        response: { 201: RecordedDischargePlan, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const result = await recordDischargePlan(ctx, actor(request), request.params.caseId, draftFrom(request.body));
      if (result.ok) return reply.code(201).send(result.value);
      if (result.code === 'invalid') return sendApiError(reply, 422, 'invalid-discharge-plan', result.message, result.problems.map((p) => ({ path: p.path, message: DISCHARGE_PROBLEM_MESSAGES[p.code] })));
      return sendCaseChangeRefusal(reply, result);
    },
  );
}
