// Multi-row INSERTs kept under the parameters one statement can carry. The protocol counts a
// statement's parameters in 16 bits, on PostgreSQL and on PGlite alike (both reached through
// node-postgres): past 65,535 the count wraps and the server refuses the statement ("bind message has
// N parameter formats but 0 parameters"), so a write of that many rows would fail whole (issue 12).
import type { Insertable } from 'kysely';
import type { Database, Queryable } from './schema.ts';

/** The most parameters one statement carries. */
export const MOST_PARAMETERS = 65_535;

/**
 * The rows inserted in the order given, by as few INSERTs as keep each under MOST_PARAMETERS, one
 * after the other on the handle given (so a serial column numbers them as one INSERT would). Give a
 * transaction when they may take more than one, so that they are written whole or not at all.
 */
export async function insertInChunks<T extends keyof Database>(db: Queryable, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  const perStatement = rowsPerStatement(rows);
  for (let start = 0; start < rows.length; start += perStatement) {
    await db.insertInto(table).values(rows.slice(start, start + perStatement)).execute();
  }
}

/**
 * How many of these rows one INSERT can carry. Kysely binds each plain value a row gives as one
 * parameter, for the columns all the rows name together (a row lacking one of them is sent DEFAULT,
 * which binds none), so that is the most a row can take. Not for rows holding SQL expressions, which
 * may bind several.
 */
export function rowsPerStatement(rows: readonly object[]): number {
  const columns = new Set(rows.flatMap((row) => Object.keys(row)));
  return Math.max(1, Math.floor(MOST_PARAMETERS / Math.max(1, columns.size)));
}
