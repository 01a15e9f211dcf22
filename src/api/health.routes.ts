// GET /health: 200 once the database answers, 503 while it does not.
import type { FastifyInstance } from 'fastify';
import { databaseAnswers } from '../application/health.ts';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/health', { schema: { hide: true } }, async (request, reply) => {
    const health = await databaseAnswers(app.ctx);
    if (health.answers) return { status: 'ok' };
    request.log.error({ err: health.error }, 'health check: database unreachable');
    return reply.code(503).send({ status: 'unavailable' });
  });
}
