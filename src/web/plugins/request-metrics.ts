// Times every answered request for the metrics (ctx.metrics, kept only when METRICS_PORT is set):
// by route template, such as /api/v1/cases/:caseId/events, never the address as sent, whose path
// and query can hold ids, NHS numbers and names; a request no route matched (a 404, or one refused
// before routing) counts as "unmatched".
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const UNMATCHED_ROUTE = 'unmatched';

export const requestMetrics = fp(async (app: FastifyInstance) => {
  const metrics = app.ctx.metrics;
  if (!metrics.enabled) return;
  // A callback hook, not an async one: no promise a request (issue 20, what metrics cost).
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.is404 ? undefined : request.routeOptions.url;
    metrics.observeRequest(route ?? UNMATCHED_ROUTE, request.method, reply.statusCode, reply.elapsedTime);
    done();
  });
});
