// The partnership's reports (issue 16), for managers and safeguarding leads over the cases their
// organisation works on: /reports?from=&to= shows each report a partnership asks for as a table, and
// /reports/<name>.csv each as a file; /reports/cin-census?from=&to= is the Children in Need census
// return for a period as a table, /reports/cin-census.csv the same as the census's file. Without a period the page
// shows the census year so far; a period that ends before it starts is a 400 with the error summary,
// what was typed kept. Anyone else gets the 403 page, the refusal audited by the use case.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { cinCensusReturn } from '../../../application/reports/cin-census.ts';
import { partnershipReports, REPORT_NAMES } from '../../../application/reports/partnership-reports.ts';
import { cinCensusTable } from '../../../domain/reports/cin-census-return.ts';
import { csvText } from '../../../domain/reports/csv.ts';
import { censusYearSoFar, PERIOD_PROBLEM_MESSAGES, type PeriodProblem } from '../../../domain/reports/report-period.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import { formErrors } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/sessions.ts';
import { periodInWords, presentCensus } from './cin-census.presenter.ts';
import { reportTables } from './partnership-reports.presenter.ts';

type PeriodQuery = { Querystring: { from?: unknown; to?: unknown } };
type PeriodRequest = FastifyRequest<PeriodQuery>;

// As typed, however long: the period comes back on the page whole (a day that cannot be read is refused, named).
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The period asked for; the census year so far when neither day is given. */
function askedPeriod(request: PeriodRequest, today: string): { from?: string; to?: string } {
  const from = text(request.query.from);
  const to = text(request.query.to);
  return from === undefined && to === undefined ? censusYearSoFar(today) : { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

const periodErrors = (problems: readonly PeriodProblem[]) => formErrors(Object.fromEntries(problems.map((p) => [p.field, PERIOD_PROBLEM_MESSAGES[p.code]])));

export async function reportsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);
  const today = () => serviceToday(ctx.clock.now());

  app.get<PeriodQuery>('/reports', { preHandler: requireUser }, async (request, reply) => {
    const asked = askedPeriod(request, today());
    const result = await partnershipReports(ctx, actor(request), asked, 'page');
    if (!result.ok && result.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
    const page = { title: 'Reports', values: { from: asked.from ?? '', to: asked.to ?? '' } };
    if (!result.ok) return reply.page('reports/reports.njk', { ...page, ...periodErrors(result.problems) }, 400);
    return reply.page('reports/reports.njk', { ...page, fieldErrors: {}, periodWords: periodInWords(result.value.period), tables: reportTables(result.value) });
  });

  for (const name of REPORT_NAMES) {
    app.get<PeriodQuery>(`/reports/${name}.csv`, { preHandler: requireUser }, async (request, reply) => {
      const result = await partnershipReports(ctx, actor(request), askedPeriod(request, today()), name);
      if (!result.ok) return sendErrorPage(reply, result.code === 'forbidden' ? 'forbidden' : 'bad-request');
      const table = reportTables(result.value).find((t) => t.name === name)!;
      const { period } = result.value;
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${name}-${period.from}-to-${period.to}.csv"`)
        .send(csvText([table.headers, ...table.rows.map((row) => row.cells)]));
    });
  }

  app.get<PeriodQuery>('/reports/cin-census', { preHandler: requireUser }, async (request, reply) => {
    const asked = askedPeriod(request, today());
    const result = await cinCensusReturn(ctx, actor(request), asked, 'page');
    if (!result.ok && result.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
    const page = { title: 'Children in Need census return', values: { from: asked.from ?? '', to: asked.to ?? '' }, backLink: '/reports' };
    if (!result.ok) return reply.page('reports/cin-census.njk', { ...page, ...periodErrors(result.problems) }, 400);
    return reply.page('reports/cin-census.njk', { ...page, fieldErrors: {}, report: presentCensus(result.value) });
  });

  app.get<PeriodQuery>('/reports/cin-census.csv', { preHandler: requireUser }, async (request, reply) => {
    const result = await cinCensusReturn(ctx, actor(request), askedPeriod(request, today()), 'csv');
    if (!result.ok) return sendErrorPage(reply, result.code === 'forbidden' ? 'forbidden' : 'bad-request');
    const { period, rows } = result.value;
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="cin-census-${period.from}-to-${period.to}.csv"`)
      .send(csvText(cinCensusTable(rows)));
  });
}
