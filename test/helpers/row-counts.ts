// How many rows the tables a request could change hold: a refused request must leave them as they were.
import type { Db } from '../../src/infrastructure/db/schema.ts';

export const WATCHED_TABLES = ['cases', 'people', 'person_relationships', 'case_team', 'chronology_entries', 'profile_assessments', 'profile_evidence', 'profile_versions', 'profile_decisions', 'alerts', 'alert_recipients', 'break_glass_access', 'api_tokens', 'users', 'organisations', 'case_plans', 'service_settings'] as const;

export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts = await Promise.all(WATCHED_TABLES.map(async (table) => [table, Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)] as const));
  return Object.fromEntries(counts);
}
