// The partnership's reports (issue 16), for managers and safeguarding leads over the cases their
// organisation works on: /reports shows each report a partnership asks for as a table, and
// /reports/<name>.csv each as a file; /reports/cin-census is the Children in Need census return for a
// period as a table, /reports/cin-census.csv the same as the census's file. The pages ask for the period
// in GOV.UK date inputs (from-day, from-month, from-year, to-…; period-form.ts); the files' links give it as
// from=YYYY-MM-DD&to=YYYY-MM-DD, which every route still reads, so bookmarked links work. Without a period
// the page shows the census year so far; a period that cannot be read or ends before it starts is a 400
// with the error summary, what was typed kept. Anyone else gets the 403 page, the refusal audited by the use case.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { cinCensusReturn } from '../../../application/reports/cin-census.ts';
import { partnershipReports, REPORT_NAMES } from '../../../application/reports/partnership-reports.ts';
import { cinCensusTable } from '../../../domain/reports/cin-census-return.ts';
import { csvText } from '../../../domain/reports/csv.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/sessions.ts';
import { periodInWords, presentCensus } from './cin-census.presenter.ts';
import { askedPeriod, periodErrors } from './period-form.ts';
import { reportTables } from './partnership-reports.presenter.ts';

export async function reportsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);
  const today = () => serviceToday(ctx.clock.now());

  app.get('/reports', { preHandler: requireUser }, async (request, reply) => {
    const { values, asked } = askedPeriod(request.query, today());
    const result = await partnershipReports(ctx, actor(request), asked, 'page');
    if (!result.ok && result.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
    const page = { title: 'Reports', values };
    if (!result.ok) return reply.page('reports/reports.njk', { ...page, ...periodErrors(values, result.problems) }, 400);
    return reply.page('reports/reports.njk', { ...page, fieldErrors: {}, dateParts: {}, periodWords: periodInWords(result.value.period), tables: reportTables(result.value) });
  });

  for (const name of REPORT_NAMES) {
    app.get(`/reports/${name}.csv`, { preHandler: requireUser }, async (request, reply) => {
      const result = await partnershipReports(ctx, actor(request), askedPeriod(request.query, today()).asked, name);
      if (!result.ok) return sendErrorPage(reply, result.code === 'forbidden' ? 'forbidden' : 'bad-request');
      const table = reportTables(result.value).find((t) => t.name === name)!;
      const { period } = result.value;
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${name}-${period.from}-to-${period.to}.csv"`)
        .send(csvText([table.headers, ...table.rows.map((row) => row.cells)]));
    });
  }

  app.get('/reports/cin-census', { preHandler: requireUser }, async (request, reply) => {
    const { values, asked } = askedPeriod(request.query, today());
    const result = await cinCensusReturn(ctx, actor(request), asked, 'page');
    if (!result.ok && result.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
    const page = { title: 'Children in Need census return', values, backLink: '/reports' };
    if (!result.ok) return reply.page('reports/cin-census.njk', { ...page, ...periodErrors(values, result.problems) }, 400);
    return reply.page('reports/cin-census.njk', { ...page, fieldErrors: {}, dateParts: {}, report: presentCensus(result.value) });
  });

  app.get('/reports/cin-census.csv', { preHandler: requireUser }, async (request, reply) => {
    const result = await cinCensusReturn(ctx, actor(request), askedPeriod(request.query, today()).asked, 'csv');
    if (!result.ok) return sendErrorPage(reply, result.code === 'forbidden' ? 'forbidden' : 'bad-request');
    const { period, rows } = result.value;
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="cin-census-${period.from}-to-${period.to}.csv"`)
      .send(csvText(cinCensusTable(rows)));
  });
}
