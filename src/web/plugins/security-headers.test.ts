import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fastifyHelmet from '@fastify/helmet';
import Fastify from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { helmetHeaderChanges, helmetOptions } from './security.ts';

/** The headers @fastify/helmet itself sets with the service's options, in its order, from a bare server with one route. */
async function helmetsOwnHeaders(t: TestApp): Promise<[string, string][]> {
  const bare = Fastify();
  await bare.register(fastifyHelmet, helmetOptions(t.ctx.config));
  bare.get('/', async () => 'x');
  const response = await bare.inject({ method: 'GET', url: '/' });
  await bare.close();
  const names = new Set(helmetHeaderChanges(helmetOptions(t.ctx.config)).flatMap((change) => (change[0] === 'set' ? [change[1].toLowerCase()] : [])));
  return Object.entries(response.headers).flatMap(([name, value]) => (names.has(name) ? [[name, String(value)] as [string, string]] : []));
}

/** The same headers of a response of the service, in the order they were set. */
function securityHeadersOf(response: LightMyRequestResponse, names: readonly string[]): [string, string][] {
  return Object.entries(response.headers).flatMap(([name, value]) => (names.includes(name) ? [[name, String(value)] as [string, string]] : []));
}

/** A page, a page's form refused, API and FHIR answers, a missing page, an asset, a health check, a redirect. */
function everyKindOfRoute(t: TestApp): Promise<LightMyRequestResponse>[] {
  return [
    t.app.inject({ method: 'GET', url: '/sign-in' }),
    t.app.inject({ method: 'POST', url: '/sign-in', payload: 'email=a%40b.c&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    t.app.inject({ method: 'GET', url: '/api/v1/me' }),
    t.app.inject({ method: 'POST', url: '/api/v1/tokens', payload: '{"email":', headers: { 'content-type': 'application/json' } }),
    t.app.inject({ method: 'POST', url: '/api/v1/fhir/Bundle', payload: '{}', headers: { 'content-type': 'application/fhir+json' } }),
    t.app.inject({ method: 'GET', url: '/no-such-page' }),
    t.app.inject({ method: 'GET', url: '/assets/govuk-frontend.min.css' }),
    t.app.inject({ method: 'GET', url: '/health' }),
    t.app.inject({ method: 'GET', url: '/' }),
  ];
}

for (const [variant, env] of [
  ['over plain HTTP', {}],
  ['behind an HTTPS proxy with COOKIE_SECURE', { COOKIE_SECURE: 'true', TRUST_PROXY: 'true' }],
] as const) {
  describe(`security headers worked out once, ${variant}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp({ env });
    });
    after(async () => {
      await t.close();
    });

    it('are byte for byte, and in the same order, the headers @fastify/helmet itself sets, on every kind of route', async () => {
      const expected = await helmetsOwnHeaders(t);
      assert.ok(expected.some(([name]) => name === 'content-security-policy'));
      assert.equal(expected.some(([name]) => name === 'strict-transport-security'), variant !== 'over plain HTTP');
      const names = expected.map(([name]) => name);
      const responses = await Promise.all(everyKindOfRoute(t));
      // The kinds are really different answers: a page, a refusal, API errors, a missing page, an asset, a redirect.
      assert.deepEqual(
        responses.map((response) => response.statusCode),
        [200, 403, 401, 400, 401, 404, 200, 200, 303],
      );
      for (const [i, response] of responses.entries()) assert.deepEqual(securityHeadersOf(response, names), expected, `route ${String(i)}`);
    });
  });
}

describe('helmetHeaderChanges', () => {
  it('refuses options whose headers would vary per request', () => {
    assert.throws(() => helmetHeaderChanges({ enableCSPNonces: true }), /nonces/);
    assert.throws(() => helmetHeaderChanges({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", () => "'nonce-x'"] } } }), /per request/);
  });
});
