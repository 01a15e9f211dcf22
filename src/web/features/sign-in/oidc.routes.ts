// Single sign-on (issue 17): "Sign in with <provider>" posts here and goes to the provider; the
// provider sends the user back to the callback, which signs them in (or, when the provider asked for
// one factor and the account has two-factor sign-in, goes on to its code) or says plainly why not.
// The sign-in page learns which providers to offer from reply.locals.
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import {
  finishOidcSignIn,
  oidcCallbackPath,
  signInProviders,
  startOidcSignIn,
  type OidcRefusal,
  type OidcSessionFacts,
  type PendingOidcSignIn,
} from '../../../application/auth/oidc/oidc-sign-in.ts';
import { safeReturnTo } from '../../navigation/safe-return-to.ts';
import { afterFirstFactor } from './second-factor.ts';

declare module '../../plugins/server-sessions.ts' {
  interface SessionData {
    /** A sign-in sent to an identity provider, until the provider sends the user back. */
    oidcPending?: PendingOidcSignIn;
    /** How this session was signed in through a provider: for signing out there too. */
    oidc?: OidcSessionFacts;
  }
}

const STATUS: Partial<Record<OidcRefusal, number>> = {
  'unknown-provider': 404,
  'provider-unreachable': 502,
  'no-id-claim': 403,
  'no-email-claim': 403,
  'email-not-verified': 403,
  'unknown-account': 403,
  'linked-to-another': 403,
  'link-awaiting-approval': 403,
  disabled: 403,
};

export const oidcRoutes = fp(async (app: FastifyInstance) => {
  const { ctx } = app;
  const providers = signInProviders(ctx);
  const rateLimit = { max: ctx.config.signInRateLimitPerMinute, timeWindow: '1 minute' };

  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url === '/sign-in') reply.locals = { ...reply.locals, signInProviders: providers };
  });

  const refused = (reply: FastifyReply, code: OidcRefusal, message: string) =>
    reply.page('sign-in/oidc-refused.njk', { title: 'You have not been signed in', message }, STATUS[code] ?? 400);

  app.post<{ Params: { provider: string }; Body: { returnTo?: unknown } }>('/sign-in/oidc/:provider', { config: { rateLimit } }, async (request, reply) => {
    const returnTo = safeReturnTo(typeof request.body?.returnTo === 'string' ? request.body.returnTo : undefined);
    if (request.user) return reply.redirect(returnTo, 303);
    const started = await startOidcSignIn(ctx, { providerId: request.params.provider, returnTo, ip: request.ip });
    if (!started.ok) return refused(reply, started.code, started.message);
    request.session.oidcPending = started.value.pending;
    return reply.redirect(started.value.url, 303);
  });

  app.get<{ Params: { provider: string } }>(oidcCallbackPath(':provider'), { config: { rateLimit } }, async (request, reply) => {
    // Taken out and saved before the provider is asked, so that the same answer cannot be used twice.
    const pending = request.session.oidcPending;
    if (pending) {
      delete request.session.oidcPending;
      await request.session.save();
    }
    const result = await finishOidcSignIn(ctx, { providerId: request.params.provider, pending, callbackPathAndQuery: request.url, ip: request.ip });
    if (!result.ok) return refused(reply, result.code, result.message);
    const { user, secondFactor, returnTo, facts } = result.value;
    return afterFirstFactor(request, reply, user, secondFactor, returnTo, { oidc: facts });
  });
});
