import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { testConfig } from '../../test/helpers/test-app.ts';
import { TestClock } from '../../test/helpers/test-clock.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-database.ts';
import { openPostgres } from '../infrastructure/db/connect.ts';
import { readMigrations } from '../infrastructure/db/migrate.ts';
import { createContext } from './context.ts';
import { checkReadiness, databaseAnswers, markServing, markStopping, OUTBOX_WORKER, recordWorkerHeartbeat } from './health.ts';

describe('whether the database answers', () => {
  it('answers while it is open, and gives the error once it is closed', async () => {
    const database = await createTestDatabase();
    const ctx = createContext(database.db, testConfig(), new TestClock());
    assert.deepEqual(await databaseAnswers(ctx), { answers: true });
    await database.close();
    const closed = await databaseAnswers(ctx);
    assert.equal(closed.answers, false);
    assert.ok(!closed.answers && closed.error instanceof Error);
  });
});

describe('whether this process is ready for requests', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.close());

  /** Mail on (an SMTP_URL nothing listens on: nothing is sent here), so the outbox worker is checked. */
  const mailOn = (clock: TestClock, env: Record<string, string> = {}) => createContext(database.db, testConfig({ SMTP_URL: 'smtp://127.0.0.1:9', ...env }), clock);

  it('is ready on a migrated database with mail off, where no outbox worker runs', async () => {
    assert.deepEqual(await checkReadiness(createContext(database.db, testConfig(), new TestClock())), { ready: true, database: { writable: true, standbys: [] } });
  });

  it('is not ready, database-read-only, on a server that takes no writes (a standby, or a primary being demoted)', async () => {
    const ctx = createContext(database.db, testConfig(), new TestClock());
    const readiness = await database.db.transaction().execute(async (trx) => {
      await sql`SET TRANSACTION READ ONLY`.execute(trx);
      return checkReadiness({ ...ctx, db: trx });
    });
    assert.deepEqual(readiness, { ready: false, reasons: ['database-read-only'] });
  });

  it('is not ready while the applied migrations are not the ones shipped (one shipped not applied, or one applied not shipped)', async () => {
    const ctx = createContext(database.db, testConfig(), new TestClock());
    const shipped = readMigrations().map((migration) => migration.id);
    assert.deepEqual(await checkReadiness(ctx, { shippedMigrations: [...shipped, '999-not-applied-yet'] }), { ready: false, reasons: ['migrations-not-current'] });
    assert.deepEqual(await checkReadiness(ctx, { shippedMigrations: shipped.slice(0, -1) }), { ready: false, reasons: ['migrations-not-current'] });
    assert.equal((await checkReadiness(ctx, { shippedMigrations: shipped })).ready, true);
  });

  it('with mail on, is ready only while the outbox worker finished a run within two intervals (by the clock)', async () => {
    const clock = new TestClock();
    const ctx = mailOn(clock, { OUTBOX_INTERVAL_SECONDS: '30' });
    assert.deepEqual(await checkReadiness(ctx), { ready: false, reasons: ['outbox-stale'] }, 'it has never run');
    await recordWorkerHeartbeat(ctx, OUTBOX_WORKER);
    assert.equal((await checkReadiness(ctx)).ready, true);
    clock.advanceMinutes(1);
    assert.equal((await checkReadiness(ctx)).ready, true, 'two intervals of 30 s: still running');
    clock.advanceMinutes(1 / 60);
    assert.deepEqual(await checkReadiness(ctx), { ready: false, reasons: ['outbox-stale'] });
    await recordWorkerHeartbeat(ctx, OUTBOX_WORKER);
    assert.equal((await checkReadiness(ctx)).ready, true, 'the next run counts again');
    assert.equal((await database.db.selectFrom('worker_heartbeats').selectAll().execute()).length, 1, 'one row a worker');
  });

  it('names every reason at once', async () => {
    const clock = new TestClock();
    const ctx = mailOn(clock);
    await recordWorkerHeartbeat(ctx, OUTBOX_WORKER);
    clock.advanceMinutes(10);
    assert.deepEqual(await checkReadiness(ctx, { shippedMigrations: ['001-accounts-and-audit'] }), { ready: false, reasons: ['migrations-not-current', 'outbox-stale'] });
  });

  it('says only stopping once the process has begun to stop', async () => {
    markStopping();
    try {
      assert.deepEqual(await checkReadiness(createContext(database.db, testConfig(), new TestClock())), { ready: false, reasons: ['stopping'] });
    } finally {
      markServing();
    }
  });

  it('is not ready when the database does not answer (nothing listens where it points), with the error for the log', async () => {
    const unreachable = openPostgres('postgres://nobody@127.0.0.1:9/nothing', 1, () => undefined);
    try {
      const readiness = await checkReadiness(createContext(unreachable.db, testConfig({ SMTP_URL: 'smtp://127.0.0.1:9' }), new TestClock()));
      assert.ok(!readiness.ready);
      assert.deepEqual(readiness.reasons, ['database-unreachable']);
      assert.ok(readiness.error instanceof Error);
    } finally {
      await unreachable.close();
    }
  });
});
