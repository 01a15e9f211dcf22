// A feed's new entries (not corrections) for any number of cases, checked in memory and stored by
// one statement, instead of five round trips each: the duplicates found and the cases' people read
// by one look-up (the duplicates' rows by one more, only when there are any), every entry checked by
// the same rules as writeEntry, then one multi-row INSERT.
// ON CONFLICT DO NOTHING on the external id makes an entry another batch stored meanwhile a
// duplicate, not an error that would undo the whole batch; so is an external id sent twice.
import { sql } from 'kysely';
import { checkNewEntry } from '../../domain/chronology/entry-rules.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { AppContext } from '../context.ts';
import type { Recorder } from '../recorder.ts';
import { entryFromRow, type ChronologyRow } from './chronology-rows.ts';
import { insertableEntryRow, newEntryRow, type EntryInput, type WriteEntryResult } from './write-entry.ts';

/** 26 parameters a row: 1,000 rows stay well under PostgreSQL's 65,535 a statement. */
const ROWS_PER_STATEMENT = 1000;

export interface CaseEntry {
  index: number;
  caseId: string;
  entry: EntryInput;
}

const byCaseAndId = (caseId: string, externalId: string) => `${caseId}\u0000${externalId}`;

/**
 * The entries already stored from this agency with these (case, external id) pairs. Each pair is
 * looked up on the unique index (case, agency, external id) by a lateral join, so the plan does not
 * depend on the statistics: never a scan of every id the agency ever sent, and never another case's.
 */
async function storedByExternalId(trx: Tx, organisationId: string, keys: readonly { caseId: string; externalId: string }[]): Promise<Map<string, ChronologyRow>> {
  if (keys.length === 0) return new Map();
  const { rows } = await sql<ChronologyRow>`
    SELECT e.* FROM unnest(${keys.map((k) => k.caseId)}::text[], ${keys.map((k) => k.externalId)}::text[]) AS k(case_id, external_id)
    CROSS JOIN LATERAL (
      SELECT * FROM chronology_entries c
      WHERE c.case_id = k.case_id AND c.organisation_id = ${organisationId} AND c.external_id = k.external_id
      LIMIT 1
    ) AS e`.execute(trx);
  return new Map(rows.map((row) => [byCaseAndId(row.case_id, row.external_id!), row]));
}

/**
 * In one statement: the ids of the entries already stored from this agency with these (case,
 * external id) pairs, looked up as storedByExternalId does, and the ids of the cases' people.
 */
async function duplicatesAndPeople(trx: Tx, organisationId: string, keys: readonly { caseId: string; externalId: string }[], caseIds: readonly string[]) {
  const { rows } = await sql<{ person: boolean; case_id: string; id: string }>`
    SELECT false AS person, e.case_id, e.id FROM unnest(${keys.map((k) => k.caseId)}::text[], ${keys.map((k) => k.externalId)}::text[]) AS k(case_id, external_id)
    CROSS JOIN LATERAL (
      SELECT c.case_id, c.id FROM chronology_entries c
      WHERE c.case_id = k.case_id AND c.organisation_id = ${organisationId} AND c.external_id = k.external_id
      LIMIT 1
    ) AS e
    UNION ALL
    SELECT true, case_id, id FROM people WHERE case_id IN (${sql.join(caseIds)})`.execute(trx);
  return { duplicateIds: rows.filter((row) => !row.person), people: rows.filter((row) => row.person) };
}

/** Each entry's result, by its index. The cases must be locked by the caller, who may change them. */
export async function writeEntriesTogether(trx: Tx, ctx: AppContext, recorder: Recorder, items: readonly CaseEntry[]): Promise<Map<number, WriteEntryResult>> {
  const results = new Map<number, WriteEntryResult>();
  if (items.length === 0) return results;
  const caseIds = [...new Set(items.map((item) => item.caseId))];
  const keys = new Map<string, { caseId: string; externalId: string }>();
  for (const { caseId, entry } of items) if (entry.externalId !== undefined) keys.set(byCaseAndId(caseId, entry.externalId), { caseId, externalId: entry.externalId });
  const { duplicateIds, people } = await duplicatesAndPeople(trx, recorder.organisationId, [...keys.values()], caseIds);
  const duplicates =
    duplicateIds.length === 0
      ? []
      : await trx
          .selectFrom('chronology_entries')
          .selectAll()
          .where('case_id', 'in', [...new Set(duplicateIds.map((row) => row.case_id))])
          .where('id', 'in', duplicateIds.map((row) => row.id))
          .execute();
  const existing = new Map(duplicates.map((row) => [byCaseAndId(row.case_id, row.external_id!), row]));
  const peopleByCase = new Map<string, Set<string>>(caseIds.map((id) => [id, new Set()]));
  for (const person of people) peopleByCase.get(person.case_id)!.add(person.id);
  const today = serviceToday(ctx.clock.now());
  const source = { agency: recorder.organisation, agencyKind: recorder.organisationKind };
  const pending: { index: number; row: ChronologyRow }[] = [];
  for (const { index, caseId, entry } of items) {
    const stored = entry.externalId === undefined ? undefined : existing.get(byCaseAndId(caseId, entry.externalId));
    if (stored) {
      results.set(index, { ok: true, entry: entryFromRow(stored), duplicate: true });
      continue;
    }
    const problems = checkNewEntry(entry, { today, personIds: peopleByCase.get(caseId)!, isCorrection: false });
    if (problems.length > 0) results.set(index, { ok: false, code: 'invalid', message: 'The entry cannot be recorded like this: see the problems.', problems });
    else pending.push({ index, row: newEntryRow(ctx, recorder, caseId, entry, source) });
  }
  const inserted = new Set<string>();
  for (let start = 0; start < pending.length; start += ROWS_PER_STATEMENT) {
    const rows = await trx
      .insertInto('chronology_entries')
      .values(pending.slice(start, start + ROWS_PER_STATEMENT).map((p) => insertableEntryRow(p.row)))
      .onConflict((conflict) => conflict.columns(['case_id', 'organisation_id', 'external_id']).where('external_id', 'is not', null).doNothing())
      .returning('id')
      .execute();
    for (const row of rows) inserted.add(row.id);
  }
  const skipped = pending.filter((p) => !inserted.has(p.row.id));
  const storedMeanwhile = await storedByExternalId(
    trx,
    recorder.organisationId,
    skipped.map((p) => ({ caseId: p.row.case_id, externalId: p.row.external_id! })),
  );
  for (const { index, row } of pending) {
    const other = inserted.has(row.id) ? undefined : storedMeanwhile.get(byCaseAndId(row.case_id, row.external_id!));
    if (inserted.has(row.id)) results.set(index, { ok: true, entry: entryFromRow(row), duplicate: false });
    else if (other) results.set(index, { ok: true, entry: entryFromRow(other), duplicate: true });
    else throw new Error(`Entry ${String(index)} was neither stored nor found by its external id`);
  }
  return results;
}
