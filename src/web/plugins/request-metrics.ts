// Times every answered request for the metrics (ctx.metrics, kept only when METRICS_PORT is set):
// by route template, such as /api/v1/cases/:caseId/events, never the address as sent, whose path
// and query can hold ids, NHS numbers and names; a request no route matched (a 404, or one refused
// before routing) counts as "unmatched". With logs on, the request is observed as it ends, beside its
// log line (request-logging.ts, RequestEnds): no hook a request; with logs off, by the onResponse
// hook of requestMetrics.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Metrics } from '../../application/metrics.ts';
import { routeTemplate } from '../../infrastructure/process/route-template.ts';

export const UNMATCHED_ROUTE = 'unmatched';

/**
 * What is done with each request as it ends, given its route template (undefined: no route matched),
 * read once by the caller (routeTemplate).
 */
export type RequestObserver = (request: FastifyRequest, reply: FastifyReply, route: string | undefined, elapsedMs: number) => void;

/** Each request's observation for these metrics, or undefined when they keep nothing. */
export function requestObserver(metrics: Metrics): RequestObserver | undefined {
  if (!metrics.enabled) return undefined;
  return (request, reply, route, elapsedMs) => metrics.observeRequest(route ?? UNMATCHED_ROUTE, request.method, reply.statusCode, elapsedMs);
}

/** The metrics' own onResponse hook, for an app without logs (app.ts registers it only then). */
export const requestMetrics = fp(async (app: FastifyInstance) => {
  const observe = requestObserver(app.ctx.metrics);
  if (!observe) return;
  // A callback hook, not an async one: no promise a request (issue 20, what metrics cost).
  app.addHook('onResponse', (request, reply, done) => {
    observe(request, reply, routeTemplate(request), reply.elapsedTime);
    done();
  });
});
