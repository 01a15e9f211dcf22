// Takes a withdrawn person's name, NHS number and address out of everything the case stored before
// (issue 21): the profile's earlier versions (their changes, findings and why), the decisions'
// findings and reasoning, alert texts, the entries about them and others, plans, meetings, supervision
// notes, quality audits' answers, transfer records, and any table added later with a case_id. Read from
// the database's own columns, as rows-pointing-at-person.ts reads its foreign keys, so that none is
// missed. Each mention is replaced by words saying a person was withdrawn (domain/withdrawal/
// person-mentions.ts); what the rest says about the baby stays. The append-only tables take this one
// change under icp.redacting_person_case (migration 053), for the named case only. The audit trail is
// not touched here: the withdrawal's tombstone redacts its entries about the person. Columns that
// name the professionals and agencies (who recorded, supervised, chaired, sent; the agency) are left:
// they never name a family member, and a practitioner who shares a name with the person keeps it.
// Rows tied to the case through its alerts (the recipients' acknowledgement notes, the emails waiting
// or sent about them) and the forms kept while typing on the case's pages are redacted too.
import { sql, type RawBuilder } from 'kysely';
import { redactMentions, redactMentionsInJson } from '../../domain/withdrawal/person-mentions.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';

/** Tables with a case_id that keep their own way of removing what names someone. */
const NOT_HERE = new Set(['audit_log']);

/** Columns naming professionals, agencies and areas, never a family member: left as they are. */
const STAFF_AND_AGENCIES = (column: string) => column.endsWith('_by_name') || ['practitioner_name', 'supervisor_name', 'lead_name', 'chair', 'contact', 'agency', 'agency_kind', 'from_area', 'to_area'].includes(column);

interface TextColumn {
  table: string;
  column: string;
  jsonb: boolean;
}

async function caseTextColumns(trx: Tx): Promise<TextColumn[]> {
  const { rows } = await sql<{ table: string; column: string; type: string }>`
    SELECT c.table_name AS table, c.column_name AS column, c.data_type AS type
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema()
       AND c.data_type IN ('text', 'character varying', 'jsonb')
       AND c.column_name <> 'case_id'
       AND EXISTS (SELECT 1 FROM information_schema.columns k WHERE k.table_schema = c.table_schema AND k.table_name = c.table_name AND k.column_name = 'case_id')
     ORDER BY c.table_name, c.column_name`.execute(trx);
  return rows.filter((row) => !NOT_HERE.has(row.table) && !STAFF_AND_AGENCIES(row.column)).map((row) => ({ table: row.table, column: row.column, jsonb: row.type === 'jsonb' }));
}

/** Redacts the mentions in every row of the case that holds one; how many values changed, by table. */
export async function redactPersonMentions(trx: Tx, caseId: string, mentions: readonly string[]): Promise<Record<string, number>> {
  const redacted: Record<string, number> = {};
  if (mentions.length === 0) return redacted;
  await sql`SELECT set_config('icp.redacting_person_case', ${caseId}, true)`.execute(trx);
  // A first sieve in the database (a word of any mention anywhere in the text, any case: "Ryan Cole"
  // split over a line is still found); the mentions are matched whole here.
  const words = [...new Set(mentions.map((mention) => mention.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a)).toLocaleLowerCase('en-GB')))];
  const holds = (column: string) => sql.join(words.map((word) => sql`strpos(lower(${sql.ref(column)}::text), ${word}) > 0`), sql` OR `);
  const redactColumn = async (table: string, column: string, jsonb: boolean, tiedToCase: RawBuilder<unknown>) => {
    const { rows } = await sql<{ row: string; value: unknown }>`SELECT ctid::text AS row, ${sql.ref(column)} AS value FROM ${sql.table(table)} WHERE ${tiedToCase} AND (${holds(column)})`.execute(trx);
    for (const { row, value } of rows) {
      const after = jsonb ? redactMentionsInJson(value, mentions) : redactMentions(value as string, mentions);
      if (JSON.stringify(after) === JSON.stringify(value)) continue;
      const stored = jsonb ? sql`${JSON.stringify(after)}::jsonb` : sql`${after}`;
      await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${stored} WHERE ctid = ${row}::tid AND ${tiedToCase}`.execute(trx);
      redacted[table] = (redacted[table] ?? 0) + 1;
    }
  };
  for (const { table, column, jsonb } of await caseTextColumns(trx)) await redactColumn(table, column, jsonb, sql`case_id = ${caseId}`);
  // Tied to the case through its alerts, or by the page a form was kept on.
  const alertOfCase = sql`alert_id IN (SELECT id FROM alerts WHERE case_id = ${caseId})`;
  await redactColumn('alert_recipients', 'acknowledged_note', false, alertOfCase);
  await redactColumn('outbox', 'subject', false, alertOfCase);
  await redactColumn('outbox', 'body', false, alertOfCase);
  await redactColumn('kept_forms', 'fields', true, sql`(path = ${`/cases/${caseId}`} OR path LIKE ${`/cases/${caseId}/%`})`);
  await sql`SELECT set_config('icp.redacting_person_case', '', true)`.execute(trx);
  return redacted;
}
