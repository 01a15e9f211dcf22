// The error answers every API operation can give whatever it does, added to each operation's published
// responses as it is registered (api-v1.plugin.ts), so that no route forgets one. Each is the API's
// error shape, described by what its status means (schemas.ts ERROR_MEANINGS); an operation that
// publishes a status itself (a FHIR route's OperationOutcome) keeps its own. What an operation answers of its own (404, 409, 422 …) it publishes itself.
//   400  the input guard (a body nested too deep, text no database can store: in the address or
//        query of any operation) and, where there is a schema, a request not of its shape
//   401, 403  the token check (requireBearer): no valid token; a token without the scope needed
//   413, 415  a method that takes a body: too large, or of a media type not taken
//   429  a route with a rate limit
//   500  anything unforeseen; 503 no writable database for a moment (docs/adr/0013-database-failover.md)
import type { RouteOptions } from 'fastify';
import { requireBearer } from './bearer-auth.ts';
import { errorResponse } from './schemas.ts';

const BODYLESS = new Set(['GET', 'HEAD']);

function hooks(value: RouteOptions['preHandler']): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The statuses the service's own checks and error handler may answer this operation with. */
export function standardErrorStatuses(route: Pick<RouteOptions, 'method' | 'preHandler' | 'config'>): number[] {
  const statuses = [400];
  if (hooks(route.preHandler).includes(requireBearer)) {
    statuses.push(401);
    if (route.config?.scope !== 'any') statuses.push(403);
  }
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  if (methods.some((method) => !BODYLESS.has(method))) statuses.push(413, 415);
  if (route.config && 'rateLimit' in route.config) statuses.push(429);
  statuses.push(500, 503);
  return statuses;
}

/** onRoute: the operation's published responses with the standard error answers it does not already publish. */
export function addStandardErrorResponses(route: RouteOptions): void {
  const { schema } = route;
  if (!schema || schema.hide === true) return;
  const published = (schema.response ?? {}) as Record<string, unknown>;
  const missing = standardErrorStatuses(route).filter((status) => !(String(status) in published));
  if (missing.length === 0) return;
  route.schema = { ...schema, response: { ...published, ...Object.fromEntries(missing.map((status) => [status, errorResponse(status)])) } };
}
