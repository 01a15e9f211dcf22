// The dashboards (issue 16): /dashboards (the organisation's), /dashboards/partnership, and behind
// every number /dashboards/:name/cases (the list, naming only the cases the viewer may open, a page of
// 100 at a time: ?page=N) and /dashboards/:name/cases.csv (every case of the list, as a file).
// /admin/partnership-view grants and revokes the partnership view. The use cases decide and audit every look and refusal; these parse and render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { grantPartnershipView, listPartnershipViews, revokePartnershipView } from '../../../application/dashboards/partnership-view.ts';
import { dashboardsOf, listDashboardCases, viewDashboard } from '../../../application/dashboards/view-dashboard.ts';
import { isDashboardName, type DashboardName } from '../../../domain/dashboards/dashboard-access.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';
import { formErrors, validateForm } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { pageNumber } from '../chronology/chronology-pages.ts';
import { toCsv } from './dashboard-csv.ts';
import { CSV_HEADER, csvRows, dashboardPath, presentDashboard, presentList, readSelector, unknownFiltersInWords } from './dashboards.presenter.ts';
import { grantForm } from './dashboards.schema.ts';

type ListRequest = FastifyRequest<{ Params: { name: string }; Querystring: Record<string, unknown> }>;

export async function dashboardsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  const refusal = (reply: FastifyReply, message: string) =>
    reply.page('errors/error.njk', { title: 'You cannot see this dashboard', paragraphs: [message], reference: null }, 403);

  async function dashboardPage(request: FastifyRequest, reply: FastifyReply, name: DashboardName) {
    const result = await viewDashboard(ctx, actor(request), name);
    if (!result.ok) return refusal(reply, result.message);
    const d = presentDashboard(result.value);
    return reply.page('dashboards/dashboard.njk', { title: d.title, d, today: dayInWords(result.value.today) });
  }

  app.get('/dashboards', { preHandler: requireUser }, async (request, reply) => {
    // An account with only the partnership view goes to it; anyone else is answered (or refused, audited) here.
    const dashboards = await dashboardsOf(ctx, actor(request));
    if (!dashboards.includes('organisation') && dashboards.includes('partnership')) return reply.redirect(dashboardPath('partnership'), 303);
    return dashboardPage(request, reply, 'organisation');
  });

  app.get('/dashboards/partnership', { preHandler: requireUser }, async (request, reply) => dashboardPage(request, reply, 'partnership'));

  async function readList(request: ListRequest, reply: FastifyReply, purpose: 'list' | 'export') {
    const { name } = request.params;
    if (!isDashboardName(name)) {
      await sendErrorPage(reply, 'not-found');
      return null;
    }
    const { selector, unknown } = readSelector(request.query);
    // A list shows what it can and says which filter it left out; a spreadsheet wider than asked is refused.
    if (purpose === 'export' && unknown.length > 0) {
      await reply.page('errors/error.njk', { title: 'This spreadsheet cannot be made', paragraphs: [`The address asks for ${unknown.join(' and ')}, which this dashboard does not know. Go back to the dashboard and choose the list again.`], reference: null }, 400);
      return null;
    }
    const result = await listDashboardCases(ctx, actor(request), name, selector, { purpose, page: pageNumber(request.query['page']) });
    if (!result.ok) {
      await refusal(reply, result.message);
      return null;
    }
    return { ...result.value, unknownFilters: unknownFiltersInWords(unknown) };
  }

  app.get<{ Params: { name: string }; Querystring: Record<string, unknown> }>('/dashboards/:name/cases', { preHandler: requireUser }, async (request, reply) => {
    const list = await readList(request, reply, 'list');
    if (!list) return reply;
    const l = presentList(list);
    return reply.page('dashboards/dashboard-list.njk', { title: l.title, l, unknownFilters: list.unknownFilters, backLink: l.backLink });
  });

  app.get<{ Params: { name: string }; Querystring: Record<string, unknown> }>('/dashboards/:name/cases.csv', { preHandler: requireUser }, async (request, reply) => {
    const list = await readList(request, reply, 'export');
    if (!list) return reply;
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="dashboard-${list.name}-${list.today}.csv"`)
      .send(toCsv(CSV_HEADER, csvRows(list)));
  });

  async function grantsPage(request: FastifyRequest, reply: FastifyReply, locals: object = {}, status = 200) {
    const result = await listPartnershipViews(ctx, actor(request));
    if (!result.ok) return sendErrorPage(reply, 'forbidden');
    const grants = result.value.map((g) => ({ ...g, grantedOn: dayInWords(g.grantedAt.toISOString()) }));
    return reply.page('dashboards/partnership-view.njk', { title: 'The partnership view', grants, values: {}, backLink: '/admin', ...locals }, status);
  }

  app.get('/admin/partnership-view', { preHandler: requireUser }, async (request, reply) => grantsPage(request, reply));

  app.post('/admin/partnership-view', { preHandler: requireUser }, async (request, reply) => {
    const form = validateForm(grantForm, request.body);
    // Someone not an administrator is refused (and audited) by the list the page shows, before any word about the form.
    if (!form.ok) return grantsPage(request, reply, form, 400);
    const result = await grantPartnershipView(ctx, actor(request), form.value.email);
    if (!result.ok) {
      if (result.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
      return grantsPage(request, reply, { ...formErrors({ email: result.message }), values: form.value }, 400);
    }
    flashSuccess(request, `Partnership view granted to ${form.value.email}`);
    return reply.redirect('/admin/partnership-view', 303);
  });

  app.post<{ Params: { userId: string } }>('/admin/partnership-view/:userId/revoke', { preHandler: requireUser }, async (request, reply) => {
    const result = await revokePartnershipView(ctx, actor(request), request.params.userId);
    if (!result.ok) return sendErrorPage(reply, result.code);
    flashSuccess(request, 'Partnership view revoked');
    return reply.redirect('/admin/partnership-view', 303);
  });
}
