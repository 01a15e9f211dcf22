import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, qaElements, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:130.0) Gecko/130.0 Firefox/130.0';

describe('your account: sessions and API tokens', () => {
  let t: TestApp;
  let user: Awaited<ReturnType<typeof makeUser>>;
  before(async () => {
    t = await createTestApp();
    user = await makeUser(t.ctx, { name: 'Ada Account' });
  });
  after(async () => t.close());

  /** A client signed in from a named browser. */
  async function signedInFrom(userAgent: string): Promise<WebClient> {
    const client = new WebClient(t.app, { headers: { 'user-agent': userAgent } });
    await client.signIn(user.email, user.password);
    return client;
  }

  it('sends someone not signed in to sign in first', async () => {
    const response = await new WebClient(t.app).get('/account');
    assert.equal(response.statusCode, 303);
    assert.match(String(response.headers.location), /^\/sign-in\?returnTo=%2Faccount/);
  });

  it('is reached from the name in the header', async () => {
    const client = await WebClient.signedIn(t.app, user);
    assert.match((await client.get('/')).body, /href="\/account" data-qa="signed-in-user"/);
  });

  it('lists the sessions with the one in use marked, and signs out of another, which then signs nobody in', async () => {
    const phone = await signedInFrom(FIREFOX_ANDROID);
    const desk = await WebClient.signedIn(t.app, user);
    const page = await desk.get('/account');
    assert.equal(page.statusCode, 200);
    assert.ok(qaElement(page.body, 'current-session'));
    const others = qaElements(page.body, 'other-session');
    const phoneRow = others.find((row) => textOf(row).includes('Firefox on Android'));
    assert.ok(phoneRow, 'the phone is listed by its browser and system');
    const key = /action="\/account\/sessions\/([0-9a-f]{64})\/end"/.exec(phoneRow)![1]!;
    const ended = await desk.post(`/account/sessions/${key}/end`);
    assert.equal(ended.statusCode, 303);
    assert.equal(ended.headers.location, '/account#sessions');
    assert.equal((await phone.get('/')).statusCode, 303, 'the phone is signed out');
    assert.equal(textOf(qaElement((await desk.get('/')).body, 'sessions-ended')), 'Success Signed out of 1 other session.', 'the banner is on the next page');
    assert.equal(qaElement((await desk.get('/account')).body, 'sessions-ended'), null, 'and only once');
  });

  it('signs out of all the others at once, never this one, and audits it', async () => {
    const others = [await signedInFrom(FIREFOX_ANDROID), await WebClient.signedIn(t.app, user)];
    const desk = await WebClient.signedIn(t.app, user);
    await desk.get('/account');
    assert.equal((await desk.post('/account/sessions/end-others')).statusCode, 303);
    assert.match(textOf(qaElement((await desk.get('/account')).body, 'sessions-ended')), /^Success Signed out of \d+ other sessions\.$/);
    for (const other of others) assert.equal((await other.get('/')).statusCode, 303);
    assert.equal((await desk.get('/')).statusCode, 200);
    const audit = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'session.end-others').where('actor_user_id', '=', user.id).execute();
    assert.ok(audit.length >= 1 && (audit.at(-1)!.details as { ended: number }).ended >= 2);
  });

  it('refuses to end another user’s session, or one that is gone, with 404 and an audit entry', async () => {
    const stranger = await makeUser(t.ctx);
    await WebClient.signedIn(t.app, stranger);
    const theirKey = (await t.ctx.db.selectFrom('sessions').select('id').where('user_id', '=', stranger.id).executeTakeFirstOrThrow()).id;
    const desk = await WebClient.signedIn(t.app, user);
    await desk.get('/account');
    assert.equal((await desk.post(`/account/sessions/${theirKey}/end`)).statusCode, 404);
    assert.ok(await t.ctx.db.selectFrom('sessions').select('id').where('id', '=', theirKey).executeTakeFirst(), 'their session is untouched');
    const denied = await t.ctx.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'session.end').where('outcome', '=', 'denied').execute();
    assert.ok(denied.some((d) => d.subject_id === theirKey));
  });

  it('creates a named, scoped token, shows it once, and it works with those scopes only', async () => {
    const client = await WebClient.signedIn(t.app, user);
    await client.get('/account');
    const empty = await client.post('/account/tokens', {});
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(summaryErrors(empty.body), ['#name: Enter what the token is for, such as the name of the system that will use it', '#scopes: Select what the token may do']);
    const posted = await client.post('/account/tokens', { name: 'Ward system', scopes: 'feed' });
    assert.equal(posted.statusCode, 303, 'post/redirect/get: a refresh of the page after does not post again');
    assert.equal(posted.headers.location, '/account#tokens');
    const response = await client.get('/account');
    const token = textOf(qaElement(response.body, 'new-token'));
    assert.match(token, /^icp_/);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 403, 'a feed token cannot read');
    const again = await client.get('/account');
    assert.ok(!again.body.includes(token), 'never shown again');
    assert.equal(qaElement(again.body, 'token-panel'), null, 'refreshing shows no panel');
    assert.match(textOf(qaElement(again.body, 'tokens')), /Ward system\s+feed/);
    const named = await t.ctx.db.selectFrom('api_tokens').select('id').where('name', '=', 'Ward system').execute();
    assert.equal(named.length, 1, 'refreshing made no other token');
  });

  it('revokes a token so it stops working, and refuses another user’s token with 404', async () => {
    const client = await WebClient.signedIn(t.app, user);
    await client.get('/account');
    await client.post('/account/tokens', { name: 'To revoke', scopes: 'read' });
    const token = textOf(qaElement((await client.get('/account')).body, 'new-token'));
    const id = (await t.ctx.db.selectFrom('api_tokens').select('id').where('name', '=', 'To revoke').executeTakeFirstOrThrow()).id;
    const revoked = await client.post(`/account/tokens/${id}/revoke`);
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, '/account#tokens');
    assert.equal(textOf(qaElement((await client.get('/account')).body, 'token-revoked')), 'Success Token revoked: it no longer works.');
    assert.equal(qaElement((await client.get('/account')).body, 'token-revoked'), null, 'the banner is shown once');
    const bookmarked = (await client.get('/account?revoked=1&ended=3')).body;
    assert.equal(qaElement(bookmarked, 'token-revoked') ?? qaElement(bookmarked, 'sessions-ended'), null, 'nor by an old bookmark');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 401);
    const stranger = await makeUser(t.ctx);
    const theirs = await WebClient.signedIn(t.app, stranger);
    await theirs.get('/account');
    assert.equal((await theirs.post(`/account/tokens/${id}/revoke`)).statusCode, 404);
  });
});
