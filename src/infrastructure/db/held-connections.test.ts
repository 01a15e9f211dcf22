import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type Transaction } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import type { Database as Tables } from './schema.ts';
import { ConnectionReleasedError } from './held-connections.ts';

describe('a connection given back refuses statements (both engines)', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.close());

  const count = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM organisations WHERE name = 'Sent too late'`.execute(database.db)).rows[0]!.n);
  const lateInsert = (trx: Transaction<Tables>) => sql`INSERT INTO organisations (id, name, kind, created_at) VALUES ('sent-too-late', 'Sent too late', 'police', now())`.execute(trx);

  it('a statement sent on a transaction while its ROLLBACK is on its way is refused, and nothing is stored', async () => {
    let late: Promise<unknown> | undefined;
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        // What the late statement met, kept as a value (a rejection nobody awaits yet would be unhandled).
        late = new Promise((resolve) => setImmediate(resolve)).then(() => lateInsert(trx)).then(() => 'ran', (error: unknown) => error);
        throw new Error('another branch failed');
      }),
      /another branch failed/,
    );
    // On PostgreSQL the ROLLBACK is still on its way (refused here); on PGlite it has often been
    // answered by then, and Kysely's own check refuses it. Either way the statement did not run.
    const met = await late;
    assert.ok(met instanceof ConnectionReleasedError || (met instanceof Error && /already rolled back/.test(met.message)), String(met));
    assert.equal(await count(), 0);
  });

  it('after a commit, refused too (by Kysely); and the connection serves the next transaction as usual', async () => {
    let kept: Transaction<Tables> | undefined;
    await database.db.transaction().execute(async (trx) => {
      kept = trx;
      await sql`SELECT 1`.execute(trx);
    });
    await assert.rejects(lateInsert(kept!));
    assert.equal(await count(), 0);
    const next = await database.db.transaction().execute(async (trx) => (await sql<{ one: number }>`SELECT 1 AS one`.execute(trx)).rows[0]!.one);
    assert.equal(next, 1);
  });
});
