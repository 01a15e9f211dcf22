// Health for whatever watches the service (a load balancer, an orchestrator, a monitor). None needs
// signing in, and none reads anyone's records, so none is audited.
//   GET /health         200 once the database answers, 503 while it does not (kept as it was).
//   GET /health/live    200 while the process answers at all: restart it when this fails.
//   GET /health/ready   200 when this process can take traffic, with whether the database takes writes
//                       and how far each standby lags; 503 naming each reason it cannot (stopping,
//                       database-unreachable, database-read-only, migrations-not-current,
//                       outbox-stale): send it no requests until it is 200 again (application/health.ts).
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { checkReadiness, databaseAnswers, type NotReadyReason } from '../application/health.ts';

/** Its query or address holding text no database can store, as any API request (web/plugins/input-guard.ts). */
const Refused = Type.Ref('Error', { description: 'Text that cannot be stored in the query (the API\'s error)' });

const REASONS: readonly NotReadyReason[] = ['stopping', 'database-unreachable', 'database-read-only', 'migrations-not-current', 'outbox-stale'];

const Live = Type.Object({ status: Type.Literal('live') });
const nullable = (schema: ReturnType<typeof Type.Number>) => Type.Union([schema, Type.Null()]);
const Standby = Type.Object({
  name: Type.String({ description: 'Its application_name (pg_auto_failover: pgautofailover_standby_N)' }),
  state: Type.String({ description: 'streaming, catchup, startup or backup' }),
  sync: Type.String({ description: 'sync or quorum: a commit waits for it; potential or async: it does not' }),
  lagBytes: nullable(Type.Number({ description: 'WAL written on the primary and not yet replayed on the standby; null when the service\'s database user may not see it (grant it pg_monitor)' })),
  replayLagSeconds: nullable(Type.Number({ description: 'How long the last change took to be replayed on the standby; null once it is idle and caught up' })),
});
const Ready = Type.Object({
  status: Type.Literal('ready'),
  database: Type.Object({
    writable: Type.Boolean({ description: 'The database this process uses takes writes (always true when ready: a read-only one is not-ready, database-read-only)' }),
    standbys: Type.Array(Standby, { description: 'The standbys streaming from it, with how far each lags; empty without replication' }),
  }),
});
const NotReady = Type.Object({
  status: Type.Literal('not-ready'),
  reasons: Type.Array(Type.Union(REASONS.map((reason) => Type.Literal(reason))), {
    minItems: 1,
    description:
      'stopping: the server is stopping (it finishes the requests it has); database-unreachable: the database does not answer; database-read-only: it answers but takes no writes (a standby, or a primary being demoted during a failover); migrations-not-current: the migrations applied are not those this version ships; outbox-stale: the outbox worker has not finished a run within two OUTBOX_INTERVAL_SECONDS (checked only when SMTP_URL is set)',
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
    { schema: { summary: 'Whether the process answers at all (no database question): restart it when it does not', tags: ['health'], response: { 200: Live, 400: Refused } } },
    async () => ({ status: 'live' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        summary: 'Whether this server process can take requests: 200, or 503 naming each reason it cannot (send it nothing until it is 200 again)',
        tags: ['health'],
        response: { 200: Ready, 400: Refused, 503: NotReady },
      },
    },
    async (request, reply) => {
      const readiness = await checkReadiness(app.ctx);
      if (readiness.ready) return { status: 'ready' as const, database: readiness.database };
      if (readiness.error !== undefined) request.log.error({ err: readiness.error }, 'readiness check: database unreachable');
      return reply.code(503).send({ status: 'not-ready' as const, reasons: readiness.reasons });
    },
  );
}
