import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { openPostgres, type Database } from './connect.ts';
import { isDatabaseUnavailable } from './connection-errors.ts';
import { HostChoice } from './writable-host-pool.ts';

describe('HostChoice', () => {
  const hosts = [
    { host: 'db1', port: 5432 },
    { host: 'db2', port: 5432 },
  ];

  it('starts at the first server and moves on, round, when the current one fails', () => {
    const choice = new HostChoice(hosts);
    assert.equal(choice.current, hosts[0]);
    choice.failed(hosts[0]!);
    assert.equal(choice.current, hosts[1]);
    choice.failed(hosts[1]!);
    assert.equal(choice.current, hosts[0]);
  });

  it('does not move on again when another caller already moved it past a server that failed', () => {
    const choice = new HostChoice(hosts);
    choice.failed(hosts[0]!);
    choice.failed(hosts[0]!);
    assert.equal(choice.current, hosts[1]);
  });
});

/** A loopback port where nothing listens: a server that died. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('A pool over several servers, wanting the writable one', { skip: usingPostgres ? false : 'needs DATABASE_URL' }, () => {
  let testDatabase: TestDatabase;
  let admin: pg.Client;
  let name: string;
  let failoverUrl: string;

  before(async () => {
    testDatabase = await createTestDatabase();
    const url = new URL(testDatabase.url!);
    name = url.pathname.slice(1);
    failoverUrl = `postgres://${url.username}@127.0.0.1:${String(await deadPort())},${url.hostname}:${url.port || '5432'}/${name}?target_session_attrs=read-write&connect_timeout=2`;
    admin = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
    await admin.connect();
  });
  after(async () => {
    await admin.end();
    await testDatabase.close();
  });

  /** Makes every new connection to the test database read-only, as a standby's are, and cuts those open. */
  async function serverReadOnly(readOnly: boolean): Promise<void> {
    await admin.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = ${readOnly ? 'on' : 'off'}`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
  }

  async function withDatabase(poolSize: number, run: (database: Database) => Promise<void>): Promise<void> {
    const database = openPostgres(failoverUrl, poolSize, () => undefined);
    try {
      await run(database);
    } finally {
      await database.close();
    }
  }

  it('skips a server that does not answer and writes to the one that does', async () => {
    await withDatabase(2, async (database) => {
      const row = await sql<{ read_only: string }>`SELECT current_setting('transaction_read_only') AS read_only`.execute(database.db);
      assert.equal(row.rows[0]!.read_only, 'off');
    });
  });

  it('refuses a server that is read-only with an error that means "unavailable", and connects again once one is writable', async () => {
    await withDatabase(2, async (database) => {
      await sql`SELECT 1`.execute(database.db);
      await serverReadOnly(true);
      try {
        // The pooled connection was cut: the first statement may meet the cut before the pool hears of it.
        await sql`SELECT 1`.execute(database.db).catch((error: unknown) => assert.ok(isDatabaseUnavailable(error)));
        await assert.rejects(sql`SELECT 1`.execute(database.db), (error: unknown) => isDatabaseUnavailable(error) && /No server accepting writes/.test((error as Error).message));
      } finally {
        await serverReadOnly(false);
      }
      const again = await sql<{ one: number }>`SELECT 1 AS one`.execute(database.db);
      assert.equal(again.rows[0]!.one, 1);
    });
  });

  it('lives through the server cutting a connection a transaction holds between statements (an error event, not a crash)', async () => {
    await withDatabase(1, async (database) => {
      const transaction = database.db.transaction().execute(async (trx) => {
        const { pid } = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx)).rows[0]!;
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        // No statement runs while the cut arrives, as when the code of a change is working.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await sql`SELECT 1`.execute(trx);
      });
      await assert.rejects(transaction, (error: unknown) => isDatabaseUnavailable(error));
      const again = await sql<{ one: number }>`SELECT 1 AS one`.execute(database.db);
      assert.equal(again.rows[0]!.one, 1);
    });
  });

  it('drops a pooled connection that dies or meets a read-only refusal, instead of handing it out again', async () => {
    await withDatabase(1, async (database) => {
      await sql`CREATE TABLE failover_probe (n int)`.execute(database.db);
      const firstPid = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(database.db)).rows[0]!.pid;
      await sql`SET default_transaction_read_only = on`.execute(database.db);
      await assert.rejects(sql`INSERT INTO failover_probe VALUES (1)`.execute(database.db), (error: unknown) => isDatabaseUnavailable(error));
      await sql`INSERT INTO failover_probe VALUES (2)`.execute(database.db);
      const secondPid = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(database.db)).rows[0]!.pid;
      assert.notEqual(secondPid, firstPid, 'a new connection, not the read-only one');

      await admin.query('SELECT pg_terminate_backend($1)', [secondPid]);
      // Whether the pool heard of the cut first or the next statement met it, that connection is not used again.
      await sql`SELECT 1`.execute(database.db).catch((error: unknown) => assert.ok(isDatabaseUnavailable(error)));
      const thirdPid = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(database.db)).rows[0]!.pid;
      assert.notEqual(thirdPid, secondPid);
      const rows = await sql<{ n: number }>`SELECT n FROM failover_probe ORDER BY n`.execute(database.db);
      assert.deepEqual(rows.rows.map((row) => row.n), [2]);
    });
  });
});
