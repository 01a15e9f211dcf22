// Migration 065's column, gestation_at_birth_days, is now in schema.ts (committed there with another
// engineer's work after d9992da), so the database's own types name it: this is the plain Db or Tx,
// kept so that the birth's use cases and tests (which call it) need no change today. Drop it, and
// its calls, when next touching them (H2).
import type { Db, Tx } from '../../infrastructure/db/schema.ts';

/** The same database or transaction: its cases already have gestation_at_birth_days. */
export function withGestationDays<T extends Db | Tx>(db: T): T {
  return db;
}
