// Security headers (a CSP with no inline scripts bar one known by its hash), no caching of pages,
// CSRF protection on every form (a kept form page's form kept rather than refused), and rate limiting
// where routes ask for it, counted in the database so that a limit holds across server processes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import fastifyCsrf from '@fastify/csrf-protection';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { rateLimitStore } from '../../application/auth/rate-limits.ts';
import type { Config } from '../../config.ts';
import { actorFor, sessionUser } from '../../application/auth/signed-in-user.ts';
import { recordRefusedFormToken, type FormTokenRefusalReason } from '../../application/audit/record-refused-form-token.ts';
import { keepTypedForm } from './kept-forms.ts';

const require = createRequire(import.meta.url);

/** The govuk template's one inline script (it marks the body js-enabled) is allowed by its hash. */
export function govukTemplateScriptHash(): string {
  const template = fs.readFileSync(require.resolve('govuk-frontend/dist/govuk/template.njk'), 'utf8');
  const match = /<script[^>]*>([^<]+)<\/script>/.exec(template);
  if (!match) throw new Error('The govuk template no longer has its inline script: review the CSP.');
  return `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`;
}

/** The security headers' options (ADR 0003: the CSP allows the one inline script by its hash, no nonces). */
export function helmetOptions(config: Config): FastifyHelmetOptions {
  const https = config.cookieSecure === true;
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", govukTemplateScriptHash()],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        // Signing in and out through an identity provider posts a form that the service answers with a redirect to the provider.
        formAction: ["'self'", ...config.oidc.providers.map((provider) => new URL(provider.issuer).origin)],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  };
}

/** What helmet's middleware does to a response: headers set and removed, in its order. */
export type HeaderChange = readonly ['set', string, string] | readonly ['remove', string];

type HelmetMiddleware = (request: unknown, response: { setHeader(name: string, value: string): void; removeHeader(name: string): void }, next: (error?: unknown) => void) => void;

/**
 * The header changes helmet makes, worked out once: helmet (the one @fastify/helmet uses) run against
 * a recording response. @fastify/helmet would build helmet's middleware again on every request
 * (15-20 µs of a page, issue 20); with no nonces and no function-valued directives the headers are
 * the same for every request, so they are replayed instead. Throws if helmet's answer would depend on
 * the request or come later, so that a change of options that made them vary cannot go unnoticed.
 */
export function helmetHeaderChanges(options: FastifyHelmetOptions): HeaderChange[] {
  const { enableCSPNonces, global, ...helmetOnly } = options;
  if (enableCSPNonces === true || global === false) throw new Error('Per-request security headers (nonces) or per-route helmet are not supported: review security.ts.');
  const csp = helmetOnly.contentSecurityPolicy;
  const directives = typeof csp === 'object' ? Object.values(csp.directives ?? {}) : [];
  if (directives.some((value) => typeof value === 'function' || (Array.isArray(value) && value.some((each) => typeof each === 'function')))) {
    throw new Error('A CSP directive worked out per request (a function) is not supported: review security.ts.');
  }
  const helmet = createRequire(require.resolve('@fastify/helmet'))('helmet') as (options: object) => HelmetMiddleware;
  const changes: HeaderChange[] = [];
  let finished = false;
  const request = new Proxy({}, { get: () => { throw new Error('helmet read the request: its headers vary per request; review security.ts.'); } });
  const response = {
    setHeader: (name: string, value: string) => void changes.push(['set', name, value]),
    removeHeader: (name: string) => void changes.push(['remove', name]),
  };
  helmet(helmetOnly)(request, response, (error) => {
    if (error !== undefined) throw error instanceof Error ? error : new Error('helmet refused its options: review security.ts.');
    finished = true;
  });
  if (!finished) throw new Error('helmet did not finish at once: review security.ts.');
  return changes;
}

