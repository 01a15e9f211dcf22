// The benchmark's database: an in-memory PGlite from the test template, or, when DATABASE_URL is
// set, a fresh PostgreSQL database of its own (migrated here, dropped at the end), so it never
// touches the test template another run may be using. With `keep`, DATABASE_URL names a database of
// the caller's own (createdb it first): used as it is, migrated, never dropped, so the data stays for
// a later run or for EXPLAIN (bench/explain.ts). Besides the app's Kysely db it gives the
// raw driver (a pg pool of its own on PostgreSQL, its repeated statements named as the app's are;
// PGlite's own query on the embedded engine), for
// the baselines that skip Kysely, and the database's size.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, type Database } from '../src/infrastructure/db/connect.ts';
import { migrate } from '../src/infrastructure/db/migrate.ts';
import { poolWithNamedStatements } from '../src/infrastructure/db/named-statements.ts';
import { createTestDatabase } from '../test/helpers/test-database.ts';

export type BenchDatabaseKind = 'pglite' | 'postgres';

/** One SQL statement through the driver, no query builder: the rows it returns. */
export type RawQuery = (text: string, parameters: readonly unknown[]) => Promise<unknown[]>;

export interface BenchDatabase {
  kind: BenchDatabaseKind;
  database: Database;
  /** On PostgreSQL, the bench's own database, for server processes of their own (--processes). */
  url?: string;
  raw: RawQuery;
  sizeBytes(): Promise<number>;
}

async function sizeOf(raw: RawQuery): Promise<number> {
  const [row] = (await raw('SELECT pg_database_size(current_database())::text AS bytes', [])) as { bytes: string }[];
  return Number(row?.bytes);
}

export async function openBenchDatabase(poolSize: number, options: { keep?: boolean } = {}): Promise<BenchDatabase> {
  const url = process.env['DATABASE_URL'];
  if (options.keep) {
    if (!url) throw new Error('--keep needs DATABASE_URL: a PostgreSQL database of your own (createdb it first), used as it is and never dropped');
    return openKeptDatabase(url, poolSize);
  }
  if (!url) {
    const database = await createTestDatabase();
    const pglite = database.pglite!;
    const raw: RawQuery = async (text, parameters) => (await pglite.query(text, [...parameters])).rows;
    return { kind: 'pglite', database, raw, sizeBytes: () => sizeOf(raw) };
  }
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
  return openMigratedPostgres(own.toString(), poolSize, () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** The caller's own database, as it is: migrated (a no-op when it is up to date), never dropped. */
async function openKeptDatabase(url: string, poolSize: number): Promise<BenchDatabase> {
  return openMigratedPostgres(url, poolSize, async () => undefined);
}

/** A PostgreSQL database migrated, with a pool of its own for the direct queries; `afterClose` runs once both are closed. */
async function openMigratedPostgres(url: string, poolSize: number, afterClose: () => Promise<void>): Promise<BenchDatabase> {
  const database = openPostgres(url, poolSize, () => undefined);
  await migrate(database.db);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => undefined);
  // Named as the app's own statements are (docs/adr/0025), so that a page's direct baseline is not
  // charged the parsing and planning the app no longer pays.
  const named = poolWithNamedStatements(pool);
  const raw: RawQuery = async (text, parameters) => {
    const client = await named.connect();
    try {
      return (await client.query(text, [...parameters])).rows;
    } finally {
      client.release();
    }
  };
  return {
    kind: 'postgres',
    url,
    raw,
    sizeBytes: () => sizeOf(raw),
    database: {
      ...database,
      close: async () => {
        await pool.end();
        await database.close();
        await afterClose();
      },
    },
  };
}
