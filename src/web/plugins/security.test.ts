import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { WebClient } from '../../../test/helpers/web-client.ts';

/** Posts a form with the client's cookies but exactly the fields given: no CSRF token is added. */
function postWithoutToken(t: TestApp, client: WebClient, url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(fields).toString(),
    headers: { cookie: client.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
  });
}

function assertFormExpired(response: LightMyRequestResponse): void {
  assert.equal(response.statusCode, 403);
  assert.match(String(response.headers['content-type']), /text\/html/);
  assert.match(response.body, /This form has expired/);
}

function cspDirectives(response: LightMyRequestResponse): Map<string, string[]> {
  const header = response.headers['content-security-policy'] ?? '';
  return new Map(
    header
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function sessionCookieOf(response: LightMyRequestResponse) {
  return response.cookies.find((cookie) => cookie.name === 'icp_session');
}

describe('CSRF protection', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t.close();
  });

  it('refuses a sign-in posted without ever loading the form, and signs no one in', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    const response = await client.post('/sign-in', { email: user.email, password: user.password });
    assertFormExpired(response);
    assert.equal(client.cookie('icp_session'), undefined);
    assert.equal((await client.get('/')).statusCode, 303);
  });

  it('refuses a sign-in posted without the token from the form, and writes no sign-in audit entry', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.get('/sign-in');
    const response = await postWithoutToken(t, client, '/sign-in', { email: user.email, password: user.password });
    assertFormExpired(response);
    assert.equal(sessionCookieOf(response), undefined);
    const audits = await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'sign-in').where('subject_id', '=', user.id).execute();
    assert.equal(audits.length, 0);
  });

  it('refuses a sign-out without a token and leaves the user signed in', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    await client.get('/');
    assertFormExpired(await postWithoutToken(t, client, '/sign-out', {}));
    assert.equal((await client.get('/')).statusCode, 200);
    const signOuts = await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'sign-out').where('subject_id', '=', user.id).execute();
    assert.equal(signOuts.length, 0);
  });

  it('refuses a sign-out with a forged token and leaves the user signed in', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    assertFormExpired(await client.post('/sign-out', { _csrf: 'forged-token-value' }));
    assert.equal((await client.get('/')).statusCode, 200);
  });

  it('refuses a sign-out carrying a token issued to another browser', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    const attacker = new WebClient(t.app);
    const attackerPage = await attacker.get('/sign-in');
    const attackerToken = /name="_csrf" value="([^"]+)"/.exec(attackerPage.body)![1]!;
    assertFormExpired(await client.post('/sign-out', { _csrf: attackerToken }));
    assert.equal((await client.get('/')).statusCode, 200);
  });

  it('accepts a sign-out with the token from the page', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    await client.get('/');
    const response = await client.post('/sign-out');
    assert.equal(response.statusCode, 303);
    assert.equal((await client.get('/')).statusCode, 303);
  });
});

describe('security headers and cookies', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t.close();
  });

  it('sends a Content-Security-Policy with no inline scripts and no framing', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/sign-in' });
    const csp = cspDirectives(response);
    const scriptSrc = csp.get('script-src');
    assert.ok(scriptSrc, 'script-src is set');
    assert.ok(!scriptSrc.includes("'unsafe-inline'"), "script-src has no 'unsafe-inline'");
    assert.ok(!scriptSrc.includes("'unsafe-eval'"), "script-src has no 'unsafe-eval'");
    assert.ok(scriptSrc.includes("'self'"));
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(csp.get('object-src'), ["'none'"]);
  });

  it('allows the page’s one inline script by its hash', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/sign-in' });
    const inline = /<script>([^<]+)<\/script>/.exec(response.body);
    assert.ok(inline, 'the page has the govuk template’s inline script');
    const hash = `'sha256-${createHash('sha256').update(inline[1]!).digest('base64')}'`;
    assert.ok(cspDirectives(response).get('script-src')!.includes(hash));
  });

  it('tells browsers not to sniff content types and to send referrers only within the site', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/sign-in' });
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['referrer-policy'], 'same-origin');
  });

  it('forbids caching of pages, error pages and API answers', async () => {
    for (const url of ['/sign-in', '/privacy', '/no-such-page', '/health', '/api/v1/me']) {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.headers['cache-control'], 'no-store', url);
    }
  });

  it('forbids caching of a signed-in page', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    const response = await client.get('/');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
  });

  it('lets browsers cache the GOV.UK Frontend stylesheet', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/assets/govuk-frontend.min.css' });
    assert.equal(response.statusCode, 200);
    const cacheControl = String(response.headers['cache-control']);
    assert.doesNotMatch(cacheControl, /no-store/);
    assert.match(cacheControl, /public/);
    assert.match(cacheControl, /max-age=\d+/);
  });

  it('serves the stylesheet without the GDS Transport font', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/assets/govuk-frontend.min.css' });
    assert.match(String(response.headers['content-type']), /text\/css/);
    assert.ok(response.body.length > 10_000, 'the stylesheet is served');
    assert.ok(!response.body.includes('GDS Transport'));
  });

  it('does not serve the GDS Transport font files, but does serve govuk images', async () => {
    const font = await t.app.inject({ method: 'GET', url: '/assets/fonts/bold-b542beb274-v2.woff2' });
    assert.equal(font.statusCode, 404);
    const image = await t.app.inject({ method: 'GET', url: '/assets/images/favicon.svg' });
    assert.equal(image.statusCode, 200);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, and not Secure over plain HTTP', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    const response = await client.signIn(user.email, user.password);
    const cookie = sessionCookieOf(response);
    assert.ok(cookie, 'signing in sets the session cookie');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.notEqual(cookie.secure, true);
  });

  it('sends no Strict-Transport-Security header unless cookies are set to be secure', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/sign-in' });
    assert.equal(response.headers['strict-transport-security'], undefined);
  });
});

describe('behind an HTTPS proxy with COOKIE_SECURE', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { COOKIE_SECURE: 'true', TRUST_PROXY: 'true' } });
  });
  after(async () => {
    await t.close();
  });

  const https = { 'x-forwarded-proto': 'https' };

  it('marks the session and CSRF cookies Secure', async () => {
    const user = await makeUser(t.ctx);
    const page = await t.app.inject({ method: 'GET', url: '/sign-in', headers: https });
    const csrfCookie = page.cookies.find((cookie) => cookie.name === '_csrf');
    assert.ok(csrfCookie);
    assert.equal(csrfCookie.secure, true);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;

    const response = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: new URLSearchParams({ _csrf: token, email: user.email, password: user.password }).toString(),
      headers: { ...https, 'content-type': 'application/x-www-form-urlencoded', cookie: `_csrf=${csrfCookie.value}` },
    });
    assert.equal(response.statusCode, 303);
    const cookie = sessionCookieOf(response);
    assert.ok(cookie, 'signing in sets the session cookie');
    assert.equal(cookie.secure, true);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
  });

  it('sends Strict-Transport-Security', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/sign-in', headers: https });
    assert.match(String(response.headers['strict-transport-security']), /max-age=\d+/);
  });
});