/** The error @fastify/csrf-protection would answer this request with, or null when its token is good. */
function formTokenRefusal(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Error | null {
  let refusal: Error | null = null;
  // It sends its refusal on the reply; a stand-in reply catches it instead, so that the form can be kept.
  const probe = Object.create(reply, { send: { value: (error: Error) => ((refusal = error), probe) } }) as FastifyReply;
  app.csrfProtection(request, probe, () => undefined);
  return refusal;
}

/** Whom a form token is made for when nobody is signed in (the sign-in page's form). */
const NOBODY = 'nobody';

/**
 * A form's token, made for the signed-in user (or nobody): their id, a dot, then @fastify/csrf-protection's
 * token bound to that id. A form shown to one user and posted after another signed in on the same browser
 * is then refused, never saved as the second user's (checkFormToken).
 */
export function formToken(reply: FastifyReply): string {
  const shownTo = reply.request.user?.id ?? NOBODY;
  return `${shownTo}.${reply.generateCsrf({ userInfo: shownTo })}`;
}

/** The posted form token, split into whom it says it was made for and the library's token. */
function postedToken(request: FastifyRequest): { shownTo: string; token: string } | null {
  const body = request.body as { _csrf?: unknown } | undefined;
  const posted = body?._csrf ?? request.headers['csrf-token'] ?? request.headers['x-csrf-token'];
  if (typeof posted !== 'string') return null;
  const dot = posted.indexOf('.');
  return dot > 0 ? { shownTo: posted.slice(0, dot), token: posted.slice(dot + 1) } : null;
}

/** The refusal of a good token made for another user than the one now signed in, as @fastify/csrf-protection's own. */
const madeForAnotherUser = () => Object.assign(new Error('Invalid csrf token'), { code: 'FST_CSRF_INVALID_TOKEN', statusCode: 403 });

export interface SecurityOptions {
  /** The service's secret, under which the rate limits' keys are hashed. */
  secret: string;
}

export const security = fp(async (app: FastifyInstance, options: SecurityOptions) => {
  const { config } = app.ctx;
  // The headers @fastify/helmet would set, set on the raw response in its order, at the same point in
  // the request (an onRequest hook registered here), for every route: pages, API, FHIR, errors, assets.
  const headerChanges = helmetHeaderChanges(helmetOptions(config));
  app.addHook('onRequest', function securityHeaders(_request, reply, done) {
    const raw = reply.raw;
    for (const change of headerChanges) {
      if (change[0] === 'set') raw.setHeader(change[1], change[2]);
      else raw.removeHeader(change[1]);
    }
    done();
  });

  // Pages and API answers carry personal data: nothing but static assets may be cached.
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/assets/')) reply.header('Cache-Control', 'no-store');
  });

  await app.register(fastifyRateLimit, { global: false, store: rateLimitStore(app.ctx, options.secret) });

  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    // The token is checked as made for whom it says (a dot-separated prefix); checkFormToken then
    // checks that is who is signed in. Its key is derived from the service's secret.
    getToken: (request) => postedToken(request)?.token,
    getUserInfo: (request) => postedToken(request)?.shownTo ?? '',
    csrfOpts: { hmacKey: createHash('sha256').update(`form-token:${options.secret}`).digest() },
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: config.cookieSecure === true },
  });
  /**
   * The CSRF check, except that a kept form page's form with an expired or missing token is kept and
   * shown again with what was typed ("Your form had expired"), not refused with a bare 403: nothing is
   * saved from it, and the user must press save again on a page with a fresh token. A good token made
   * for another user than the one signed in (their form, left open in a tab on this browser) is refused
   * too; a kept form page's form is then kept for the user it was shown to, never the one signed in.
   * With nobody signed in, a form shown to a user goes on to be answered as before (sign in again).
   * Each refusal with someone signed in is audited as theirs (auditRefusal); with nobody signed in
   * there is no caller to name, and the request metrics count it (403, or the kept form's answer).
   */
  async function checkFormToken(request: FastifyRequest, reply: FastifyReply) {
    const refusal = formTokenRefusal(app, request, reply);
    if (refusal) {
      await auditRefusal(request, 'bad-token');
      if (await keepTypedForm(request, reply)) return reply;
      return reply.send(refusal);
    }
    const shownTo = postedToken(request)!.shownTo;
    if (!request.user || shownTo === NOBODY || shownTo === request.user.id) return;
    await auditRefusal(request, 'another-user');
    const owner = await sessionUser(app.ctx, shownTo);
    if (owner) await keepTypedForm(request, reply, owner);
    return reply.send(madeForAnotherUser());
  }
  /** One audit entry for a refused form token, by the one signed in: the route template and why, nothing typed. */
  async function auditRefusal(request: FastifyRequest, reason: FormTokenRefusalReason) {
    if (!request.user) return;
    await recordRefusedFormToken(app.ctx, actorFor(request.user, 'web', request.ip), { method: request.method, route: request.routeOptions.url ?? '', reason });
  }
  // Every form post is checked; the API uses bearer tokens, not cookies, so it needs no CSRF token.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url.startsWith('/api/') || !methods.some((m) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m))) return;
    const existing = route.preHandler ? (Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler]) : [];
    route.preHandler = [checkFormToken, ...existing];
  });
});
