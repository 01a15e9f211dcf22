// Removing every row of one case (issue 21): a record made in error, withdrawn by two people, or a
// case at the end of its retention. Every table with a `case_id` column loses that case's rows,
// children before parents (read from the database's own foreign keys, so a table added later is
// removed too), after the alerts' recipients and mail and any form kept with what was typed about
// it, then the case. The audit trail is not touched
// here: the caller redacts it and appends the tombstone (application/audit.ts, recordTombstone). The
// append-only history tables let these rows go because the transaction names the case in
// icp.removing_case (migration 036). Call it inside a change that holds the case locked.
import { sql } from 'kysely';
import type { Tx } from '../../infrastructure/db/schema.ts';

/** Never removed with a case: the audit trail keeps its entries (redacted) for the tombstone. */
const KEPT = new Set(['audit_log']);

/** The tables with a case_id column, each after every table whose foreign keys point at it. */
async function caseTablesChildrenFirst(trx: Tx): Promise<string[]> {
  const { rows: tables } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE a.attname = 'case_id' AND NOT a.attisdropped AND c.relkind = 'r' AND n.nspname = current_schema()
     ORDER BY c.relname`.execute(trx);
  const { rows: keys } = await sql<{ child: string; parent: string }>`
    SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
      JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid JOIN pg_namespace n ON n.oid = ch.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema() AND ch.oid <> pa.oid`.execute(trx);
  const names = tables.map((t) => t.name).filter((name) => name !== 'cases' && !KEPT.has(name));
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const { child } of keys.filter((k) => k.parent === name)) if (names.includes(child)) visit(child);
    ordered.push(name);
  };
  for (const name of names) visit(name);
  return ordered;
}

/** What was removed, by table: for the tombstone. */
export type RemovedRows = Record<string, number>;

export async function removeCaseData(trx: Tx, caseId: string): Promise<RemovedRows> {
  await sql`SELECT set_config('icp.removing_case', ${caseId}, true)`.execute(trx);
  const removed: RemovedRows = {};
  const count = (table: string, rows: bigint | number | undefined) => {
    if (rows !== undefined && Number(rows) > 0) removed[table] = Number(rows);
  };
  const alerts = trx.selectFrom('alerts').select('id').where('case_id', '=', caseId);
  count('outbox', (await trx.deleteFrom('outbox').where('alert_id', 'in', alerts).executeTakeFirst()).numDeletedRows);
  count('alert_recipients', (await trx.deleteFrom('alert_recipients').where('alert_id', 'in', alerts).executeTakeFirst()).numDeletedRows);
  // A form kept for someone whose session ended holds what they typed about the case.
  count('kept_forms', (await trx.deleteFrom('kept_forms').where('path', 'like', `/cases/${caseId}/%`).executeTakeFirst()).numDeletedRows);
  for (const table of await caseTablesChildrenFirst(trx)) {
    const { numAffectedRows } = await sql`DELETE FROM ${sql.table(table)} WHERE case_id = ${caseId}`.execute(trx);
    count(table, numAffectedRows);
  }
  count('cases', (await trx.deleteFrom('cases').where('id', '=', caseId).executeTakeFirst()).numDeletedRows);
  await sql`SELECT set_config('icp.removing_case', '', true)`.execute(trx);
  return removed;
}
