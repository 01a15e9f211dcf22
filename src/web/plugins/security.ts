// Security headers (a CSP with no inline scripts bar one known by its hash), no caching of pages,
// CSRF protection on every form (a kept form page's form kept rather than refused), and rate limiting
// where routes ask for it, counted in the database so that a limit holds across server processes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { rateLimitStore } from '../../application/auth/rate-limits.ts';
import { keepTypedForm } from './kept-forms.ts';

const require = createRequire(import.meta.url);

/** The govuk template's one inline script (it marks the body js-enabled) is allowed by its hash. */
export function govukTemplateScriptHash(): string {
  const template = fs.readFileSync(require.resolve('govuk-frontend/dist/govuk/template.njk'), 'utf8');
  const match = /<script[^>]*>([^<]+)<\/script>/.exec(template);
  if (!match) throw new Error('The govuk template no longer has its inline script: review the CSP.');
  return `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`;
}

/** The error @fastify/csrf-protection would answer this request with, or null when its token is good. */
function formTokenRefusal(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Error | null {
  let refusal: Error | null = null;
  // It sends its refusal on the reply; a stand-in reply catches it instead, so that the form can be kept.
  const probe = Object.create(reply, { send: { value: (error: Error) => ((refusal = error), probe) } }) as FastifyReply;
  app.csrfProtection(request, probe, () => undefined);
  return refusal;
}

export interface SecurityOptions {
  /** The service's secret, under which the rate limits' keys are hashed. */
  secret: string;
}

export const security = fp(async (app: FastifyInstance, options: SecurityOptions) => {
  const { config } = app.ctx;
  const https = config.cookieSecure === true;
  await app.register(fastifyHelmet, {
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
  });

  // Pages and API answers carry personal data: nothing but static assets may be cached.
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/assets/')) reply.header('Cache-Control', 'no-store');
  });

  await app.register(fastifyRateLimit, { global: false, store: rateLimitStore(app.ctx, options.secret) });

  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: config.cookieSecure === true },
  });
  /**
   * The CSRF check, except that a kept form page's form with an expired or missing token is kept and
   * shown again with what was typed ("Your form had expired"), not refused with a bare 403: nothing is
   * saved from it, and the user must press save again on a page with a fresh token.
   */
  async function checkFormToken(request: FastifyRequest, reply: FastifyReply) {
    const refusal = formTokenRefusal(app, request, reply);
    if (!refusal) return;
    if (await keepTypedForm(request, reply)) return reply;
    return reply.send(refusal);
  }
  // Every form post is checked; the API uses bearer tokens, not cookies, so it needs no CSRF token.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url.startsWith('/api/') || !methods.some((m) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m))) return;
    const existing = route.preHandler ? (Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler]) : [];
    route.preHandler = [checkFormToken, ...existing];
  });
});
