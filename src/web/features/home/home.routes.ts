// The home page: the signed-in practitioner's cases, the most pressing profile review first.
import type { FastifyInstance } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { listMyCases } from '../../../application/cases/list-my-cases.ts';
import { caseLevelLabel } from '../../../domain/shared/case-levels.ts';
import { requireUser } from '../../plugins/sessions.ts';
import { reviewCell, reviewSummary } from './home.presenter.ts';

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { preHandler: requireUser }, async (request, reply) => {
    const user = request.user!;
    const cases = await listMyCases(app.ctx, actorFor(user, 'web', request.ip));
    return reply.page('home/home.njk', {
      title: 'My cases',
      cases: cases.map((c) => ({ ...c, levelLabel: caseLevelLabel(c.level), reviewCell: reviewCell(c.review) })),
      reviewSummary: reviewSummary(cases),
    });
  });
}
