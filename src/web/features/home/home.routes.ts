// The home page: the signed-in practitioner's open alerts, then their cases, the most pressing profile
// review first, each with its most pressing clock; ?order=clocks puts the most pressing clock first,
// ?clocks=overdue shows only the cases with a clock overdue (a form of the page, no JavaScript).
import type { FastifyInstance } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { listMyAlerts } from '../../../application/alerts/list-alerts.ts';
import { readMyCases } from '../../../application/cases/list-my-cases.ts';
import { caseLevelLabel } from '../../../domain/shared/case-levels.ts';
import { requireUser } from '../../plugins/sessions.ts';
import { presentHomeAlerts } from '../alerts/alerts.presenter.ts';
import { clockCell, clockSummary, listOptions, reviewCell, reviewSummary } from './home.presenter.ts';

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { preHandler: requireUser }, async (request, reply) => {
    const user = request.user!;
    const actor = actorFor(user, 'web', request.ip);
    const options = listOptions(request.query);
    const { cases, today, overdueClockCases } = await readMyCases(app.ctx, actor, options);
    const { alerts } = await listMyAlerts(app.ctx, actor, 'open');
    const listed = cases.length > 0 || options.overdueClocksOnly;
    return reply.page('home/home.njk', {
      title: 'My cases',
      cases: cases.map((c) => ({ ...c, levelLabel: caseLevelLabel(c.level), reviewCell: reviewCell(c.review), clockCell: clockCell(c.urgentClock, today) })),
      listed,
      options,
      reviewSummary: reviewSummary(cases),
      clockSummary: clockSummary(overdueClockCases),
      openAlerts: presentHomeAlerts(alerts),
    });
  });
}
