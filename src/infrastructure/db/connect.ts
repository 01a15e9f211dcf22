// Opens the database: PGlite in a data folder by default, PostgreSQL when a URL is given.
// Both are driven through Kysely's PostgresDialect over a pg Pool, so the SQL is the same.
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { tracedDialect } from '../tracing/traced-dialect.ts';
import { heldConnectionsOnly } from './held-connections.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import { poolWithNamedStatements } from './named-statements.ts';
import { readPostgresUrl } from '../../config-postgres-url.ts';
import type { Db } from './schema.ts';
import { openWritableHostPool } from './writable-host-pool.ts';

// Dates stay as ISO strings ("2026-03-01"): a JavaScript Date would shift them by the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export const PGLITE_EXTENSIONS = { citext, pg_trgm, fuzzystrmatch };

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Present only for the embedded engine: used by backup. */
  pglite?: PGlite;
  /** The connection pool, whose counts the metrics report (the embedded engine's has one connection). */
  pool?: pg.Pool;
  close(): Promise<void>;
}

/**
 * An idle pooled connection can be cut by the server (a restart, a failover, an administrator).
 * pg reports that as an 'error' event on the pool, which would crash the process if unheard; the
 * pool drops that connection and opens a new one when next needed, so noting it is enough.
 */
function reportIdleClientError(error: Error): void {
  console.error(`Database connection lost while idle (it will be replaced): ${error.message}`);
}

/**
 * One server: node-postgres's own pool. Several servers, or `target_session_attrs=read-write`: a
 * pool that connects only to the server accepting writes and moves on after a failover
 * (writable-host-pool.ts, docs/adr/0013-database-failover.md). Either way, statements a connection
 * sends again are prepared on it unless `preparedStatements` is false (named-statements.ts, docs/adr/0025).
 */
export function openPostgres(url: string, poolSize = 10, onIdleClientError: (error: Error) => void = reportIdleClientError, preparedStatements = true): Database {
  const reading = readPostgresUrl(url);
  if (reading.ok && (reading.target.hosts.length > 1 || reading.target.targetSessionAttrs === 'read-write')) {
    const writable = openWritableHostPool(reading.target, poolSize, onIdleClientError, preparedStatements);
    const db: Db = new Kysely({ dialect: heldConnectionsOnly(tracedDialect(new PostgresDialect({ pool: writable }))) });
    return { db, engine: 'postgres', pool: writable.pool, close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', onIdleClientError);
  const db: Db = new Kysely({ dialect: heldConnectionsOnly(tracedDialect(new PostgresDialect({ pool: preparedStatements ? poolWithNamedStatements(pool) : pool }))) });
  return { db, engine: 'postgres', pool, close: () => db.destroy() };
}

/** Opens (creating if needed) the embedded database in a folder, holding its lock. */
export async function openEmbedded(dataDir: string): Promise<Database> {
  const lock = lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create({ dataDir: `${dataDir}/pgdata`, extensions: PGLITE_EXTENSIONS });
    return wrapPglite(pglite, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Wraps an open PGlite (in memory or on disk). The pool has one connection, so a transaction has it to itself. */
export function wrapPglite(pglite: PGlite, lock?: DataDirLock): Database {
  const pool = new pg.Pool(createPgConfig(pglite));
  const db: Db = new Kysely({ dialect: heldConnectionsOnly(tracedDialect(new PostgresDialect({ pool }))) });
  return {
    db,
    engine: 'pglite',
    pglite,
    pool,
    close: async () => {
      await db.destroy();
      await pglite.close();
      lock?.release();
    },
  };
}
