// "Your account": the user's signed-in sessions, with sign-out of one or all of the others, whether
// two-factor sign-in is on (set up at /account/two-factor), and their API tokens, to create (named,
// with the scopes it needs; the token shown once) and revoke.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createOwnToken, listOwnTokens, revokeOwnToken, type IssuedToken } from '../../../application/auth/api-tokens.ts';
import { endOwnSessions, listOwnSessions } from '../../../application/auth/own-sessions.ts';
import { twoFactorStatus } from '../../../application/auth/two-factor.ts';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { TOKEN_SCOPE_LABELS, TOKEN_SCOPES, isTokenScope } from '../../../domain/shared/token-scopes.ts';
import { formErrors, type FormErrors } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { currentSessionKey, flashSuccess, requireUser } from '../../plugins/sessions.ts';

declare module '../../plugins/server-sessions.ts' {
  interface SessionData {
    /**
     * The token just created, kept for the one page after its form (post/redirect/get: refreshing that
     * page makes no other token) and taken as that page shows it, so it is shown once.
     */
    issuedToken?: IssuedToken;
  }
}

type Locals = Partial<FormErrors> & { values?: { name?: string; scopes?: string[] }; issued?: IssuedToken };

const scopeItems = TOKEN_SCOPES.map((scope) => ({ value: scope, text: scope, hint: { text: TOKEN_SCOPE_LABELS[scope] } }));
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);
const field = (body: unknown, name: string): unknown => (body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined);

export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  async function accountPage(request: FastifyRequest, reply: FastifyReply, locals: Locals = {}, status = 200) {
    const [sessions, tokens, twoFactor] = await Promise.all([
      listOwnSessions(ctx, actor(request), currentSessionKey(request)),
      listOwnTokens(ctx, actor(request)),
      twoFactorStatus(ctx, request.user!),
    ]);
    const now = ctx.clock.now();
    return reply.page(
      'account/account.njk',
      {
        title: 'Your account',
        sessions,
        twoFactor,
        tokens: tokens.map((token) => ({ ...token, state: token.revokedAt ? 'Revoked' : token.expiresAt <= now ? 'Expired' : 'Active' })),
        scopeItems,
        tokenDays: ctx.config.apiTokenDays,
        values: { name: '', scopes: [] },
        ...locals,
      },
      status,
    );
  }

  app.get('/account', { preHandler: requireUser }, async (request, reply) => {
    const issued = request.session.issuedToken;
    if (issued === undefined) return accountPage(request, reply);
    delete request.session.issuedToken;
    return accountPage(request, reply, { issued });
  });

  /** The one-off banner after signing out of other sessions, and back to the sessions list. */
  async function sessionsEnded(request: FastifyRequest, reply: FastifyReply, ended: number) {
    flashSuccess(request, `Signed out of ${String(ended)} other session${ended === 1 ? '' : 's'}.`, 'sessions-ended');
    return reply.redirect('/account#sessions', 303);
  }

  app.post('/account/sessions/end-others', { preHandler: requireUser }, async (request, reply) => {
    const result = await endOwnSessions(ctx, actor(request), currentSessionKey(request));
    return sessionsEnded(request, reply, result.ok ? result.value : 0);
  });

  app.post<{ Params: { sessionKey: string } }>('/account/sessions/:sessionKey/end', { preHandler: requireUser }, async (request, reply) => {
    const result = await endOwnSessions(ctx, actor(request), currentSessionKey(request), request.params.sessionKey);
    if (!result.ok) return sendErrorPage(reply, 'not-found');
    return sessionsEnded(request, reply, result.value);
  });

  app.post('/account/tokens', { preHandler: requireUser }, async (request, reply) => {
    const name = typeof field(request.body, 'name') === 'string' ? (field(request.body, 'name') as string).trim() : '';
    const ticked = asList(field(request.body, 'scopes'));
    const values = { name, scopes: ticked };
    const errors: Record<string, string> = {};
    if (name === '') errors['name'] = 'Enter what the token is for, such as the name of the system that will use it';
    else if (name.length > 100) errors['name'] = 'The name must be 100 characters or fewer';
    if (ticked.length === 0 || !ticked.every(isTokenScope)) errors['scopes'] = 'Select what the token may do';
    if (Object.keys(errors).length > 0) return accountPage(request, reply, { ...formErrors(errors), values }, 400);
    request.session.issuedToken = await createOwnToken(ctx, actor(request), { name, scopes: ticked.filter(isTokenScope) });
    return reply.redirect('/account#tokens', 303);
  });

  app.post<{ Params: { tokenId: string } }>('/account/tokens/:tokenId/revoke', { preHandler: requireUser }, async (request, reply) => {
    const result = await revokeOwnToken(ctx, actor(request), request.params.tokenId);
    if (!result.ok) return sendErrorPage(reply, 'not-found');
    flashSuccess(request, 'Token revoked: it no longer works.', 'token-revoked');
    return reply.redirect('/account#tokens', 303);
  });
}
