// GET /api/v1/me: who the token acts as. Useful to check a token before using it.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireBearer } from './bearer-auth.ts';
import { errorResponses } from './schemas.ts';

const Me = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  organisation: Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String() }),
});

export async function meRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/me',
    {
      preHandler: requireBearer,
      schema: { summary: 'The user this token acts as', tags: ['authentication'], security: [{ bearer: [] }], response: { 200: Me, ...errorResponses(401) } },
    },
    async (request) => {
      const user = request.user!;
      return {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        organisation: { id: user.organisationId, name: user.organisationName, kind: user.organisationKind },
      };
    },
  );
}
