import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { createTestDatabase, usingPostgres } from '../../../test/helpers/test-database.ts';
import { openPostgres } from './connect.ts';

describe('PostgreSQL connection pool', { skip: usingPostgres ? false : 'needs DATABASE_URL' }, () => {
  it('survives the server cutting an idle connection, and reconnects', async () => {
    const testDatabase = await createTestDatabase();
    const errors: Error[] = [];
    const database = openPostgres(testDatabase.url!, 2, (error) => errors.push(error));
    try {
      const pid = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(database.db);
      const admin = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [pid.rows[0]!.pid]);
      await admin.end();
      for (let i = 0; i < 50 && errors.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(errors.length, 1, 'the cut is reported, not thrown');
      const again = await sql<{ one: number }>`SELECT 1 AS one`.execute(database.db);
      assert.equal(again.rows[0]!.one, 1);
    } finally {
      await database.close();
      await testDatabase.close();
    }
  });
});
