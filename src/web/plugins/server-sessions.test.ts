import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Signer } from '@fastify/cookie';
import { makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from '../../../test/helpers/test-app.ts';
import { WebClient } from '../../../test/helpers/web-client.ts';
import { DatabaseSessionStore, storedSessionKey } from '../../infrastructure/security/session-store.ts';
import { SESSION_COOKIE } from './sessions.ts';

describe('the session of each request (server-sessions.ts)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  const sessionRows = async () => (await t.ctx.db.selectFrom('sessions').select(['id', 'user_id', 'data']).execute()).length;
  const sessionCookie = (response: { cookies: { name: string; value: string; expires?: Date; httpOnly?: boolean; sameSite?: string; path?: string }[] }) =>
    response.cookies.find((cookie) => cookie.name === SESSION_COOKIE);

  it('stores nothing and sets no cookie for a request without one that puts nothing in its session', async () => {
    const before = await sessionRows();
    const response = await t.app.inject({ url: '/sign-in' });
    assert.equal(response.statusCode, 200);
    assert.equal(sessionCookie(response), undefined);
    assert.equal(await sessionRows(), before);
  });

  it('sets a signed, HttpOnly, SameSite=Lax cookie for the whole site on sign-in, naming the row stored under the hash of its id', async () => {
    const user = await makeUser(t.ctx);
    const response = await new WebClient(t.app).signIn(user.email, user.password);
    const cookie = sessionCookie(response);
    assert.ok(cookie, 'a session cookie');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.ok(cookie.expires, 'kept by the browser beyond this visit: it has an expiry');
    const unsigned = new Signer(TEST_SESSION_SECRET, 'sha256').unsign(cookie.value);
    assert.equal(unsigned.valid, true);
    const row = await t.ctx.db.selectFrom('sessions').select(['user_id', 'data']).where('id', '=', storedSessionKey(unsigned.value)).executeTakeFirstOrThrow();
    assert.equal(row.user_id, user.id);
    assert.equal(row.data['userId'], user.id);
    assert.equal(row.data['cookie'], undefined, 'the cookie is not stored with the data');
  });

  it('refuses a cookie tampered with, or signed with another secret, and clears it', async () => {
    const user = await makeUser(t.ctx);
    const client = await WebClient.signedIn(t.app, user);
    const good = decodeURIComponent(client.cookie(SESSION_COOKIE)!);
    const id = good.slice(0, good.lastIndexOf('.'));
    const forged = [`${id}.${'A'.repeat(43)}`, new Signer('another-secret-that-is-long-enough-0123456789', 'sha256').sign(id), `${id.slice(0, -1)}x${good.slice(good.lastIndexOf('.'))}`];
    for (const cookie of forged) {
      const response = await t.app.inject({ url: '/account', headers: { cookie: `${SESSION_COOKIE}=${encodeURIComponent(cookie)}` } });
      assert.equal(response.statusCode, 303, 'not signed in');
      const cleared = sessionCookie(response);
      assert.ok(cleared && cleared.value === '', 'the cookie is cleared');
    }
    assert.equal((await client.get('/account')).statusCode, 200, 'the real session is untouched');
  });

  it('on sign-in again removes the old session and starts one under a new id', async () => {
    const user = await makeUser(t.ctx);
    const client = await WebClient.signedIn(t.app, user);
    const first = client.cookie(SESSION_COOKIE);
    const stale = client.cookieHeader;
    await client.signIn(user.email, user.password);
    assert.notEqual(client.cookie(SESSION_COOKIE), first);
    assert.equal((await client.get('/account')).statusCode, 200);
    assert.equal((await t.app.inject({ url: '/account', headers: { cookie: stale } })).statusCode, 303, 'the old id signs nobody in');
    const rows = await t.ctx.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    assert.equal(rows.length, 1);
  });

  it('on sign-out removes the stored session', async () => {
    const user = await makeUser(t.ctx);
    const client = await WebClient.signedIn(t.app, user);
    const stale = client.cookieHeader;
    await client.get('/account');
    assert.equal((await client.post('/sign-out')).statusCode, 303);
    assert.equal((await t.ctx.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).length, 0);
    assert.equal((await t.app.inject({ url: '/account', headers: { cookie: stale } })).statusCode, 303);
  });
  it('answers with an error page, leaving the cookie, while the store cannot be read; signed in again once it can', async () => {
    const user = await makeUser(t.ctx);
    const client = await WebClient.signedIn(t.app, user);
    const read = Object.getOwnPropertyDescriptor(DatabaseSessionStore.prototype, 'get')!;
    DatabaseSessionStore.prototype.get = (_id, callback) => callback(new Error('connection terminated'));
    try {
      const response = await t.app.inject({ url: '/account', headers: { cookie: client.cookieHeader } });
      assert.equal(response.statusCode, 500);
      assert.match(response.body, /<\/html>\s*$/, 'the error page, whole');
      assert.equal(sessionCookie(response), undefined, 'the cookie neither cleared nor set');
    } finally {
      Object.defineProperty(DatabaseSessionStore.prototype, 'get', read);
    }
    assert.equal((await client.get('/account')).statusCode, 200, 'still signed in');
  });
});
