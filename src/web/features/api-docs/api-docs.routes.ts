// GET /api/docs: the OpenAPI description as an accessible GOV.UK page, drawn from /api/openapi.json.
import type { FastifyInstance } from 'fastify';

interface Operation {
  method: string;
  path: string;
  summary: string;
  tags: string[];
  requestBody: string | null;
  responses: { status: string; schema: string }[];
}

type OpenApiDocument = { paths?: Record<string, Record<string, Record<string, unknown>>> };

export function listOperations(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const body = (op['requestBody'] as { content?: Record<string, { schema?: unknown }> } | undefined)?.content?.['application/json']?.schema;
      const responses = Object.entries((op['responses'] as Record<string, { content?: Record<string, { schema?: unknown }> }> | undefined) ?? {});
      operations.push({
        method: method.toUpperCase(),
        path,
        summary: typeof op['summary'] === 'string' ? op['summary'] : '',
        tags: (op['tags'] as string[] | undefined) ?? [],
        requestBody: body ? JSON.stringify(body, null, 2) : null,
        responses: responses.map(([status, response]) => ({
          status,
          schema: JSON.stringify(response.content?.['application/json']?.schema ?? {}, null, 2),
        })),
      });
    }
  }
  return operations;
}

export async function apiDocsRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/docs', { schema: { hide: true } }, async (_request, reply) =>
    reply.page('api-docs/api-docs.njk', { title: 'API reference', operations: listOperations(app.swagger() as OpenApiDocument) }),
  );
}
