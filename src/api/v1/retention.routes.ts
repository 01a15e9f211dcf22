// GET /api/v1/cases/{caseId}/retention (issue 21): the case's disposal date under the area's retention
// schedule, the rule and why, whether it is due, and every legal hold that reaches it. For anyone who
// may read the case; the look is audited (legal-hold.list), a refusal too. Same use case as the
// case's retention page (/cases/{caseId}/holds).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { viewCaseHolds } from '../../application/retention/legal-holds.ts';
import { RETENTION_RULES } from '../../domain/retention/retention-schedule.ts';
import { sendCaseChangeRefusal } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { CaseIdParams } from './case.schemas.ts';
import { CaseRetentionResponse } from './retention.schemas.ts';
import { errorResponses } from './schemas.ts';

export async function retentionApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.get<{ Params: Static<typeof CaseIdParams> }>(
    '/cases/:caseId/retention',
    {
      preHandler: requireBearer,
      schema: {
        tags: ['retention'],
        security: [{ bearer: [] }],
        summary: 'The case’s disposal date and why (the rule of the area’s retention schedule), whether it is due, and every legal hold that reaches it',
        params: CaseIdParams,
        response: { 200: CaseRetentionResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply): Promise<Static<typeof CaseRetentionResponse> | undefined> => {
      const result = await viewCaseHolds(ctx, actor(request), request.params.caseId);
      if (!result.ok) return sendCaseChangeRefusal(reply, result);
      const { caseId, today, retention } = result.value;
      const { disposal, holds } = retention;
      const inForce = new Set(disposal.holds.map((hold) => hold.id));
      return {
        caseId,
        today,
        disposeOn: disposal.disposeOn,
        rule: disposal.rule,
        ruleLabel: RETENTION_RULES[disposal.rule].label,
        untilAge: disposal.untilAge,
        reckonedFrom: disposal.reckonedFrom,
        because: disposal.because,
        due: disposal.due,
        holds: holds.map((hold) => ({
          id: hold.id,
          reason: hold.reason,
          scope: hold.caseId === null ? 'rule' : 'case',
          inForce: inForce.has(hold.id),
          setAt: hold.setAt.toISOString(),
          setByName: hold.setByName,
          liftedAt: hold.liftedAt?.toISOString() ?? null,
          liftedByName: hold.liftedByName,
        })),
      };
    },
  );
}
