// A request's route template (`/cases/:caseId`), read once a request by the logs, the metrics
// (web/plugins/request-logging.ts, request-metrics.ts) and the request span
// (infrastructure/tracing/request-spans.ts). Never the address as sent: its path and query can hold
// ids, NHS numbers and names.
import type { FastifyRequest } from 'fastify';

/** Fastify's own key for a request's route context (its `fastify.context` symbol), found on the first request; null: not found. */
let routeContextKey: symbol | null | undefined;
type RouteContext = { config?: { url?: string } } | undefined;

/**
 * The request's route template (undefined when no route matched), as `request.routeOptions.url`
 * gives it. Fastify's getter reads the same field of the route context, but builds a dozen-field
 * object afresh at each read and asks the router whether a version constraint is in use: 90 to 300 ns
 * a read in a loop, against 3 to 18 for the field itself, on every request the logs, metrics and
 * traces see (issue 20; docs/operations/tracing.md, "What logging and metrics cost"). Should a
 * Fastify release no longer keep the context under that key, the getter is asked
 * (route-template.test.ts holds the two alike).
 */
export function routeTemplate(request: FastifyRequest): string | undefined {
  if (routeContextKey === undefined) routeContextKey = Object.getOwnPropertySymbols(request).find((key) => key.description === 'fastify.context') ?? null;
  if (routeContextKey === null) return request.routeOptions.url;
  const context = (request as unknown as Record<symbol, RouteContext>)[routeContextKey];
  return context === undefined ? request.routeOptions.url : context.config?.url;
}
