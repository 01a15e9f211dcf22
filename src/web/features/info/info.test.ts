import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { makeUser } from '../../../../test/helpers/factories.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

const INFO_PAGES = [
  { url: '/accessibility', heading: 'Accessibility statement for Infant Care Profile' },
  { url: '/cookies', heading: 'Cookies' },
  { url: '/privacy', heading: 'Privacy notice' },
];

/** Signs of an internal detail escaping into an answer: a stack frame, a source file, SQL or a table name. */
function assertNothingInternal(response: LightMyRequestResponse): void {
  const body = response.body;
  for (const leak of [/stack/i, /\n\s+at /, /\bat \S+ \(/, /\.ts:\d+/, /node_modules/, /relation/i, /sessions|api_tokens/, /\bSELECT\b|\bFROM\b/, /does not exist/]) {
    assert.doesNotMatch(body, leak);
  }
}

describe('information pages and not found', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t.close();
  });

  for (const { url, heading } of INFO_PAGES) {
    it(`shows ${url} to someone not signed in`, async () => {
      const response = await new WebClient(t.app).get(url);
      assert.equal(response.statusCode, 200);
      assert.match(response.body, new RegExp(`<h1[^>]*>${heading}</h1>`));
      assert.match(response.body, /href="\/sign-in">Sign in<\/a>/);
    });

    it(`shows ${url} to someone signed in, with who they are`, async () => {
      const user = await makeUser(t.ctx, { name: 'Iris Reader' });
      const client = new WebClient(t.app);
      await client.signIn(user.email, user.password);
      const response = await client.get(url);
      assert.equal(response.statusCode, 200);
      assert.match(response.body, new RegExp(`<h1[^>]*>${heading}</h1>`));
      assert.match(response.body, /data-qa="signed-in-user">Iris Reader,/);
    });
  }

  it('names the cookies the service sets', async () => {
    const response = await new WebClient(t.app).get('/cookies');
    assert.match(response.body, /icp_session/);
    assert.match(response.body, /_csrf/);
  });

  it('links to the information pages from every page’s footer', async () => {
    const response = await new WebClient(t.app).get('/sign-in');
    for (const { url } of INFO_PAGES) assert.ok(response.body.includes(`href="${url}"`), url);
  });

  it('answers an unknown address with the "Page not found" page', async () => {
    const response = await new WebClient(t.app).get('/no/such/page?x=1');
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers['content-type']), /text\/html/);
    assert.match(response.body, /<h1[^>]*>Page not found<\/h1>/);
    assert.match(response.body, /<title[^>]*>Page not found - Infant Care Profile<\/title>/);
  });

  it('answers an unknown API address with a JSON not-found error', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nope' });
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers['content-type']), /application\/json/);
    const body: unknown = response.json();
    assert.deepEqual(body, { error: { code: 'not-found', message: 'There is nothing at this address.', details: [] } });
  });
});

describe('when something goes wrong inside the service', () => {
  let t: TestApp;
  let client: WebClient;
  let token: string;

  before(async () => {
    t = await createTestApp();
    const user = await makeUser(t.ctx);
    client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    const issued = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', payload: { email: user.email, password: user.password } });
    assert.equal(issued.statusCode, 201);
    token = (issued.json<{ token: string }>()).token;
    // The database loses the tables behind sessions and tokens: every signed-in request now fails.
    await sql`DROP TABLE sessions`.execute(t.ctx.db);
    await sql`DROP TABLE api_tokens`.execute(t.ctx.db);
  });
  after(async () => {
    await t.close();
  });

  it('shows the error page with a reference to quote, and nothing internal', async () => {
    const response = await client.get('/');
    assert.equal(response.statusCode, 500);
    assert.match(String(response.headers['content-type']), /text\/html/);
    assert.match(response.body, /Sorry, there is a problem with the service/);
    const reference = /data-qa="error-reference">([^<]+)</.exec(response.body);
    assert.ok(reference, 'gives a reference');
    assert.match(reference[1]!, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assertNothingInternal(response);
  });

  it('gives each failed request its own reference', async () => {
    const references = await Promise.all(
      [1, 2].map(async () => /data-qa="error-reference">([^<]+)</.exec((await client.get('/privacy')).body)?.[1]),
    );
    assert.ok(references[0] && references[1]);
    assert.notEqual(references[0], references[1]);
  });

  it('answers the API with a JSON internal error, and nothing internal', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.statusCode, 500);
    assert.match(String(response.headers['content-type']), /application\/json/);
    const body = response.json<{ error: { code: string; message: string; details: unknown[] } }>();
    assert.equal(body.error.code, 'internal-error');
    assert.deepEqual(body.error.details, []);
    assertNothingInternal(response);
  });
});
