// The rows that point at one person through a foreign key to `people` (issue 21): a link to another
// person, a consent asked of them, the proposal to withdraw them, a FHIR import's proposal decided as
// them, and any table added later with such a key. Read from the database's own foreign keys, as
// cases/remove-case-data.ts reads the tables with a case_id, so that withdrawing a person never
// misses one (withdraw-person.ts, under icp.removing_case).
import { sql } from 'kysely';
import type { Tx } from '../../infrastructure/db/schema.ts';

/** A foreign key to people: the pointing table and, for each of its columns, the people column it names (case_id or id). */
interface KeyToPeople {
  table: string;
  columns: { column: string; names: 'case_id' | 'id' }[];
}

async function keysToPeople(trx: Tx): Promise<KeyToPeople[]> {
  const { rows } = await sql<{ name: string; table: string; column: string; names: string }>`
    SELECT k.conname AS name, ch.relname AS table, ca.attname AS column, pa.attname AS names
      FROM pg_constraint k
      JOIN pg_class ch ON ch.oid = k.conrelid
      JOIN pg_class pe ON pe.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = ch.relnamespace
      CROSS JOIN LATERAL unnest(k.conkey, k.confkey) AS pair(child_attnum, parent_attnum)
      JOIN pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attnum = pair.child_attnum
      JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = pair.parent_attnum
     WHERE k.contype = 'f' AND pe.relname = 'people' AND n.nspname = current_schema() AND ch.relname <> 'people'
     ORDER BY ch.relname, k.conname, ca.attname`.execute(trx);
  const keys = new Map<string, KeyToPeople>();
  for (const row of rows) {
    if (row.names !== 'case_id' && row.names !== 'id') throw new Error(`A foreign key to people names ${row.names}, not its key`);
    const key = keys.get(`${row.table}/${row.name}`) ?? { table: row.table, columns: [] };
    key.columns.push({ column: row.column, names: row.names });
    keys.set(`${row.table}/${row.name}`, key);
  }
  return [...keys.values()];
}

/** Deletes every row that points at the person, by table; the caller has set icp.removing_case. */
export async function removeRowsPointingAtPerson(trx: Tx, caseId: string, personId: string): Promise<Record<string, number>> {
  const keys = await keysToPeople(trx);
  const removed: Record<string, number> = {};
  for (const key of keys) {
    const matches = key.columns.map(({ column, names }) => sql`${sql.ref(column)} = ${names === 'id' ? personId : caseId}`);
    const { numAffectedRows } = await sql`DELETE FROM ${sql.table(key.table)} WHERE ${sql.join(matches, sql` AND `)}`.execute(trx);
    if (numAffectedRows !== undefined && Number(numAffectedRows) > 0) removed[key.table] = (removed[key.table] ?? 0) + Number(numAffectedRows);
  }
  return removed;
}
