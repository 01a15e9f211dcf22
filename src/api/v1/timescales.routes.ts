// GET /api/v1/cases/{caseId}/timescales: the case's clocks on the service's day (issue 13), from
// its chronology, meetings, birth and due date and the area's timescale settings. Read scope; the
// look is audited. Same use case as the meetings page's clocks.
import type { FastifyInstance } from 'fastify';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { viewTimescales } from '../../application/timescales/case-clocks.ts';
import { sendApiError } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { CaseIdParams } from './case.schemas.ts';
import { Timescales } from './meetings.schemas.ts';
import { errorResponses } from './schemas.ts';

export async function timescalesApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  app.get<{ Params: { caseId: string } }>(
    '/cases/:caseId/timescales',
    {
      preHandler: requireBearer,
      schema: {
        tags: ['meetings'],
        security: [{ bearer: [] }],
        summary: 'The statutory clocks around the baby (Working Together 2023 and the area’s pre-birth milestones): each due, due soon, overdue or met (late when after the due day)',
        params: CaseIdParams,
        response: { 200: Timescales, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const result = await viewTimescales(ctx, actorFor(request.user!, 'api', request.ip), request.params.caseId);
      if (!result.ok) return sendApiError(reply, result.code === 'not-found' ? 404 : 403, result.code, result.message);
      return { today: result.value.today, clocks: result.value.clocks };
    },
  );
}
