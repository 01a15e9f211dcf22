// How many rows the tables a request could change hold: a refused request must leave them as they were.
import { sql } from 'kysely';
import type { Db } from '../../src/infrastructure/db/schema.ts';

export const WATCHED_TABLES = ['cases', 'people', 'person_relationships', 'case_team', 'chronology_entries', 'profile_assessments', 'profile_evidence', 'profile_versions', 'profile_decisions', 'alerts', 'alert_recipients', 'break_glass_access', 'api_tokens', 'users', 'organisations', 'case_plans', 'service_settings'] as const;

/** Every watched table's count in one statement (the fuzz and matrix tests take them around each request). */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts = sql.join(WATCHED_TABLES.map((table) => sql`(SELECT count(*) FROM ${sql.table(table)}) AS ${sql.ref(table)}`));
  const { rows } = await sql<Record<string, string | number>>`SELECT ${counts}`.execute(db);
  return Object.fromEntries(WATCHED_TABLES.map((table) => [table, Number(rows[0]![table])]));
}
