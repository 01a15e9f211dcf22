// POST /api/v1/tokens: exchange an email and password for a bearer token. Same lock-out as sign-in.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { issueToken } from '../../application/auth/api-tokens.ts';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { signIn } from '../../application/auth/sign-in.ts';
import { sendApiError } from '../api-error.ts';
import { errorResponses } from './schemas.ts';

const TokenRequest = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    otp: Type.Optional(Type.String({ description: 'Reserved for two-factor sign-in' })),
  },
  { additionalProperties: false },
);

const TokenResponse = Type.Object({ token: Type.String(), expiresAt: Type.String({ format: 'date-time' }) });

export async function tokenRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  app.post<{ Body: { email: string; password: string } }>(
    '/tokens',
    {
      config: { rateLimit: { max: ctx.config.signInRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        summary: 'Exchange an email address and password for a bearer token',
        tags: ['authentication'],
        body: TokenRequest,
        response: { 201: TokenResponse, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const result = await signIn(ctx, { email: request.body.email, password: request.body.password, channel: 'api', ip: request.ip });
      if (!result.ok) return sendApiError(reply, 401, result.code, result.message);
      const user = result.value;
      const issued = await ctx.db.transaction().execute((trx) => issueToken(trx, ctx, actorFor(user, 'api', request.ip), user.id));
      return reply.code(201).send({ token: issued.token, expiresAt: issued.expiresAt.toISOString() });
    },
  );
}
