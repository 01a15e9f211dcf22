// The home page: the signed-in practitioner's open alerts, then their cases, the most pressing profile review first.
import type { FastifyInstance } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { listMyAlerts } from '../../../application/alerts/list-alerts.ts';
import { listMyCases } from '../../../application/cases/list-my-cases.ts';
import { caseLevelLabel } from '../../../domain/shared/case-levels.ts';
import { requireUser } from '../../plugins/sessions.ts';
import { presentHomeAlerts } from '../alerts/alerts.presenter.ts';
import { reviewCell, reviewSummary } from './home.presenter.ts';

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { preHandler: requireUser }, async (request, reply) => {
    const user = request.user!;
    const actor = actorFor(user, 'web', request.ip);
    const cases = await listMyCases(app.ctx, actor);
    const { alerts } = await listMyAlerts(app.ctx, actor, 'open');
    return reply.page('home/home.njk', {
      title: 'My cases',
      cases: cases.map((c) => ({ ...c, levelLabel: caseLevelLabel(c.level), reviewCell: reviewCell(c.review) })),
      reviewSummary: reviewSummary(cases),
      openAlerts: presentHomeAlerts(alerts),
    });
  });
}
