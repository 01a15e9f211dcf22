// The cases table with migration 065's column, gestation_at_birth_days, for the birth's use cases and
// their tests. schema.ts names it too once it is committed there (it was held in another engineer's
// uncommitted work when this was written, H2); this view of the database is then the same as
// schema.ts's and can be dropped for the plain Db and Tx.
import type { Kysely, Transaction } from 'kysely';
import type { CasesTable, Database, Db, Tx } from '../../infrastructure/db/schema.ts';

type CasesWithDays = CasesTable & { gestation_at_birth_days: number | null };
type DatabaseWithDays = Omit<Database, 'cases'> & { cases: CasesWithDays };

/** The same transaction, typed with cases.gestation_at_birth_days. */
export function withGestationDays(trx: Tx): Transaction<DatabaseWithDays>;
export function withGestationDays(db: Db): Kysely<DatabaseWithDays>;
export function withGestationDays(db: Db | Tx): Kysely<DatabaseWithDays> {
  return db as unknown as Kysely<DatabaseWithDays>;
}
