import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { openPostgres, type Database } from './connect.ts';
import { LONGEST_NAMED, MOST_NAMED } from './named-statements.ts';
import type { Queryable } from './schema.ts';

const backendPid = async (db: Queryable) => (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)).rows[0]!.pid;

/** The statements prepared on the connection that runs this (the look-up itself left out). */
async function prepared(db: Queryable): Promise<{ statement: string; generic_plans: number }[]> {
  const { rows } = await sql<{ statement: string; generic_plans: string }>`SELECT statement, generic_plans FROM pg_prepared_statements`.execute(db);
  return rows.filter((row) => !row.statement.includes('pg_prepared_statements')).map((row) => ({ statement: row.statement, generic_plans: Number(row.generic_plans) }));
}

const increment = async (db: Queryable, n: number) => (await sql<{ next: number }>`SELECT ${n}::int + 1 AS next`.execute(db)).rows[0]!.next;
const quotient = async (db: Queryable, divisor: number) => (await sql<{ q: number }>`SELECT 10 / ${divisor}::int AS q`.execute(db)).rows[0]!.q;

// One server, and the pool that looks for the writable server among several (writable-host-pool.ts): each wraps its connections.
const pools = [
  ['one server', (url: string) => url],
  ['the writable server of those named', (url: string) => `${url}${url.includes('?') ? '&' : '?'}target_session_attrs=read-write`],
] as const;

for (const [pool, urlFor] of pools) {
  describe(`Statements sent again on one connection go named (prepared), through ${pool}`, { skip: usingPostgres ? false : 'needs DATABASE_URL' }, () => {
    let testDatabase: TestDatabase;
    let database: Database;
    beforeEach(async () => {
      testDatabase = await createTestDatabase();
      database = openPostgres(urlFor(testDatabase.url!), 1);
    });
    afterEach(async () => {
      await database.close();
      await testDatabase.close();
    });

    it('prepares a statement the second time the connection sends it, and runs that one after (its plan kept once generic)', async () => {
      const { db } = database;
      assert.equal(await increment(db, 1), 2);
      assert.deepEqual(await prepared(db), [], 'a statement sent once is not kept');
      for (let n = 2; n <= 9; n++) assert.equal(await increment(db, n), n + 1);
      const kept = await prepared(db);
      assert.deepEqual(
        kept.map((row) => row.statement),
        ['SELECT $1::int + 1 AS next'],
      );
      assert.ok(kept[0]!.generic_plans > 0, 'after five runs PostgreSQL plans it once and reuses the plan');
    });

    it('keeps at most MOST_NAMED names on a connection, whatever texts the data makes, then replaces the connection', async () => {
      const { db } = database;
      const first = await backendPid(db);
      const long = `SELECT 1 AS one /* ${'x'.repeat(LONGEST_NAMED)} */`;
      await db.transaction().execute(async (trx) => {
        for (let length = 1; length <= MOST_NAMED + 20; length++) {
          // A list as long as the data: a new text for each length.
          const list = sql.join(Array.from({ length }, (_, i) => i));
          for (let time = 0; time < 2; time++) await sql`SELECT 1 AS one WHERE 0 IN (${list})`.execute(trx);
        }
        for (let time = 0; time < 2; time++) await sql.raw(long).execute(trx);
        const kept = await prepared(trx);
        assert.equal(kept.length, MOST_NAMED);
        assert.ok(!kept.some((row) => row.statement === long), 'a text longer than LONGEST_NAMED is not kept');
      });
      assert.notEqual(await backendPid(db), first, 'the connection that reached the bound was closed when released');
      assert.deepEqual(await prepared(db), []);
    });

    it('keeps the connection and the name when a named statement fails, outside a transaction and inside one', async () => {
      const { db } = database;
      const pid = await backendPid(db);
      assert.equal(await quotient(db, 1), 10);
      assert.equal(await quotient(db, 2), 5);
      await assert.rejects(quotient(db, 0), { code: '22012' });
      assert.equal(await quotient(db, 5), 2);
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          assert.equal(await quotient(trx, 10), 1);
          await quotient(trx, 0);
        }),
        { code: '22012' },
      );
      assert.equal(await quotient(db, 1), 10);
      assert.equal(await backendPid(db), pid);
      assert.deepEqual(
        (await prepared(db)).map((row) => row.statement).sort(),
        ['SELECT 10 / $1::int AS q', 'SELECT pg_backend_pid() AS pid'],
      );
    });

    it('keeps a statement named in a transaction that is rolled back (a name is not part of the transaction)', async () => {
      const { db } = database;
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          assert.equal(await increment(trx, 1), 2);
          assert.equal(await increment(trx, 2), 3);
          throw new Error('rolled back');
        }),
        /rolled back/,
      );
      assert.equal(await increment(db, 3), 4);
      assert.ok((await prepared(db)).some((row) => row.statement === 'SELECT $1::int + 1 AS next'));
    });

    it('sends a statement again unnamed, and replaces the connection, when a migration changed the columns its name returns', async () => {
      const { db } = database;
      await sql`CREATE TABLE scratch (a int)`.execute(db);
      await sql`INSERT INTO scratch VALUES (1)`.execute(db);
      const everything = async (on: Queryable) => (await sql<Record<string, number>>`SELECT * FROM scratch`.execute(on)).rows;
      assert.deepEqual(await everything(db), [{ a: 1 }]);
      assert.deepEqual(await everything(db), [{ a: 1 }]);
      const pid = await backendPid(db);
      await sql`ALTER TABLE scratch ADD COLUMN b int DEFAULT 2`.execute(db);
      assert.deepEqual(await everything(db), [{ a: 1, b: 2 }], 'outside a transaction the caller never sees the stale name');
      assert.notEqual(await backendPid(db), pid);

      await everything(db);
      await everything(db);
      await sql`ALTER TABLE scratch ADD COLUMN c int DEFAULT 3`.execute(db);
      await assert.rejects(
        db.transaction().execute((trx) => everything(trx)),
        { code: '0A000' },
        'inside a transaction the transaction is lost: its caller gets the error',
      );
      assert.deepEqual(await everything(db), [{ a: 1, b: 2, c: 3 }]);
    });

    it('prepares nothing when turned off (DATABASE_PREPARED_STATEMENTS=false, behind a pooler that moves connections between transactions)', async () => {
      const unprepared = openPostgres(urlFor(testDatabase.url!), 1, undefined, false);
      try {
        for (let n = 1; n <= 3; n++) assert.equal(await increment(unprepared.db, n), n + 1);
        assert.deepEqual(await prepared(unprepared.db), []);
      } finally {
        await unprepared.close();
      }
    });

    it('sends a statement again when something deallocated its name (DISCARD ALL)', async () => {
      const { db } = database;
      assert.equal(await increment(db, 1), 2);
      assert.equal(await increment(db, 2), 3);
      await sql`DISCARD ALL`.execute(db);
      assert.equal(await increment(db, 3), 4);
      assert.equal(await increment(db, 4), 5);
    });
  });
}
