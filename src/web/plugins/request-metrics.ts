// Times every answered request for the metrics (ctx.metrics, kept only when METRICS_PORT is set):
// by route template, such as /api/v1/cases/:caseId/events, never the address as sent, whose path
// and query can hold ids, NHS numbers and names; a request no route matched (a 404, or one refused
// before routing) counts as "unmatched". With logs on, the request is observed as Fastify ends it,
// beside its log line (request-logging.ts, RequestLines): no hook a request; with logs off, by the
// onResponse hook of requestMetrics.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Metrics } from '../../application/metrics.ts';

export const UNMATCHED_ROUTE = 'unmatched';

/** Fastify's own key for a request's route context (its `fastify.context` symbol), found on the first request. */
let routeContextKey: symbol | null | undefined;
type RouteContext = { config?: { url?: string } } | undefined;

/**
 * A request's route template (`/cases/:caseId`; undefined when no route matched), as
 * `request.routeOptions.url` gives it: Fastify's getter reads the same field of the route context,
 * but builds a dozen-field object afresh at each read and asks the router whether a version
 * constraint is in use (130 to 300 ns in a loop, against 3 to 18 for the field itself), and it is
 * read for every request the logs and metrics see (issue 20; docs/operations/tracing.md, "What
 * logging and metrics cost"). Should a Fastify release no longer keep the context under that key,
 * the getter is asked (request-metrics.test.ts holds the two alike).
 */
export function routeTemplate(request: FastifyRequest): string | undefined {
  if (routeContextKey === undefined) routeContextKey = Object.getOwnPropertySymbols(request).find((key) => key.description === 'fastify.context') ?? null;
  const context = routeContextKey === null ? undefined : ((request as unknown as Record<symbol, RouteContext>)[routeContextKey]);
  return context === undefined ? request.routeOptions.url : context.config?.url;
}

/**
 * What is done with each request as it ends, given its route template (undefined: no route matched),
 * read once by the caller (routeTemplate).
 */
export type RequestObserver = (request: FastifyRequest, reply: FastifyReply, route: string | undefined) => void;

/** Each request's observation for these metrics, or undefined when they keep nothing. */
export function requestObserver(metrics: Metrics): RequestObserver | undefined {
  if (!metrics.enabled) return undefined;
  return (request, reply, route) => metrics.observeRequest(route ?? UNMATCHED_ROUTE, request.method, reply.statusCode, reply.elapsedTime);
}

/** The metrics' own onResponse hook, for an app without logs (app.ts registers it only then). */
export const requestMetrics = fp(async (app: FastifyInstance) => {
  const observe = requestObserver(app.ctx.metrics);
  if (!observe) return;
  // A callback hook, not an async one: no promise a request (issue 20, what metrics cost).
  app.addHook('onResponse', (request, reply, done) => {
    observe(request, reply, routeTemplate(request));
    done();
  });
});
