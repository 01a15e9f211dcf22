// OpenAPI 3 generated from the same schemas that validate requests, served at /api/openapi.json.
import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ErrorResponse } from './v1/schemas.ts';

export const openapi = fp(async (app: FastifyInstance) => {
  app.addSchema(ErrorResponse);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Infant Care Profile API',
        version: '1',
        description: 'For agency systems: cases, people, the team around the family, chronology events and the profile. Errors are { error: { code, message, details } }.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    // Only the tagged /api/v1 routes are API operations; pages and forms are not.
    hideUntagged: true,
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => typeof json['$id'] === 'string' ? json['$id'] : `def-${i}` },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
