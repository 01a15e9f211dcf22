import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { forgetOldSignInFailures } from '../../../application/auth/sign-in.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { makeUser } from '../../../../test/helpers/factories.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

const SESSION_COOKIE = 'icp_session';

async function auditRows(t: TestApp, action: string, subjectId: string) {
  return t.ctx.db
    .selectFrom('audit_log')
    .select(['action', 'outcome', 'actor_user_id', 'channel', 'details'])
    .where('action', '=', action)
    .where('subject_id', '=', subjectId)
    .orderBy('seq')
    .execute();
}

/** A request that carries only the given session cookie, as a stolen or stale cookie would. */
function getWithSession(t: TestApp, url: string, sessionCookie: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${sessionCookie}` } });
}

function assertSignedOutRedirect(response: LightMyRequestResponse): void {
  assert.equal(response.statusCode, 303);
  assert.match(response.headers.location!, /^\/sign-in\?/);
}

describe('sign-in page and form', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t.close();
  });

  it('shows the sign-in form to someone not signed in', async () => {
    const client = new WebClient(t.app);
    const response = await client.get('/sign-in');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/html/);
    assert.match(response.body, /<h1[^>]*>Sign in<\/h1>/);
    assert.match(response.body, /data-qa="sign-in-button"/);
    assert.match(response.body, /name="_csrf" value="[^"]+"/);
    assert.doesNotMatch(response.body, /data-qa="timeout-banner"/);
    assert.doesNotMatch(response.body, /data-qa="signed-in-user"/);
  });

  it('sends someone already signed in on from the sign-in page', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    const response = await client.get('/sign-in');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/');
  });

  it('signs in with the right email and password and goes to the home page', async () => {
    const user = await makeUser(t.ctx, { name: 'Ada Visitor' });
    const client = new WebClient(t.app);
    const response = await client.signIn(user.email, user.password);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/');
    const home = await client.get('/');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /data-qa="signed-in-user">Ada Visitor,/);
  });

  it('accepts the email address in any letter case', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    const response = await client.signIn(user.email.toUpperCase(), user.password);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/');
  });

  it('goes back to the page the user asked for when it is on this site', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    const page = await client.get('/sign-in?returnTo=%2Fprivacy%3Fsection%3D2');
    assert.match(page.body, /name="returnTo" value="\/privacy\?section=2"/);
    const response = await client.post('/sign-in', { email: user.email, password: user.password, returnTo: '/privacy?section=2' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/privacy?section=2');
  });

  const SITE = 'https://icp.example';
  const unsafeReturnAddresses: { returnTo: string }[] = [
    { returnTo: '//evil.example' },
    { returnTo: 'https://evil.example' },
    { returnTo: '/\\evil.example' },
    { returnTo: '/sign-in?returnTo=//evil.example' },
    { returnTo: '/\t/evil.example' },
    { returnTo: '/..//evil.example' },
    { returnTo: '/%2e%2e//evil.example' },
  ];

  for (const { returnTo } of unsafeReturnAddresses) {
    it(`goes to the home page instead of an unsafe return address (${JSON.stringify(returnTo)})`, async () => {
      const user = await makeUser(t.ctx);
      const client = new WebClient(t.app);
      const page = await client.get(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
      const response = await client.post('/sign-in', { email: user.email, password: user.password, returnTo });
      assert.equal(response.statusCode, 303);
      assert.equal(new URL(response.headers.location ?? '', SITE).origin, SITE);
      assert.equal(response.headers.location, '/');
      assert.match(page.body, /name="returnTo" value="\/"/);
    });

    it(`sends someone already signed in to the home page, not to ${JSON.stringify(returnTo)}`, async () => {
      const user = await makeUser(t.ctx);
      const client = new WebClient(t.app);
      await client.signIn(user.email, user.password);
      const response = await client.get(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
      assert.equal(response.statusCode, 303);
      assert.equal(new URL(response.headers.location ?? '', SITE).origin, SITE);
      assert.equal(response.headers.location, '/');
    });
  }

  it(
    'sends someone already signed in to the home page when the return address has a line break',
    async () => {
      const user = await makeUser(t.ctx);
      const client = new WebClient(t.app);
      await client.signIn(user.email, user.password);
      const response = await client.get('/sign-in?returnTo=%2F%0A%2Fevil.example');
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/');
    },
  );

  it('refuses a wrong password with an error summary, keeping the email but not the password', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.get('/sign-in');
    const typedPassword = 'not-the-password-4821';
    const response = await client.post('/sign-in', { email: user.email, password: typedPassword });
    assert.equal(response.statusCode, 401);
    assert.match(response.body, /<title[^>]*>Error: Sign in/);
    assert.match(response.body, /There is a problem/);
    assert.match(response.body, /href="#email">Enter a correct email address and password\.<\/a>/);
    assert.ok(response.body.includes(`value="${user.email}"`), 'the typed email is kept');
    assert.ok(!response.body.includes(typedPassword), 'the typed password must not be sent back');
    assert.equal(client.cookie(SESSION_COOKIE), undefined);
  });

  it('gives the same answer for an unknown email as for a wrong password', async () => {
    const client = new WebClient(t.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { email: 'nobody@test.example', password: 'whatever-it-is' });
    assert.equal(response.statusCode, 401);
    assert.match(response.body, /Enter a correct email address and password\./);
  });

  it('asks for the email address and password when both are left empty', async () => {
    const client = new WebClient(t.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { email: '', password: '' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /There is a problem/);
    assert.match(response.body, /href="#email">Enter your email address<\/a>/);
    assert.match(response.body, /href="#password">Enter your password<\/a>/);
  });

  it('asks for the password when only the email address is given, keeping the email', async () => {
    const client = new WebClient(t.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { email: 'someone@test.example', password: '   ' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /href="#password">Enter your password<\/a>/);
    assert.doesNotMatch(response.body, /href="#email"/);
    assert.match(response.body, /value="someone@test\.example"/);
  });

  it('writes an audit entry for a successful sign-in', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    const rows = await auditRows(t, 'sign-in', user.id);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.outcome, 'success');
    assert.equal(rows[0]!.actor_user_id, user.id);
    assert.equal(rows[0]!.channel, 'web');
  });

  it('writes an audit entry for a failed sign-in', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, 'wrong password here');
    const rows = await auditRows(t, 'sign-in', user.id);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.outcome, 'failure');
    assert.equal(rows[0]!.details['reason'], 'wrong-password');
  });

  it('writes an audit entry for a sign-in with an unknown email address', async () => {
    const email = 'stranger@test.example';
    const client = new WebClient(t.app);
    await client.signIn(email, 'any password at all');
    const rows = (await t.ctx.db.selectFrom('audit_log').select(['outcome', 'actor_user_id', 'details']).where('action', '=', 'sign-in').execute()).filter(
      (row) => row.details['email'] === email,
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.outcome, 'failure');
    assert.equal(rows[0]!.actor_user_id, null);
    assert.equal(rows[0]!.details['reason'], 'unknown-email');
  });
});

describe('a return address with a line break', () => {
  it(
    'signs in and goes to the home page when the return address has a line break',
    async () => {
      const t = await createTestApp();
      try {
        const user = await makeUser(t.ctx);
        const client = new WebClient(t.app);
        await client.get('/sign-in?returnTo=%2F%0A%2Fevil.example');
        const answer = await Promise.race([
          client.post('/sign-in', { email: user.email, password: user.password, returnTo: '/\n/evil.example' }),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000)),
        ]);
        assert.ok(answer, 'the sign-in gets an answer');
        assert.equal(answer.statusCode, 303);
        assert.equal(answer.headers.location, '/');
      } finally {
        await t.close();
      }
    },
  );
});

describe('lock-out after failed sign-ins', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t.close();
  });

  async function failSignIn(client: WebClient, email: string, times: number): Promise<LightMyRequestResponse> {
    let response: LightMyRequestResponse | undefined;
    for (let attempt = 0; attempt < times; attempt++) response = await client.signIn(email, `wrong password ${attempt}`);
    return response!;
  }

  it('locks the account after five failed sign-ins, refuses the right password, and lets it in after the lock-out', async () => {
    const { signInMaxAttempts, signInLockoutMinutes } = t.ctx.config;
    assert.equal(signInMaxAttempts, 5);
    assert.equal(signInLockoutMinutes, 15);
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);

    const last = await failSignIn(client, user.email, signInMaxAttempts);
    assert.equal(last.statusCode, 401);
    assert.match(last.body, /too many failed attempts to sign in to this account from here/);

    const whileLocked = await client.signIn(user.email, user.password);
    assert.equal(whileLocked.statusCode, 401);
    assert.match(whileLocked.body, /too many failed attempts/);
    assert.equal(client.cookie(SESSION_COOKIE), undefined);

    t.clock.advanceMinutes(signInLockoutMinutes - 1);
    assert.equal((await client.signIn(user.email, user.password)).statusCode, 401);

    t.clock.advanceMinutes(1);
    const afterLockOut = await client.signIn(user.email, user.password);
    assert.equal(afterLockOut.statusCode, 303);
    assert.equal(afterLockOut.headers.location, '/');
  });

  it('does not lock the account after fewer failures than the limit', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await failSignIn(client, user.email, t.ctx.config.signInMaxAttempts - 1);
    const response = await client.signIn(user.email, user.password);
    assert.equal(response.statusCode, 303);
  });

  it('starts counting again after a successful sign-in', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await failSignIn(client, user.email, t.ctx.config.signInMaxAttempts - 1);
    assert.equal((await client.signIn(user.email, user.password)).statusCode, 303);
    const other = new WebClient(t.app);
    const response = await failSignIn(other, user.email, t.ctx.config.signInMaxAttempts - 1);
    assert.doesNotMatch(response.body, /too many failed attempts/);
    assert.equal((await other.signIn(user.email, user.password)).statusCode, 303);
  });

  it('keeps out only the address the failures came from: the owner signs in from another', async () => {
    const user = await makeUser(t.ctx);
    const attacker = new WebClient(t.app, { remoteAddress: '203.0.113.66' });
    await failSignIn(attacker, user.email, t.ctx.config.signInMaxAttempts);
    assert.match((await attacker.signIn(user.email, user.password)).body, /too many failed attempts/);
    const owner = new WebClient(t.app, { remoteAddress: '198.51.100.7' });
    assert.equal((await owner.signIn(user.email, user.password)).statusCode, 303);
    assert.match((await attacker.signIn(user.email, user.password)).body, /too many failed attempts/, 'the owner signing in does not lift the attacker’s block');
  });

  it('answers an unknown email exactly as a real account, before and after the limit', async () => {
    const user = await makeUser(t.ctx);
    const unknown = `nobody-${user.id}@test.example`;
    const errorOf = (body: string) => /govuk-error-summary__list[\s\S]*?<a[^>]*>([^<]*)</.exec(body)?.[1]?.trim();
    const real = new WebClient(t.app, { remoteAddress: '192.0.2.10' });
    const fake = new WebClient(t.app, { remoteAddress: '192.0.2.10' });
    for (let attempt = 0; attempt <= t.ctx.config.signInMaxAttempts; attempt++) {
      const [a, b] = [await real.signIn(user.email, 'wrong password'), await fake.signIn(unknown, 'wrong password')];
      assert.equal(a.statusCode, b.statusCode, `attempt ${String(attempt + 1)}`);
      assert.equal(errorOf(a.body), errorOf(b.body), `attempt ${String(attempt + 1)}`);
    }
    assert.match(errorOf((await fake.signIn(unknown, 'x')).body) ?? '', /too many failed attempts/);
  });

  it('forgets failures a day old, but never a block still running', async () => {
    const now = t.clock.now();
    const old = new Date(now.getTime() - 2 * 86_400_000);
    await t.ctx.db.insertInto('sign_in_throttle').values([
      { email: 'stale@test.example', address: '192.0.2.1', failures: 3, blocked_until: null, updated_at: old },
      { email: 'blocked@test.example', address: '192.0.2.1', failures: 0, blocked_until: new Date(now.getTime() + 60_000), updated_at: old },
      { email: 'fresh@test.example', address: '192.0.2.1', failures: 2, blocked_until: null, updated_at: now },
    ]).execute();
    assert.equal(await forgetOldSignInFailures(t.ctx), 1);
    const left = (await t.ctx.db.selectFrom('sign_in_throttle').select('email').where('address', '=', '192.0.2.1').execute()).map((r) => r.email).sort();
    assert.deepEqual(left, ['blocked@test.example', 'fresh@test.example']);
  });

  it('audits the refusal of a locked account', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await failSignIn(client, user.email, t.ctx.config.signInMaxAttempts);
    await client.signIn(user.email, user.password);
    const rows = await auditRows(t, 'sign-in', user.id);
    assert.equal(rows.length, t.ctx.config.signInMaxAttempts + 1);
    assert.ok(rows.every((row) => row.outcome === 'failure'));
    assert.notEqual(rows.at(-2)!.details['blockedUntil'], null);
    assert.equal(rows.at(-1)!.details['reason'], 'throttled');
  });
});

describe('lock-out settings', () => {
  it('follows SIGN_IN_MAX_ATTEMPTS and SIGN_IN_LOCKOUT_MINUTES', async () => {
    const t = await createTestApp({ env: { SIGN_IN_MAX_ATTEMPTS: '2', SIGN_IN_LOCKOUT_MINUTES: '3' } });
    try {
      const user = await makeUser(t.ctx);
      const client = new WebClient(t.app);
      await client.signIn(user.email, 'wrong password one');
      const second = await client.signIn(user.email, 'wrong password two');
      assert.match(second.body, /too many failed attempts/);
      t.clock.advanceMinutes(2);
      assert.equal((await client.signIn(user.email, user.password)).statusCode, 401);
      t.clock.advanceMinutes(1);
      assert.equal((await client.signIn(user.email, user.password)).statusCode, 303);
    } finally {
      await t.close();
    }
  });
});

describe('sessions', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t.close();
  });

  it('stores a session under the hash of its id, never the id: a copy of the table signs nobody in', async () => {
    const user = await makeUser(t.ctx);
    const client = await WebClient.signedIn(t.app, user);
    const sessionId = decodeURIComponent(client.cookie(SESSION_COOKIE)!).split('.')[0]!;
    const ids = (await t.ctx.db.selectFrom('sessions').select('id').execute()).map((row) => row.id);
    assert.equal(ids.includes(sessionId), false);
    assert.equal(ids.includes(createHash('sha256').update(sessionId).digest('hex')), true);
    assert.equal((await getWithSession(t, '/', client.cookie(SESSION_COOKIE)!)).statusCode, 200);
  });

  it('gives a new session id at each sign-in, and the old id no longer signs anyone in', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.get('/sign-in');
    const beforeSignIn = client.cookie(SESSION_COOKIE);

    await client.post('/sign-in', { email: user.email, password: user.password });
    const first = client.cookie(SESSION_COOKIE);
    assert.ok(first, 'signing in sets the session cookie');
    assert.notEqual(first, beforeSignIn);

    await client.get('/privacy');
    await client.post('/sign-in', { email: user.email, password: user.password });
    const second = client.cookie(SESSION_COOKIE);
    assert.ok(second);
    assert.notEqual(second, first);

    assert.equal((await getWithSession(t, '/', second)).statusCode, 200);
    assertSignedOutRedirect(await getWithSession(t, '/', first));
  });

  it('ends the session after 31 minutes without use and says why on the sign-in page', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    t.clock.advanceMinutes(31);

    const response = await client.get('/');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/sign-in?returnTo=%2F&reason=idle');

    const signInPage = await client.get(response.headers.location);
    assert.equal(signInPage.statusCode, 200);
    assert.match(signInPage.body, /data-qa="timeout-banner"/);
    assert.match(signInPage.body, /you had not used the service for 30 minutes/);

    const signOuts = await auditRows(t, 'sign-out', user.id);
    assert.equal(signOuts.length, 1);
    assert.equal(signOuts[0]!.details['reason'], 'idle');
  });

  it('keeps the session while it is used at least every 29 minutes', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    for (let visit = 0; visit < 4; visit++) {
      t.clock.advanceMinutes(29);
      const response = await client.get('/');
      assert.equal(response.statusCode, 200, `visit ${visit + 1} after ${(visit + 1) * 29} minutes`);
    }
  });

  it('lets someone whose session went idle sign in again', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    t.clock.advanceMinutes(31);
    const expired = await client.get('/');
    await client.get(String(expired.headers.location));
    const response = await client.post('/sign-in', { email: user.email, password: user.password, returnTo: '/' });
    assert.equal(response.statusCode, 303);
    assert.equal((await client.get('/')).statusCode, 200);
  });

  it(
    'lets someone whose session went idle sign in again from a sign-in form they already had open',
    async () => {
      const user = await makeUser(t.ctx);
      const client = new WebClient(t.app);
      await client.signIn(user.email, user.password);
      t.clock.advanceMinutes(31);
      const response = await client.post('/sign-in', { email: user.email, password: user.password, returnTo: '/' });
      assert.equal(response.statusCode, 303);
      assert.equal((await client.get('/')).statusCode, 200);
    },
  );

  it('ends the session 12 hours after sign-in even when it is used every 20 minutes', async () => {
    assert.equal(t.ctx.config.sessionAbsoluteHours, 12);
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      t.clock.advanceMinutes(20);
      assert.equal((await client.get('/')).statusCode, 200, `still signed in after ${minutes} minutes`);
    }
    t.clock.advanceMinutes(20);
    const response = await client.get('/');
    assert.equal(response.statusCode, 303);
    assert.match(response.headers.location!, /^\/sign-in\?returnTo=%2F/);
  });

  it(
    'tells the user their session reached its time limit, and audits it',
    async () => {
      const user = await makeUser(t.ctx);
      const client = new WebClient(t.app);
      await client.signIn(user.email, user.password);
      for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
        t.clock.advanceMinutes(20);
        await client.get('/');
      }
      t.clock.advanceMinutes(20);
      const response = await client.get('/');
      assert.equal(response.headers.location, '/sign-in?returnTo=%2F&reason=absolute');
      const signInPage = await client.get(response.headers.location);
      assert.match(signInPage.body, /your session reached its time limit/);
      const signOuts = await auditRows(t, 'sign-out', user.id);
      assert.equal(signOuts.at(-1)?.details['reason'], 'absolute');
    },
  );

  it('signs out, ends the session on the server and audits it', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    const sessionCookie = client.cookie(SESSION_COOKIE)!;
    await client.get('/');

    const response = await client.post('/sign-out');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/signed-out');
    const signedOut = await client.get('/signed-out');
    assert.match(signedOut.body, /You have signed out/);
    assert.doesNotMatch(signedOut.body, /data-qa="signed-in-user"/);

    assertSignedOutRedirect(await client.get('/'));
    assertSignedOutRedirect(await getWithSession(t, '/', sessionCookie));

    const signOuts = await auditRows(t, 'sign-out', user.id);
    assert.equal(signOuts.length, 1);
    assert.equal(signOuts[0]!.outcome, 'success');
    assert.equal(signOuts[0]!.actor_user_id, user.id);
    assert.equal(signOuts[0]!.details['reason'], 'user');
  });
});

describe('configurable idle timeout', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '5' } });
  });
  after(async () => {
    await t.close();
  });

  it('keeps a session used within SESSION_IDLE_MINUTES', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    t.clock.advanceMinutes(4);
    assert.equal((await client.get('/')).statusCode, 200);
  });

  it('ends a session left for longer than SESSION_IDLE_MINUTES and names that time', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    t.clock.advanceMinutes(6);
    const response = await client.get('/');
    assert.equal(response.headers.location, '/sign-in?returnTo=%2F&reason=idle');
    const signInPage = await client.get(response.headers.location);
    assert.match(signInPage.body, /you had not used the service for 5 minutes/);
  });
});

describe('sign-in rate limit', () => {
  it('refuses the fourth sign-in attempt in a minute when the limit is three', async () => {
    const t = await createTestApp({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const user = await makeUser(t.ctx);
      const client = new WebClient(t.app);
      await client.get('/sign-in');
      for (let attempt = 1; attempt <= 3; attempt++) {
        const response = await client.post('/sign-in', { email: user.email, password: 'wrong password here' });
        assert.equal(response.statusCode, 401, `attempt ${attempt}`);
      }
      const fourth = await client.post('/sign-in', { email: user.email, password: user.password });
      assert.equal(fourth.statusCode, 429);
      assert.match(String(fourth.headers['content-type']), /text\/html/);
      assert.match(fourth.body, /Too many attempts/);
      assert.equal(client.cookie(SESSION_COOKIE), undefined);
    } finally {
      await t.close();
    }
  });
});
