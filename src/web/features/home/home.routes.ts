// The home page: the signed-in practitioner's cases.
import type { FastifyInstance } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { listMyCases } from '../../../application/cases/list-my-cases.ts';
import { requireUser } from '../../plugins/sessions.ts';

const LEVEL_LABELS: Record<string, string> = {
  universal: 'Universal',
  'early-help': 'Early help',
  'child-in-need': 'Child in need',
  'child-protection': 'Child protection',
  'looked-after': 'Looked after',
};

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { preHandler: requireUser }, async (request, reply) => {
    const user = request.user!;
    const cases = await listMyCases(app.ctx, actorFor(user, 'web', request.ip));
    return reply.page('home/home.njk', { title: 'My cases', cases, levelLabels: LEVEL_LABELS });
  });
}
