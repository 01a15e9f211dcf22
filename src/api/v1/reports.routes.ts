// GET /api/v1/reports/cin-census?from=&to=: the Children in Need census return (issue 16) for a
// manager or a safeguarding lead, over the cases their organisation works on: JSON, or the census's
// CSV file when the caller accepts text/csv. 400 invalid-period for a period that ends before it
// starts (or a day that is not real), 403 forbidden (audited) for any other role. Same use case as the
// /reports/cin-census page.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { cinCensusReturn } from '../../application/reports/cin-census.ts';
import { CIN_CENSUS_COLUMNS, cinCensusTable } from '../../domain/reports/cin-census-return.ts';
import { csvText } from '../../domain/reports/csv.ts';
import { PERIOD_PROBLEM_MESSAGES } from '../../domain/reports/report-period.ts';
import { sendApiError } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { CinCensusCsv, CinCensusReturn, PeriodQuery } from './reports.schemas.ts';

const error = { description: 'An error', content: { 'application/json': { schema: Type.Ref('Error') } } };

export async function reportsApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.get<{ Querystring: { from: string; to: string } }>(
    '/reports/cin-census',
    {
      preHandler: requireBearer,
      schema: {
        tags: ['reports'],
        security: [{ bearer: [] }],
        summary: 'The Children in Need census return for a period: JSON, or the census’s CSV file with Accept: text/csv. For managers and safeguarding leads, over their organisation’s cases',
        querystring: PeriodQuery,
        response: {
          200: { description: 'The return', content: { 'application/json': { schema: CinCensusReturn }, 'text/csv': { schema: CinCensusCsv } } },
          400: error,
          401: error,
          403: error,
        },
      },
    },
    async (request, reply) => {
      const csv = (request.headers.accept ?? '').includes('text/csv');
      const result = await cinCensusReturn(ctx, actor(request), request.query, csv ? 'csv' : 'json');
      if (!result.ok && result.code === 'forbidden') return sendApiError(reply, 403, 'forbidden', result.message);
      if (!result.ok) return sendApiError(reply, 400, 'invalid-period', result.message, result.problems.map((p) => ({ path: `/${p.field}`, message: PERIOD_PROBLEM_MESSAGES[p.code] })));
      const { period, rows } = result.value;
      if (csv) {
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="cin-census-${period.from}-to-${period.to}.csv"`)
          .send(csvText(cinCensusTable(rows)));
      }
      return reply.type('application/json; charset=utf-8').send({
        from: period.from,
        to: period.to,
        columns: [...CIN_CENSUS_COLUMNS],
        rows: rows.map((row) => ({
          LAchildID: row.caseId,
          CINreferralDate: row.referralDate,
          ReferralSource: row.referralSource,
          AssessmentAuthorisationDate: row.assessmentCompletedOn,
          AssessmentFactors: row.factors,
          factorsToConfirm: row.toConfirm,
          CPPstartDate: row.plan?.startedOn ?? null,
          CPPendDate: row.plan?.endedOn ?? null,
          InitialCategoryOfAbuse: row.plan?.initialCategory ?? null,
          LatestCategoryOfAbuse: row.plan?.latestCategory ?? null,
        })),
      });
    },
  );
}
