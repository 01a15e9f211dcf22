// The benchmark's database: an in-memory PGlite from the test template, or, when DATABASE_URL is
// set, a fresh PostgreSQL database of its own (migrated here, dropped at the end), so it never
// touches the test template another run may be using.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, type Database } from '../src/infrastructure/db/connect.ts';
import { migrate } from '../src/infrastructure/db/migrate.ts';
import { createTestDatabase } from '../test/helpers/test-database.ts';

export type BenchDatabaseKind = 'pglite' | 'postgres';

export async function openBenchDatabase(poolSize: number): Promise<{ kind: BenchDatabaseKind; database: Database }> {
  const url = process.env['DATABASE_URL'];
  if (!url) return { kind: 'pglite', database: await createTestDatabase() };
  const admin = new URL(url);
  const name = `${admin.pathname.slice(1) || 'postgres'}_bench_${randomBytes(4).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const own = new URL(admin.toString());
  own.pathname = `/${name}`;
  const database = openPostgres(own.toString(), poolSize, () => undefined);
  await migrate(database.db);
  return {
    kind: 'postgres',
    database: {
      ...database,
      close: async () => {
        await database.close();
        await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    },
  };
}
