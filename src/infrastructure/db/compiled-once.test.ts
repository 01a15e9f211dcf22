import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { compiledOnce } from './compiled-once.ts';
import type { Queryable } from './schema.ts';

describe('a query compiled once', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.close());

  it('is built once for a handle and sent with each call’s own values, beside the values the builder fixed', async () => {
    let built = 0;
    const echo = compiledOnce((db, word: string, count: number, at: Date) => {
      built++;
      return db.selectNoFrom([sql<string>`${word}::text`.as('word'), sql<number>`${count}::int`.as('count'), sql<Date>`${at}::timestamptz`.as('at'), sql<string>`${'fixed'}::text`.as('fixed')]);
    });
    const first = new Date('2026-11-22T09:00:00Z');
    const second = new Date('2026-11-23T10:30:00Z');
    assert.deepEqual(await echo(database.db, 'one', 1, first), [{ word: 'one', count: 1, at: first, fixed: 'fixed' }]);
    assert.deepEqual(await echo(database.db, 'two', 2, second), [{ word: 'two', count: 2, at: second, fixed: 'fixed' }]);
    assert.equal(built, 1);
  });

  it('sends an argument used twice in both places', async () => {
    const twice = compiledOnce((db, word: string) => db.selectNoFrom([sql<string>`${word}::text`.as('a'), sql<string>`${word}::text`.as('b')]));
    assert.deepEqual(await twice(database.db, 'same'), [{ a: 'same', b: 'same' }]);
    assert.deepEqual(await twice(database.db, 'again'), [{ a: 'again', b: 'again' }]);
  });

  it('is compiled again for a transaction, a handle of its own, and sees its writes', async () => {
    let built = 0;
    const named = compiledOnce((db: Queryable, name: string) => {
      built++;
      return db.selectFrom('organisations').select('name').where('name', '=', name);
    });
    const rolledBack = database.db.transaction().execute(async (trx) => {
      await trx.insertInto('organisations').values({ id: '6a1d1f0e-3c2b-4e8f-9a7d-5b4c3d2e1f00', name: 'Compiled once', kind: 'health-visiting', created_at: new Date('2026-11-22T09:00:00Z') }).execute();
      assert.deepEqual(await named(trx, 'Compiled once'), [{ name: 'Compiled once' }]);
      throw new Error('roll back');
    });
    await assert.rejects(rolledBack, /roll back/);
    assert.deepEqual(await named(database.db, 'Compiled once'), []);
    assert.equal(built, 2);
  });

  it('refuses an argument the builder does not send as a value', async () => {
    const literal = compiledOnce((db, word: string) => db.selectNoFrom(sql.lit(word).as('word')));
    await assert.rejects(literal(database.db, 'one'), /argument 0 .* is not sent as a value/);
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the argument left out is what is refused
    const unused = compiledOnce((db, word: string) => db.selectNoFrom(sql<number>`1`.as('one')));
    await assert.rejects(unused(database.db, 'one'), /argument 0 .* is not sent as a value/);
  });
});
