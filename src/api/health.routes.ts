// Health for whatever watches the service (a load balancer, an orchestrator, a monitor). None needs
// signing in, and none reads anyone's records, so none is audited.
//   GET /health         200 once the database answers, 503 while it does not (kept as it was).
//   GET /health/live    200 while the process answers at all: restart it when this fails.
//   GET /health/ready   200 when this process can take traffic; 503 naming each reason it cannot
//                       (stopping, database-unreachable, migrations-not-current, outbox-stale):
//                       send it no requests until it is 200 again (application/health.ts).
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { checkReadiness, databaseAnswers, type NotReadyReason } from '../application/health.ts';

const REASONS: readonly NotReadyReason[] = ['stopping', 'database-unreachable', 'migrations-not-current', 'outbox-stale'];

const Live = Type.Object({ status: Type.Literal('live') });
const Ready = Type.Object({ status: Type.Literal('ready') });
const NotReady = Type.Object({
  status: Type.Literal('not-ready'),
  reasons: Type.Array(Type.Union(REASONS.map((reason) => Type.Literal(reason))), {
    minItems: 1,
    description:
      'stopping: the server is stopping (it finishes the requests it has); database-unreachable: the database does not answer; migrations-not-current: the migrations applied are not those this version ships; outbox-stale: the outbox worker has not finished a run within two OUTBOX_INTERVAL_SECONDS (checked only when SMTP_URL is set)',
  }),
});

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/health', { schema: { hide: true } }, async (request, reply) => {
    const health = await databaseAnswers(app.ctx);
    if (health.answers) return { status: 'ok' };
    request.log.error({ err: health.error }, 'health check: database unreachable');
    return reply.code(503).send({ status: 'unavailable' });
  });

  app.get(
    '/health/live',
    { schema: { summary: 'Whether the process answers at all (no database question): restart it when it does not', tags: ['health'], response: { 200: Live } } },
    async () => ({ status: 'live' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        summary: 'Whether this server process can take requests: 200, or 503 naming each reason it cannot (send it nothing until it is 200 again)',
        tags: ['health'],
        response: { 200: Ready, 503: NotReady },
      },
    },
    async (request, reply) => {
      const readiness = await checkReadiness(app.ctx);
      if (readiness.ready) return { status: 'ready' as const };
      if (readiness.error !== undefined) request.log.error({ err: readiness.error }, 'readiness check: database unreachable');
      return reply.code(503).send({ status: 'not-ready' as const, reasons: readiness.reasons });
    },
  );
}
