// API tokens: POST /api/v1/tokens exchanges an email and password, and the code of the account's
// authenticator app when it has two-factor sign-in, for a token (throttled as sign-in is), with a
// name and scopes if asked; GET /api/v1/tokens lists the caller's own tokens and DELETE
// /api/v1/tokens/{tokenId} revokes one, whatever the calling token's scopes.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { issueTokenAfterSignIn, listOwnTokens, revokeOwnToken, signInForToken } from '../../application/auth/api-tokens.ts';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { TOKEN_SCOPES } from '../../domain/shared/token-scopes.ts';
import { sendApiError } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { errorResponses, oneOf } from './schemas.ts';

const Scope = oneOf(TOKEN_SCOPES, {
  description: 'read: read what the user may see; write: change it (and add chronology entries); feed: only add chronology entries',
});

const TokenRequest = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    otp: Type.Optional(
      Type.String({
        maxLength: 20,
        description:
          'Required when the account has two-factor sign-in: the 6-digit code its authenticator app shows now, or one of its recovery codes (each works once). A code is accepted once only; a missing, wrong or reused one is a 401 and counts towards the lock-out as a wrong password does. An account that must have two-factor sign-in and has not set it up is refused until it is set up on the web.',
      }),
    ),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'What the token is for, to tell it apart in the list' })),
    scopes: Type.Optional(Type.Array(Scope, { minItems: 1, maxItems: 3, uniqueItems: true, description: 'Every scope when left out: ask only for what the system needs' })),
  },
  { additionalProperties: false },
);

const TokenResponse = Type.Object({
  id: Type.String(),
  token: Type.String({ description: 'Shown once: only its hash is kept' }),
  name: Type.String(),
  scopes: Type.Array(Scope),
  expiresAt: Type.String({ format: 'date-time' }),
});
const OwnToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scopes: Type.Array(Scope),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const TokenParams = Type.Object({ tokenId: Type.String({ minLength: 1, maxLength: 100 }) });
const common = { tags: ['authentication'], security: [{ bearer: [] }] };

export async function tokenRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.post<{ Body: Static<typeof TokenRequest> }>(
    '/tokens',
    {
      config: { rateLimit: { max: ctx.config.signInRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        summary: 'Exchange an email address and password (and the two-factor code, when the account has it) for a bearer token, with a name and the scopes it needs',
        tags: ['authentication'],
        body: TokenRequest,
        response: { 201: TokenResponse, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { email, password, otp, name, scopes } = request.body;
      const result = await signInForToken(ctx, { email, password, otp, ip: request.ip });
      if (!result.ok) return sendApiError(reply, 401, result.code, result.message);
      const user = result.value;
      const issued = await issueTokenAfterSignIn(ctx, actorFor(user, 'api', request.ip), { ...(name ? { name } : {}), ...(scopes ? { scopes } : {}) });
      return reply.code(201).send({ id: issued.id, token: issued.token, name: issued.name, scopes: issued.scopes, expiresAt: issued.expiresAt.toISOString() });
    },
  );

  app.get(
    '/tokens',
    { preHandler: requireBearer, config: { scope: 'any' }, schema: { ...common, summary: 'Your own tokens, newest first, revoked and expired ones too (never the token itself)', response: { 200: Type.Object({ items: Type.Array(OwnToken) }), ...errorResponses(401) } } },
    async (request) => {
      const tokens = await listOwnTokens(ctx, actor(request));
      return { items: tokens.map((t) => ({ id: t.id, name: t.name, scopes: t.scopes, createdAt: t.createdAt.toISOString(), expiresAt: t.expiresAt.toISOString(), revokedAt: t.revokedAt?.toISOString() ?? null })) };
    },
  );

  app.delete<{ Params: Static<typeof TokenParams> }>(
    '/tokens/:tokenId',
    { preHandler: requireBearer, config: { scope: 'any' }, schema: { ...common, summary: 'Revoke one of your own tokens (this one too): it stops working at once', params: TokenParams, response: { 200: Type.Object({ id: Type.String(), revokedAt: Type.String({ format: 'date-time' }) }), ...errorResponses(401, 404) } } },
    async (request, reply) => {
      const result = await revokeOwnToken(ctx, actor(request), request.params.tokenId);
      if (!result.ok) return sendApiError(reply, 404, result.code, result.message);
      return { id: request.params.tokenId, revokedAt: result.value.revokedAt.toISOString() };
    },
  );
}
