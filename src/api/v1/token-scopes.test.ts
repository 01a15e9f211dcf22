// Token scopes, and a user managing their own tokens through the API.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeUser } from '../../../test/helpers/factories.ts';
import { rowCounts } from '../../../test/helpers/row-counts.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

describe('API token scopes, listing and revoking', () => {
  let t: TestApp;
  let user: Awaited<ReturnType<typeof makeUser>>;
  let caseId: string;
  before(async () => {
    t = await createTestApp();
    user = await makeUser(t.ctx, { name: 'Scope Tester' });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [user.id] }));
  });
  after(async () => t.close());

  const tokenWith = async (body: object) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', payload: { email: user.email, password: user.password, ...body } });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: string; token: string; scopes: string[]; name: string }>();
  };
  const call = (token: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const note = { kind: 'case-note', occurredAt: '2026-11-21', summary: 'From the feed', source: 'agency-record' };
  const scopeRefusals = async () => (await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'api-token.scope').where('outcome', '=', 'denied').execute()).length;

  it('gives every scope unless fewer are asked for, and names the token', async () => {
    assert.deepEqual((await tokenWith({})).scopes, ['read', 'write', 'feed']);
    const named = await tokenWith({ name: 'Ward system', scopes: ['feed', 'read'] });
    assert.deepEqual([named.name, named.scopes], ['Ward system', ['read', 'feed']]);
  });

  it('lets a read token read, and refuses it any change with 403 insufficient-scope, audited, changing nothing', async () => {
    const { token } = await tokenWith({ scopes: ['read'] });
    assert.equal((await call(token, 'GET', `/cases/${caseId}`)).statusCode, 200);
    const before = [await scopeRefusals(), await rowCounts(t.ctx.db)] as const;
    for (const [method, url, body] of [
      ['POST', `/cases/${caseId}/events`, note],
      ['PUT', `/cases/${caseId}/level`, { level: 'early-help', why: 'x' }],
      ['POST', '/events:batch', { entries: [{ caseId, ...note }] }],
      ['POST', `/cases/${caseId}/level-proposals`, { level: 'early-help', reason: 'x' }],
      ['POST', `/cases/${caseId}/level-proposals/x/decision`, { accept: false, reason: 'x' }],
    ] as const) {
      const refused = await call(token, method, url, body);
      assert.equal(refused.statusCode, 403, `${method} ${url}`);
      assert.equal(refused.json<{ error: { code: string } }>().error.code, 'insufficient-scope');
      assert.match(String(refused.headers['www-authenticate']), /insufficient_scope/);
    }
    assert.equal(await scopeRefusals(), before[0] + 5);
    assert.deepEqual(await rowCounts(t.ctx.db), before[1]);
  });

  it('lets a feed token add entries and nothing else: no reading, no changing', async () => {
    const { token } = await tokenWith({ scopes: ['feed'] });
    assert.equal((await call(token, 'POST', `/cases/${caseId}/events`, note)).statusCode, 201);
    assert.equal((await call(token, 'GET', `/cases/${caseId}`)).statusCode, 403);
    assert.equal((await call(token, 'GET', `/cases/${caseId}/events`)).statusCode, 403);
    assert.equal((await call(token, 'PUT', `/cases/${caseId}/level`, { level: 'early-help', why: 'x' })).statusCode, 403);
    assert.equal((await call(token, 'GET', `/cases/${caseId}/level-proposals`)).statusCode, 403);
    assert.equal((await call(token, 'POST', `/cases/${caseId}/level-proposals`, { level: 'early-help', reason: 'x' })).statusCode, 403);
  });

  it('lets a write token add entries too', async () => {
    const { token } = await tokenWith({ scopes: ['write'] });
    assert.equal((await call(token, 'POST', `/cases/${caseId}/events`, { ...note, summary: 'From a practitioner app' })).statusCode, 201);
  });

  it('lists the caller’s own tokens, never the token itself, and revokes one so it stops working at once', async () => {
    const feed = await tokenWith({ name: 'To revoke', scopes: ['feed'] });
    const listed = await call(feed.token, 'GET', '/tokens');
    assert.equal(listed.statusCode, 200, 'any token may list its user’s tokens');
    const items = listed.json<{ items: { id: string; name: string; revokedAt: string | null }[] }>().items;
    assert.ok(items.some((item) => item.id === feed.id && item.name === 'To revoke' && item.revokedAt === null));
    assert.doesNotMatch(listed.body, /icp_/);
    const revoked = await call(feed.token, 'DELETE', `/tokens/${feed.id}`);
    assert.equal(revoked.statusCode, 200);
    assert.equal((await call(feed.token, 'GET', '/tokens')).statusCode, 401);
    const audit = await t.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', 'api-token.revoke').where('subject_id', '=', feed.id).execute();
    assert.deepEqual(audit.map((a) => a.outcome), ['success']);
  });

  it('answers 404, audited, for another user’s token or one that does not exist, and revokes nothing', async () => {
    const other = await makeUser(t.ctx);
    const theirs = (await t.app.inject({ method: 'POST', url: '/api/v1/tokens', payload: { email: other.email, password: other.password } })).json<{ id: string; token: string }>();
    const { token } = await tokenWith({});
    for (const id of [theirs.id, 'no-such-token']) {
      const response = await call(token, 'DELETE', `/tokens/${id}`);
      assert.equal(response.statusCode, 404, id);
    }
    assert.equal((await call(theirs.token, 'GET', '/me')).statusCode, 200, 'their token still works');
    const denied = await t.ctx.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'api-token.revoke').where('outcome', '=', 'denied').execute();
    assert.deepEqual(denied.map((d) => d.subject_id).sort(), ['no-such-token', theirs.id].sort());
  });

  it('refuses an unknown scope or an empty list with 400', async () => {
    for (const scopes of [['admin'], [], ['read', 'read']]) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', payload: { email: user.email, password: user.password, scopes } });
      assert.equal(response.statusCode, 400, JSON.stringify(scopes));
    }
  });
});
