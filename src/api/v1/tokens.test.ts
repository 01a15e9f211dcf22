import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTokenForEmail } from '../../application/auth/api-tokens.ts';
import { cliOperator } from '../../application/actor.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { enrolTwoFactor } from '../../../test/helpers/two-factor.ts';

describe('API tokens and authentication', () => {
  let t: TestApp;
  let user: Awaited<ReturnType<typeof makeUser>>;
  before(async () => {
    t = await createTestApp({ env: { API_TOKEN_DAYS: '7' } });
    user = await makeUser(t.ctx, { role: 'safeguarding-lead', name: 'Priya Test' });
  });
  after(async () => t.close());

  const postToken = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/tokens', payload: payload as Record<string, unknown> });

  it('exchanges an email and password for a token that expires after API_TOKEN_DAYS', async () => {
    const response = await postToken({ email: user.email, password: user.password });
    assert.equal(response.statusCode, 201);
    const body = response.json<{ token: string; expiresAt: string }>();
    assert.match(body.token, /^icp_[A-Za-z0-9_-]{43}$/);
    assert.equal(body.expiresAt, new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString());
    const stored = await t.ctx.db.selectFrom('api_tokens').select('token_hash').where('user_id', '=', user.id).execute();
    assert.ok(stored.length > 0 && stored.every((row) => row.token_hash !== body.token), 'only a hash is stored');
  });

  it('acts as its user: GET /api/v1/me names them and their organisation', async () => {
    const { token } = (await postToken({ email: user.email, password: user.password })).json<{ token: string }>();
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.statusCode, 200);
    const me = response.json<{ id: string; role: string; name: string; organisation: { id: string } }>();
    assert.deepEqual([me.id, me.role, me.name, me.organisation.id], [user.id, 'safeguarding-lead', 'Priya Test', user.organisationId]);
    assert.equal(response.headers['cache-control'], 'no-store');
  });

  it('refuses a wrong password with 401 in the error shape, and audits the failure', async () => {
    const response = await postToken({ email: user.email, password: 'not the password' });
    assert.equal(response.statusCode, 401);
    assert.deepEqual(response.json(), {
      error: { code: 'invalid-credentials', message: 'Enter a correct email address and password.', details: [] },
    });
    const failures = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'sign-in').where('outcome', '=', 'failure').execute();
    assert.ok(failures.some((row) => row.details['reason'] === 'wrong-password'));
  });

  it('answers a malformed body with 400 and a detail for each field, never a 500', async () => {
    const response = await postToken({ email: 'not-an-email', extra: true });
    assert.equal(response.statusCode, 400);
    const body = response.json<{ error: { code: string; details: { path: string; message: string }[] } }>();
    assert.equal(body.error.code, 'validation-failed');
    assert.ok(body.error.details.some((d) => d.path === '/password'), JSON.stringify(body.error.details));
    const notJson = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', payload: '{"email":', headers: { 'content-type': 'application/json' } });
    assert.equal(notJson.statusCode, 400);
    assert.equal(notJson.json<{ error: { code: string } }>().error.code, 'bad-request');
  });

  it('refuses requests without a token, with an unknown token, or with an expired one', async () => {
    const noToken = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    assert.equal(noToken.statusCode, 401);
    assert.equal(noToken.headers['www-authenticate'], 'Bearer');
    assert.equal(noToken.json<{ error: { code: string } }>().error.code, 'unauthorised');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer icp_nonsense' } });
    assert.equal(unknown.statusCode, 401);

    const issued = await createTokenForEmail(t.ctx, cliOperator, user.email);
    assert.ok(issued.ok);
    const headers = { authorization: `Bearer ${issued.value.token}` };
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode, 200);
    t.clock.advanceMinutes(7 * 24 * 60 + 1);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode, 401);
  });

  it('does not issue tokens at the command line for an unknown email', async () => {
    const result = await createTokenForEmail(t.ctx, cliOperator, 'nobody@test.example');
    assert.equal(result.ok, false);
  });
});

