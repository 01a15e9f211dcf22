// Whether a request is for a machine (the JSON API, the health check) or a person (a page).
import type { FastifyRequest } from 'fastify';

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url === '/health' || request.url.startsWith('/health/');
}
