// Isolated, migrated databases for tests. Each test gets its own: a PGlite loaded from a template
// dump, or, when DATABASE_URL is set, a PostgreSQL database copied from a template database; or a
// data folder holding a migrated embedded database, for tests that start the server or the CLI.
// The template is built once per run by build-test-template.ts (npm test does this first).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openPostgres, PGLITE_EXTENSIONS, wrapPglite, type Database } from '../../src/infrastructure/db/connect.ts';
import { migrate, readMigrations } from '../../src/infrastructure/db/migrate.ts';

export const usingPostgres = Boolean(process.env['DATABASE_URL']);

type Migrations = ReturnType<typeof readMigrations>;

function migrationsHash(migrations: Migrations = readMigrations()): string {
  return createHash('sha256')
    .update(migrations.map((m) => m.id + m.sql).join('\n'))
    .digest('hex')
    .slice(0, 16);
}

/** Named by its migrations and by holding one database (TEMPLATE_DATABASES dropped), so a template made otherwise is never read. */
export function pgliteTemplatePath(migrations: Migrations = readMigrations()): string {
  return path.join(os.tmpdir(), `icp-test-template-one-database-${migrationsHash(migrations)}.tar`);
}

/**
 * Dropped from the PGlite template: PostgreSQL's template databases are copied only by CREATE
 * DATABASE, which nothing runs on the embedded engine (the service and its tests use its one
 * database, postgres), and they were a third of the 43 MB every test database unpacks at its start
 * (about 30% of a test database's CPU).
 */
const TEMPLATE_DATABASES = ['template0', 'template1'];

function postgresUrls() {
  const base = new URL(process.env['DATABASE_URL']!);
  const name = base.pathname.slice(1) || 'postgres';
  const withDb = (db: string) => {
    const url = new URL(base.toString());
    url.pathname = `/${db}`;
    return url.toString();
  };
  return { admin: base.toString(), template: `${name}_tmpl`, withDb, testPrefix: `${name}_t_` };
}

/** Builds the template once per run: a migrated PGlite dump, or a migrated PostgreSQL template database. */
export async function buildTemplate(): Promise<void> {
  if (usingPostgres) {
    const { admin, template, withDb } = postgresUrls();
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${template}"`);
    await client.end();
    const database = openPostgres(withDb(template), 1);
    await migrate(database.db);
    await database.close();
    return;
  }
  // The file is named by the migrations it is made from: read them once, so that a migration added
  // while this runs cannot end up in a file named for the set without it.
  const migrations = readMigrations();
  const file = pgliteTemplatePath(migrations);
  if (fs.existsSync(file)) return;
  const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const database = wrapPglite(pglite);
  await migrate(database.db, migrations);
  await pglite.query(`UPDATE pg_database SET datistemplate = false WHERE datname IN (${TEMPLATE_DATABASES.map((name) => `'${name}'`).join(', ')})`);
  for (const name of TEMPLATE_DATABASES) await pglite.query(`DROP DATABASE ${name}`);
  await pglite.query('CHECKPOINT');
  const dump = await pglite.dumpDataDir('none');
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(partial, file);
  await database.close();
}

/**
 * The template's bytes, read once per process, handed to each new PGlite as a Blob whose bytes are
 * already in memory: PGlite only reads them (into its own files), and a real Blob's arrayBuffer()
 * copied the 43 MB again for every test database (about a tenth of its CPU).
 */
let templateBytes: ArrayBuffer | undefined;

/**
 * Postgres settings for the test databases: shared buffers of 32 MB, not the 128 MB the template's
 * postgresql.conf names (and the service runs with), since PGlite zeroes and sets up all of them each
 * time a database starts (about a fifth of a test database's CPU) and a test's data is a few MB.
 * PGlite's pages not in a buffer are in its memory file system anyway: only where a page is held
 * differs, never what a query answers.
 */
const TEST_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

/** On PostgreSQL, url names the test's own database, for tests that start other processes on it. */
export type TestDatabase = Database & { url?: string };

export async function createTestDatabase(): Promise<TestDatabase> {
  if (usingPostgres) {
    const { admin, template, withDb, testPrefix } = postgresUrls();
    const name = `${testPrefix}${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    await client.end();
    // Dropping the database at the end may cut a connection the pool still holds: expected here.
    const database = openPostgres(withDb(name), 5, () => undefined);
    return {
      ...database,
      url: withDb(name),
      close: async () => {
        await database.close();
        const dropper = new pg.Client({ connectionString: admin });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const pglite = await PGlite.create({ loadDataDir: await pgliteTemplate(), extensions: PGLITE_EXTENSIONS, startParams: TEST_START_PARAMS });
  return wrapPglite(pglite);
}

async function pgliteTemplate(): Promise<Blob> {
  if (!templateBytes) {
    const file = pgliteTemplatePath();
    if (!fs.existsSync(file)) await buildTemplate();
    const bytes = fs.readFileSync(file);
    templateBytes = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  const bytes = templateBytes;
  // PGlite reads a loaded data folder only through arrayBuffer() (its type, for gzip, is empty: a plain tar).
  return { type: '', arrayBuffer: () => Promise.resolve(bytes) } as Blob;
}

/**
 * A new data folder (DATA_DIR) holding the migrated embedded database, as the server or the command
 * line leaves it after its first start, for tests that run them on the embedded database. Copied
 * from a folder made from the template once per run: a new folder would otherwise cost PostgreSQL's
 * initialisation and every migration (several seconds of CPU) in each test that makes one.
 */
export async function createTestDataDir(prefix = 'icp-test-data-'): Promise<string> {
  const template = path.join(os.tmpdir(), `icp-test-datadir-one-database-${migrationsHash()}`);
  if (!fs.existsSync(template)) {
    const partial = `${template}.${process.pid}.partial`;
    fs.rmSync(partial, { recursive: true, force: true });
    fs.mkdirSync(partial);
    const pglite = await PGlite.create({ dataDir: path.join(partial, 'pgdata'), loadDataDir: await pgliteTemplate(), extensions: PGLITE_EXTENSIONS });
    await pglite.close();
    try {
      fs.renameSync(partial, template);
    } catch (error) {
      // Another test file made it at the same time: use theirs.
      fs.rmSync(partial, { recursive: true, force: true });
      if (!fs.existsSync(template)) throw error;
    }
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(template, dataDir, { recursive: true });
  return dataDir;
}
