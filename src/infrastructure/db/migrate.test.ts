import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { usingPostgres, createTestDatabase } from '../../../test/helpers/test-database.ts';
import { PGLITE_EXTENSIONS, wrapPglite } from './connect.ts';
import { migrate, readMigrations } from './migrate.ts';

describe('migrations', () => {
  it('are numbered SQL files applied in order', () => {
    const ids = readMigrations().map((m) => m.id);
    assert.ok(ids.length >= 2);
    assert.deepEqual(ids, [...ids].sort());
    for (const id of ids) assert.match(id, /^\d{3}-[a-z0-9-]+$/);
  });

  it(`apply from empty on ${usingPostgres ? 'PostgreSQL' : 'PGlite'} and record each one`, async () => {
    // createTestDatabase copies a template that the same migrate() built from empty.
    const database = await createTestDatabase();
    try {
      const applied = await database.db.selectFrom('schema_migrations').select('id').orderBy('id').execute();
      assert.deepEqual(applied.map((row) => row.id), readMigrations().map((m) => m.id));
      assert.deepEqual(await migrate(database.db), [], 'a second run applies nothing');
      const tables = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`.execute(database.db);
      for (const table of ['organisations', 'users', 'sessions', 'api_tokens', 'audit_log', 'cases', 'people', 'case_team']) {
        assert.ok(tables.rows.some((row) => row.table_name === table), `table ${table}`);
      }
    } finally {
      await database.close();
    }
  });

  it('apply to a brand-new embedded database with no template', async () => {
    const database = wrapPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
    try {
      assert.deepEqual(await migrate(database.db), readMigrations().map((m) => m.id));
    } finally {
      await database.close();
    }
  });

  it('roll back a migration that fails, leaving it unrecorded', async () => {
    const database = await createTestDatabase();
    try {
      const broken = [{ id: '999-broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();' }];
      await assert.rejects(migrate(database.db, broken));
      const recorded = await database.db.selectFrom('schema_migrations').select('id').where('id', '=', '999-broken').executeTakeFirst();
      assert.equal(recorded, undefined);
      const table = await sql<{ exists: boolean }>`SELECT to_regclass('half_done') IS NOT NULL AS exists`.execute(database.db);
      assert.equal(table.rows[0]!.exists, false);
    } finally {
      await database.close();
    }
  });
});
