// GET /api/v1/dashboards/{name} (issue 16): a dashboard's counts for other systems, limited by the
// caller's role as the pages are: the organisation's for a manager or a safeguarding lead, the
// partnership's for an account an administrator granted it (403 not-allowed otherwise, audited).
// Counts only, by organisation, team (ADR 0019) and practitioner: no case is named. Same use case as the dashboard pages.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { viewDashboard } from '../../application/dashboards/view-dashboard.ts';
import type { DashboardName } from '../../domain/dashboards/dashboard-access.ts';
import { sendApiError } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { Dashboard, DashboardParams } from './dashboards.schemas.ts';
import { errorResponses } from './schemas.ts';

export async function dashboardsApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.get<{ Params: { name: DashboardName } }>(
    '/dashboards/:name',
    {
      preHandler: requireBearer,
      schema: {
        tags: ['dashboards'],
        security: [{ bearer: [] }],
        summary: 'A dashboard’s counts: organisation (managers and safeguarding leads) or partnership (accounts granted the partnership view); 403 not-allowed otherwise',
        params: DashboardParams,
        response: { 200: Dashboard, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const result = await viewDashboard(ctx, actor(request), request.params.name);
      if (!result.ok) return sendApiError(reply, 403, 'not-allowed', result.message);
      const { name, today, dashboards, openable, counts } = result.value;
      return { name, today, dashboards, openable, ...counts };
    },
  );
}
