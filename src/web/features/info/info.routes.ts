// Pages anyone can read: accessibility statement, cookies, privacy notice.
import type { FastifyInstance } from 'fastify';

export async function infoRoutes(app: FastifyInstance): Promise<void> {
  app.get('/accessibility', async (_request, reply) => reply.page('info/accessibility.njk', { title: 'Accessibility statement' }));
  app.get('/cookies', async (_request, reply) => reply.page('info/cookies.njk', { title: 'Cookies' }));
  app.get('/privacy', async (_request, reply) => reply.page('info/privacy.njk', { title: 'Privacy notice' }));
}