describe('API tokens for accounts with two-factor sign-in', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { TWO_FACTOR_REQUIRED: 'true' } });
  });
  after(async () => t.close());

  const postToken = (payload: Record<string, unknown>, remoteAddress: string) => t.app.inject({ method: 'POST', url: '/api/v1/tokens', payload, remoteAddress });
  const refusals = async (userId: string) =>
    (await t.ctx.db.selectFrom('audit_log').select('details').where('subject_id', '=', userId).where('action', '=', 'sign-in').where('outcome', '=', 'failure').orderBy('seq').execute()).map((row) => row.details['reason']);

  it('needs the code with the password: missing, wrong and reused are each a 401 with a plain message, audited; a right one gets the token', async () => {
    const user = await makeUser(t.ctx, { role: 'safeguarding-lead' });
    const app = await enrolTwoFactor(t.ctx, user);
    t.clock.advanceMinutes(0.5);
    const ip = '198.51.100.1';
    const missing = await postToken({ email: user.email, password: user.password }, ip);
    assert.equal(missing.statusCode, 401);
    assert.deepEqual(missing.json(), {
      error: { code: 'code-needed', message: 'This account uses two-factor sign-in: send the 6-digit code your authenticator app shows now (or a recovery code) as otp.', details: [] },
    });
    const wrong = await postToken({ email: user.email, password: user.password, otp: '000000' === app.codeAt() ? '111111' : '000000' }, ip);
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json<{ error: { code: string } }>().error.code, 'wrong-code');
    const code = app.codeAt();
    const right = await postToken({ email: user.email, password: user.password, otp: code }, ip);
    assert.equal(right.statusCode, 201, right.body);
    const reused = await postToken({ email: user.email, password: user.password, otp: code }, ip);
    assert.equal(reused.statusCode, 401);
    assert.deepEqual(reused.json(), { error: { code: 'reused-code', message: 'That code has already been used. Wait for your authenticator app to show a new code, then enter that one.', details: [] } });
    const recovery = await postToken({ email: user.email, password: user.password, otp: app.recoveryCodes[0]! }, ip);
    assert.equal(recovery.statusCode, 201, 'a recovery code works once');
    const spent = await postToken({ email: user.email, password: user.password, otp: app.recoveryCodes[0]! }, ip);
    assert.equal(spent.json<{ error: { code: string } }>().error.code, 'recovery-code-used');
    assert.deepEqual(await refusals(user.id), ['code-missing', 'wrong-code', 'reused-code', 'recovery-code-used']);
    const wrongPassword = await postToken({ email: user.email, password: 'not the password', otp: app.codeAt() }, ip);
    assert.equal(wrongPassword.json<{ error: { code: string } }>().error.code, 'invalid-credentials', 'a code never stands in for the password');
  });

  it('refuses a token to an account that must have two-factor sign-in and has not set it up, audited', async () => {
    const admin = await makeUser(t.ctx, { role: 'admin' });
    const response = await postToken({ email: admin.email, password: admin.password, otp: '123456' }, '198.51.100.2');
    assert.equal(response.statusCode, 401);
    assert.equal(response.json<{ error: { code: string } }>().error.code, 'set-up-needed');
    assert.deepEqual(await refusals(admin.id), ['set-up-needed']);
  });

  it('issues a token to an account without two-factor sign-in that need not have it, and ignores otp', async () => {
    const practitioner = await makeUser(t.ctx);
    assert.equal((await postToken({ email: practitioner.email, password: practitioner.password, otp: 'anything' }, '198.51.100.3')).statusCode, 201);
  });

  it('describes otp in the published schema', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: { properties: Record<string, { description: string }> } }> } }>> }>();
    const otp = document.paths['/api/v1/tokens']!['post']!.requestBody.content['application/json']!.schema.properties['otp']!;
    assert.match(otp.description, /^Required when the account has two-factor sign-in/);
  });
});

describe('OpenAPI, API docs and health', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('publishes OpenAPI 3 generated from the route schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const document = response.json<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> }>();
    assert.match(document.openapi, /^3\./);
    assert.ok(document.paths['/api/v1/tokens']?.['post']?.requestBody, 'token request body is described');
    assert.ok(document.paths['/api/v1/me']?.['get']);
    assert.equal(document.paths['/health'], undefined, 'internal routes are hidden');
  });

  it('shows the API reference as a page listing every operation', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /POST \/api\/v1\/tokens/);
    assert.match(response.body, /GET \/api\/v1\/me/);
  });

  it('reports health once the database answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok' });
  });
});
