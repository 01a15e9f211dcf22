import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from '../../test/helpers/test-app.ts';
import { buildApp } from '../app.ts';
import { createContext } from '../application/context.ts';
import { markServing, markStopping, OUTBOX_WORKER, recordWorkerHeartbeat } from '../application/health.ts';
import { openPostgres } from '../infrastructure/db/connect.ts';

const auditEntries = async (t: TestApp) => Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('GET /health/live and /health/ready', () => {
  // Mail on (to an address nothing listens on), so the outbox worker's runs count; no worker runs in a test app.
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:9', OUTBOX_INTERVAL_SECONDS: '30' } });
  });
  after(async () => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('answers live without signing in, and audits nothing', async () => {
    const before = await auditEntries(t);
    const response = await get('/health/live');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'live' });
    assert.equal(response.headers['set-cookie'], undefined, 'no session is made');
    assert.equal(await auditEntries(t), before, 'not logged as a look at personal data');
  });

  it('is ready once the outbox worker has run, and 503 outbox-stale when its last run is older than two intervals', async () => {
    const before = await auditEntries(t);
    const never = await get('/health/ready');
    assert.equal(never.statusCode, 503);
    assert.deepEqual(never.json(), { status: 'not-ready', reasons: ['outbox-stale'] });

    await recordWorkerHeartbeat(t.ctx, OUTBOX_WORKER);
    const ready = await get('/health/ready');
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ready', database: { writable: true, standbys: [] } });

    t.clock.advanceMinutes(2);
    assert.deepEqual((await get('/health/ready')).json(), { status: 'not-ready', reasons: ['outbox-stale'] });
    await recordWorkerHeartbeat(t.ctx, OUTBOX_WORKER);
    assert.equal(await auditEntries(t), before, 'not logged as a look at personal data');
  });

  it('is 503 migrations-not-current when a shipped migration is not applied', async () => {
    const last = await t.ctx.db.selectFrom('schema_migrations').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    await t.ctx.db.deleteFrom('schema_migrations').where('id', '=', last.id).execute();
    try {
      const response = await get('/health/ready');
      assert.equal(response.statusCode, 503);
      assert.deepEqual(response.json(), { status: 'not-ready', reasons: ['migrations-not-current'] });
    } finally {
      await t.ctx.db.insertInto('schema_migrations').values(last).execute();
    }
    assert.equal((await get('/health/ready')).statusCode, 200);
  });

  it('is 503 stopping once the server has begun to stop, so that a load balancer drains it; live stays 200', async () => {
    markStopping();
    try {
      const response = await get('/health/ready');
      assert.equal(response.statusCode, 503);
      assert.deepEqual(response.json(), { status: 'not-ready', reasons: ['stopping'] });
      assert.equal((await get('/health/live')).statusCode, 200);
    } finally {
      markServing();
    }
  });

  it('publishes both in the OpenAPI document with their replies (the old /health stays hidden)', async () => {
    const document = (await get('/api/openapi.json')).json<{ paths: Record<string, Record<string, { tags?: string[]; responses: Record<string, { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }> }>> }>();
    const live = document.paths['/health/live']?.['get'];
    const ready = document.paths['/health/ready']?.['get'];
    assert.deepEqual(live?.tags, ['health']);
    assert.ok(live?.responses['200']?.content?.['application/json']?.schema?.properties?.['status']);
    assert.ok(ready?.responses['200']?.content?.['application/json']?.schema?.properties?.['status']);
    assert.ok(ready?.responses['503']?.content?.['application/json']?.schema?.properties?.['reasons']);
    assert.equal(document.paths['/health'], undefined);
  });

  it('is 503 database-unreachable when the database does not answer, while live and the old /health say what they always did', async () => {
    // The same app on a database nothing answers for (nothing listens where it points).
    const unreachable = openPostgres('postgres://nobody@127.0.0.1:9/nothing', 1, () => undefined);
    const down = await buildApp({ ctx: createContext(unreachable.db, t.ctx.config, t.clock, t.ctx.auditKeys), sessionSecret: TEST_SESSION_SECRET, checkReplies: true });
    try {
      const response = await down.inject({ method: 'GET', url: '/health/ready' });
      assert.equal(response.statusCode, 503);
      assert.deepEqual(response.json(), { status: 'not-ready', reasons: ['database-unreachable'] });
      assert.deepEqual((await down.inject({ method: 'GET', url: '/health/live' })).json(), { status: 'live' });
      const old = await down.inject({ method: 'GET', url: '/health' });
      assert.equal(old.statusCode, 503);
      assert.deepEqual(old.json(), { status: 'unavailable' });
    } finally {
      await down.close();
      await unreachable.close();
    }
  });
});

describe('GET /health/ready with mail off', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('is ready without an outbox worker, which runs only when mail is on', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health/ready' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ready', database: { writable: true, standbys: [] } });
  });
});
