// Single sign-on against a real OpenID provider (oidc-provider, in this process on 127.0.0.1): the
// whole authorization code flow with PKCE, the first sign-in asking an administrator to approve the
// link to the provider's user id and later ones matched by that id alone, a sign-out that ends the
// provider's session too, and each refusal, every one audited and none signing anyone in.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { approveProviderLink, removeProviderLink } from '../../../application/accounts/provider-links.ts';
import { actorFor, makeUser } from '../../../../test/helpers/factories.ts';
import { startTestProvider, type TestLogin, type TestProvider } from '../../../../test/helpers/oidc-test-provider.ts';
import { enrolTwoFactor } from '../../../../test/helpers/two-factor.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

const APP_ORIGIN = 'http://icp.test';

describe('single sign-on with OpenID Connect', () => {
  let t: TestApp;
  let provider: TestProvider;
  let admin: Awaited<ReturnType<typeof makeUser>>;

  before(async () => {
    provider = await startTestProvider(APP_ORIGIN);
    // A second provider where nothing listens: port 9 (discard) on this machine refuses the connection.
    const unreachable = { ...provider.settings('down', 'Down Identity'), issuer: 'http://127.0.0.1:9' };
    t = await createTestApp({ env: { OIDC_PROVIDERS: JSON.stringify([provider.settings('test', 'Test Identity'), unreachable]), PUBLIC_URL: APP_ORIGIN } });
    admin = await makeUser(t.ctx, { role: 'admin', name: 'Link Approver' });
  });
  after(async () => {
    await t.close();
    await provider.close();
  });
  beforeEach(async () => {
    provider.tamperIdToken = null;
    await provider.alignClock(t.clock);
  });

  /** Presses "Sign in with Test Identity": the address the service sends the browser to at the provider. */
  async function startSignIn(client: WebClient, returnTo = '/'): Promise<URL> {
    await client.get('/sign-in');
    const response = await client.post('/sign-in/oidc/test', { returnTo });
    assert.equal(response.statusCode, 303, response.body);
    return new URL(response.headers.location!);
  }

  /** The whole round trip through the provider: the service's answer to the provider's redirect back. */
  async function signInThroughProvider(client: WebClient, login: TestLogin, change: { authorization?: (url: URL) => void; callback?: (path: string) => string } = {}) {
    const authorization = await startSignIn(client);
    change.authorization?.(authorization);
    const callback = await provider.authorize(authorization.href, login, APP_ORIGIN);
    return client.get(change.callback ? change.callback(callback) : callback);
  }

  /** The first sign-in (which asks for approval) and an administrator's approval: later sign-ins as this login's id sign in. */
  async function linkAccount(user: { id: string; email: string }, login: TestLogin = { email: user.email }): Promise<void> {
    const first = await signInThroughProvider(new WebClient(t.app), login);
    assert.equal(first.statusCode, 403, first.body);
    assert.equal((await approveProviderLink(t.ctx, actorFor(admin), user.id, 'test')).ok, true);
  }

  async function links(userId: string) {
    return t.ctx.db.selectFrom('user_provider_links').select(['provider', 'subject', 'email', 'approved_at', 'approved_by']).where('user_id', '=', userId).execute();
  }

  async function lastSignInAudit() {
    const row = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'subject_id', 'actor_user_id', 'details']).where('action', '=', 'sign-in').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    return { ...row, details: row.details };
  }

  async function assertSignedOut(client: WebClient): Promise<void> {
    const home = await client.get('/');
    assert.equal(home.statusCode, 303, 'nobody is signed in');
    assert.match(home.headers.location!, /^\/sign-in/);
  }

  async function assertRefused(client: WebClient, response: LightMyRequestResponse, reason: string, status: number, message: RegExp, providerId = 'test'): Promise<void> {
    assert.equal(response.statusCode, status, response.body);
    assert.match(response.body, /<h1[^>]*>You have not been signed in<\/h1>/);
    assert.match(response.body, message);
    const audit = await lastSignInAudit();
    assert.equal(audit.outcome, 'failure');
    assert.equal(audit.details.reason, reason);
    assert.equal(audit.details.method, 'oidc');
    assert.equal(audit.details.provider, providerId);
    await assertSignedOut(client);
  }

  it('offers "Sign in with Test Identity" beside the password form, as a form post with the CSRF token', async () => {
    const page = await new WebClient(t.app).get('/sign-in?returnTo=%2Falerts');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<form method="post" action="\/sign-in\/oidc\/test" novalidate>\s*<input type="hidden" name="_csrf" value="[^"]+">\s*<input type="hidden" name="returnTo" value="\/alerts">/);
    assert.match(page.body, /data-qa="sign-in-with-test"[^>]*>\s*Sign in with Test Identity/);
    assert.match(page.body, /Or sign in with the email address and password/);
    assert.match(page.body, /data-qa="sign-in-button"/);
  });

  it('sends the user to the provider with PKCE (S256), a state and a nonce, and signs in the account linked to the user the provider vouches for', async () => {
    const user = await makeUser(t.ctx, { name: 'Sso Visitor' });
    await linkAccount(user, { email: user.email.toUpperCase() });
    const client = new WebClient(t.app);
    const authorization = await startSignIn(client, '/alerts');
    assert.equal(authorization.origin, provider.issuer);
    const params = authorization.searchParams;
    assert.equal(params.get('code_challenge_method'), 'S256');
    assert.match(params.get('code_challenge') ?? '', /^[\w-]{43}$/);
    assert.ok(params.get('state') && params.get('nonce'));
    assert.equal(params.get('redirect_uri'), `${APP_ORIGIN}/sign-in/oidc/test/callback`);
    assert.equal(params.get('scope'), 'openid email');

    const response = await client.get(await provider.authorize(authorization.href, { email: user.email.toUpperCase() }, APP_ORIGIN));
    assert.equal(response.statusCode, 303, response.body);
    assert.equal(response.headers.location, '/alerts');
    const home = await client.get('/');
    assert.match(home.body, /data-qa="signed-in-user">Sso Visitor,/);
    const audit = await lastSignInAudit();
    assert.deepEqual(
      { outcome: audit.outcome, subject: audit.subject_id, actor: audit.actor_user_id, method: audit.details.method, provider: audit.details.provider, twoFactor: audit.details.twoFactor },
      { outcome: 'success', subject: user.id, actor: user.id, method: 'oidc', provider: 'test', twoFactor: false },
    );
  });

  it("takes the provider's amr (mfa) or a multi-factor acr as the second factor, and says so in the audit", async () => {
    const user = await makeUser(t.ctx);
    await linkAccount(user);
    for (const login of [{ amr: ['pwd', 'mfa'] }, { amr: ['pwd', 'otp'] }, { acr: 'aal3' }]) {
      const response = await signInThroughProvider(new WebClient(t.app), { email: user.email, ...login });
      assert.equal(response.statusCode, 303, response.body);
      assert.equal((await lastSignInAudit()).details.twoFactor, true, JSON.stringify(login));
    }
    await signInThroughProvider(new WebClient(t.app), { email: user.email, amr: ['pwd'], acr: 'aal1' });
    assert.equal((await lastSignInAudit()).details.twoFactor, false);
  });

  it("goes on to the account's own code when the provider asked for one factor only, and not when it asked for two", async () => {
    const user = await makeUser(t.ctx, { role: 'safeguarding-lead' });
    await enrolTwoFactor(t.ctx, user);
    await linkAccount(user, { email: user.email, amr: ['pwd', 'mfa'] });
    const oneFactor = new WebClient(t.app);
    const toCode = await signInThroughProvider(oneFactor, { email: user.email, amr: ['pwd'] });
    assert.equal(toCode.statusCode, 303);
    assert.equal(toCode.headers.location, '/sign-in/two-factor');
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', user.id).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.equal(audit.action, 'sign-in.provider');
    assert.equal((audit.details).next, 'code');
    await assertSignedOut(oneFactor);

    const twoFactors = new WebClient(t.app);
    const signedIn = await signInThroughProvider(twoFactors, { email: user.email, amr: ['pwd', 'mfa'] });
    assert.equal(signedIn.headers.location, '/');
    assert.equal((await twoFactors.get('/')).statusCode, 200);
  });

  it("signs out of the provider too: the service's session ends and the browser goes to the provider's end_session_endpoint, which accepts it", async () => {
    const user = await makeUser(t.ctx);
    await linkAccount(user);
    const client = new WebClient(t.app);
    await signInThroughProvider(client, { email: user.email });
    await client.get('/');
    const response = await client.post('/sign-out');
    assert.equal(response.statusCode, 303);
    const endSession = new URL(response.headers.location!);
    assert.equal(`${endSession.origin}${endSession.pathname}`, `${provider.issuer}/session/end`);
    assert.equal(endSession.searchParams.get('post_logout_redirect_uri'), `${APP_ORIGIN}/signed-out`);
    assert.ok(endSession.searchParams.get('id_token_hint'));
    await assertSignedOut(client);
    const atProvider = await fetch(endSession);
    assert.equal(atProvider.status, 200, 'the provider accepts the hint and the address to come back to, and asks to confirm');
    await atProvider.body?.cancel();
  });

  it('refuses an ID token for another client (wrong audience)', async () => {
    const user = await makeUser(t.ctx);
    provider.tamperIdToken = (claims) => ({ ...claims, aud: 'another-service' });
    const client = new WebClient(t.app);
    await assertRefused(client, await signInThroughProvider(client, { email: user.email }), 'wrong-audience', 400, /The answer from Test Identity could not be trusted/);
  });

  it('refuses an ID token that has expired by the time it arrives', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    const response = await signInThroughProvider(client, { email: user.email }, {
      callback: (path) => {
        t.clock.advanceMinutes(5);
        return path;
      },
    });
    await assertRefused(client, response, 'expired', 400, /had expired when it arrived/);
  });

  it('refuses the same answer from the provider twice (a replayed callback), even with the cookie it came with', async () => {
    const user = await makeUser(t.ctx);
    await linkAccount(user);
    const first = new WebClient(t.app);
    const authorization = await startSignIn(first);
    const callback = await provider.authorize(authorization.href, { email: user.email }, APP_ORIGIN);
    const cookie = first.cookieHeader;
    assert.equal((await first.get(callback)).statusCode, 303);
    const replayed = await t.app.inject({ method: 'GET', url: callback, headers: { cookie } });
    const replayer = new WebClient(t.app);
    await assertRefused(replayer, replayed, 'no-sign-in-pending', 400, /not for a sign-in started in this browser, or it has already been used/);
    const withItsCookie = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: replayed.cookies.map((c) => `${c.name}=${c.value}`).join('; ') || cookie } });
    assert.equal(withItsCookie.statusCode, 303, 'the replay signs nobody in');
  });

  it('refuses an answer that comes more than ten minutes after the sign-in was sent to the provider', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    const response = await signInThroughProvider(client, { email: user.email }, {
      callback: (path) => {
        t.clock.advanceMinutes(11);
        return path;
      },
    });
    await assertRefused(client, response, 'sign-in-too-old', 400, /took longer than 10 minutes/);
  });

  it('says so when the provider cannot be reached, and audits it', async () => {
    const client = new WebClient(t.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in/oidc/down');
    await assertRefused(client, response, 'provider-unreachable', 502, /Down Identity could not be reached/, 'down');
  });

  it('refuses an ID token made for another sign-in (wrong nonce)', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    const response = await signInThroughProvider(client, { email: user.email }, { authorization: (url) => url.searchParams.set('nonce', 'a-nonce-from-elsewhere') });
    await assertRefused(client, response, 'wrong-nonce', 400, /could not be trusted/);
  });

  it('refuses an answer whose state is not the one sent (wrong state), before asking the provider for tokens', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    const response = await signInThroughProvider(client, { email: user.email }, { authorization: (url) => url.searchParams.set('state', 'a-state-from-elsewhere') });
    await assertRefused(client, response, 'wrong-state', 400, /could not be trusted/);
  });

  it('never creates an account: an email with no account here gets a page saying an administrator must register them', async () => {
    const users = async () => Number((await t.ctx.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await users();
    const client = new WebClient(t.app);
    const response = await signInThroughProvider(client, { email: 'newcomer@council.example' });
    await assertRefused(client, response, 'unknown-account', 403, /as newcomer@council\.example, but no Infant Care Profile account has that email address\. An administrator must register you/);
    assert.equal((await lastSignInAudit()).details.email, 'newcomer@council.example');
    assert.equal(await users(), before, 'no account was made');
  });

  it('refuses a disabled account', async () => {
    const user = await makeUser(t.ctx);
    await t.ctx.db.updateTable('users').set({ disabled_at: t.clock.now() }).where('id', '=', user.id).execute();
    const client = new WebClient(t.app);
    await assertRefused(client, await signInThroughProvider(client, { email: user.email }), 'disabled', 403, /has been disabled/);
    assert.equal((await lastSignInAudit()).subject_id, user.id);
  });

  it('refuses an email address the provider says is not verified, and a sign-in the provider refused', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await assertRefused(client, await signInThroughProvider(client, { email: user.email, emailVerified: false }), 'email-not-verified', 403, /has not been verified/);
    const declined = await signInThroughProvider(client, { email: user.email, refuse: true });
    await assertRefused(client, declined, 'provider-refused', 400, /Test Identity did not sign you in/);
    assert.equal((await lastSignInAudit()).details.providerError, 'access_denied');
  });

  it('answers 404 for a provider that is not configured, and refuses a sign-in post without its form token', async () => {
    const client = new WebClient(t.app);
    await client.get('/sign-in');
    const unknown = await client.post('/sign-in/oidc/nobody');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /There is no such way to sign in/);
    const forged = await t.app.inject({ method: 'POST', url: '/sign-in/oidc/test', payload: 'returnTo=%2F', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(forged.statusCode, 403);
  });

  it("asks an administrator's approval at the first sign-in by email, signing nobody in, and signs in by the provider's id once an administrator approves it on the accounts page", async () => {
    const user = await makeUser(t.ctx, { name: 'First Timer' });
    const client = new WebClient(t.app);
    const first = await signInThroughProvider(client, { email: user.email, sub: 'first-timer-id' });
    await assertRefused(client, first, 'link-awaiting-approval', 403, new RegExp(`first time you have signed in with Test Identity as ${user.email.replace('.', '\\.')}\\. An administrator must approve`));
    assert.equal((await lastSignInAudit()).subject_id, user.id);
    assert.deepEqual(await links(user.id), [{ provider: 'test', subject: 'first-timer-id', email: user.email, approved_at: null, approved_by: null }]);

    const adminWeb = await WebClient.signedIn(t.app, admin);
    const accounts = await adminWeb.get('/admin/accounts');
    assert.match(accounts.body, /data-qa="provider-links"/);
    assert.match(accounts.body, /First Timer<br>[\s\S]*?Test Identity[\s\S]*?Waiting for approval/);
    assert.match(accounts.body, new RegExp(`action="/admin/users/${user.id}/provider-links/test/approve"`));
    const approved = await adminWeb.post(`/admin/users/${user.id}/provider-links/test/approve`);
    assert.equal(approved.statusCode, 303);
    assert.equal(approved.headers.location, '/admin/accounts');
    const [link] = await links(user.id);
    assert.equal(link?.approved_by, admin.id);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'details']).where('subject_id', '=', user.id).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.deepEqual({ action: audit.action, actor: audit.actor_user_id, provider: audit.details.provider }, { action: 'provider-link.approve', actor: admin.id, provider: 'test' });
    assert.match((await adminWeb.get('/admin/accounts')).body, /Linked\s*<\/strong>\s*since/);
    assert.equal((await adminWeb.post(`/admin/users/${user.id}/provider-links/test/approve`)).statusCode, 404, 'nothing waits any more');

    const signedIn = await signInThroughProvider(new WebClient(t.app), { email: user.email, sub: 'first-timer-id' });
    assert.equal(signedIn.statusCode, 303, signedIn.body);
    assert.equal((await lastSignInAudit()).outcome, 'success');
  });

  it('keeps the account when the address changes at the provider, and never gives it to someone else given the old address', async () => {
    const user = await makeUser(t.ctx, { name: 'Renamed Person' });
    await linkAccount(user, { email: user.email, sub: 'renamed-person-id' });
    const renamed = new WebClient(t.app);
    assert.equal((await signInThroughProvider(renamed, { email: 'new-name@council.example', sub: 'renamed-person-id' })).statusCode, 303);
    assert.match((await renamed.get('/')).body, /data-qa="signed-in-user">Renamed Person,/);

    const newcomer = new WebClient(t.app);
    const refused = await signInThroughProvider(newcomer, { email: user.email, sub: 'someone-else-id' });
    await assertRefused(newcomer, refused, 'linked-to-another', 403, /is linked to someone else&#39;s Test Identity account/);
    assert.equal((await lastSignInAudit()).subject_id, user.id);
    assert.deepEqual((await links(user.id)).map((link) => link.subject), ['renamed-person-id'], 'no request was made for the newcomer');
  });

  it('lets an administrator unlink an account (its next sign-in asks again), and refuses anyone else, audited', async () => {
    const user = await makeUser(t.ctx);
    await linkAccount(user);
    const someone = await makeUser(t.ctx);
    assert.equal((await (await WebClient.signedIn(t.app, someone)).post(`/admin/users/${user.id}/provider-links/test/remove`)).statusCode, 403);
    assert.equal((await removeProviderLink(t.ctx, actorFor(someone), user.id, 'test')).ok, false);
    const adminWeb = await WebClient.signedIn(t.app, admin);
    assert.equal((await adminWeb.post(`/admin/users/${user.id}/provider-links/test/unlink-everything`)).statusCode, 404);
    assert.equal((await adminWeb.post(`/admin/users/${user.id}/provider-links/other/remove`)).statusCode, 404);
    assert.equal((await adminWeb.post(`/admin/users/${user.id}/provider-links/test/remove`)).statusCode, 303);
    assert.deepEqual(await links(user.id), []);
    const actions = await t.ctx.db.selectFrom('audit_log').select(['action', 'outcome']).where('subject_id', '=', user.id).where('action', 'like', 'provider-link.%').orderBy('seq').execute();
    assert.deepEqual(actions.map((a) => `${a.action} ${a.outcome}`), ['provider-link.approve success', 'provider-link.remove denied', 'provider-link.remove success']);
    const again = new WebClient(t.app);
    await assertRefused(again, await signInThroughProvider(again, { email: user.email }), 'link-awaiting-approval', 403, /An administrator must approve/);
  });

  it("matches by Entra ID's oid when the provider is configured so, and refuses a token without it", async () => {
    const entraLike = await createTestApp({ env: { OIDC_PROVIDERS: JSON.stringify([{ ...provider.settings('test', 'Test Identity'), idClaim: 'oid' }]), PUBLIC_URL: APP_ORIGIN } });
    try {
      await provider.alignClock(entraLike.clock);
      const user = await makeUser(entraLike.ctx);
      const approver = await makeUser(entraLike.ctx, { role: 'admin' });
      const through = async (login: TestLogin) => {
        const client = new WebClient(entraLike.app);
        await client.get('/sign-in');
        const start = await client.post('/sign-in/oidc/test', { returnTo: '/' });
        return client.get(await provider.authorize(start.headers.location!, login, APP_ORIGIN));
      };
      assert.equal((await through({ email: user.email, sub: 'pairwise-1', oid: 'object-1' })).statusCode, 403);
      const [link] = await entraLike.ctx.db.selectFrom('user_provider_links').select('subject').where('user_id', '=', user.id).execute();
      assert.equal(link?.subject, 'object-1');
      assert.equal((await approveProviderLink(entraLike.ctx, actorFor(approver), user.id, 'test')).ok, true);
      assert.equal((await through({ email: 'changed@council.example', sub: 'pairwise-2', oid: 'object-1' })).statusCode, 303, 'the oid decides, not the sub');
      const noOid = await through({ email: user.email, sub: 'pairwise-1' });
      assert.equal(noOid.statusCode, 403);
      assert.match(noOid.body, /Test Identity did not say who you are/);
    } finally {
      await entraLike.close();
    }
  });
});
