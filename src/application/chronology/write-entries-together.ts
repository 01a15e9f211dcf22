// A feed's new entries (not corrections) for any number of cases, checked in memory and stored by
// one statement, instead of five round trips each: the duplicates found and the cases' people read
// by one look-up, with the cases' access facts once they are locked (the duplicates' rows by one more,
// only when there are any), every entry checked by
// the same rules as writeEntry, then one INSERT of every row, sent as JSON (ADR 0011: a multi-row
// VALUES of 26 parameters a row cost Node about 20 ms a batch of 1,000 to build and bind): the columns
// every row shares once, and each row's others.
// ON CONFLICT DO NOTHING on the external id makes an entry another batch stored meanwhile a
// duplicate, not an error that would undo the whole batch; so is an external id sent twice.
import { sql } from 'kysely';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { checkNewEntry } from '../../domain/chronology/entry-rules.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import { ACCESS_FACTS_ORDER, accessFactsOf, accessFactsRows, type AccessFacts, type AccessFactsRow } from '../cases/case-access.ts';
import type { AppContext } from '../context.ts';
import type { Recorder } from '../recorder.ts';
import { entryFromRow, type ChronologyRow } from './chronology-rows.ts';
import { newEntryRow, type EntryInput, type WriteEntryResult } from './write-entry.ts';

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

/** The entries already stored from the recorder's agency with the items' external ids, and the cases' people, by id. */
export interface DuplicatesAndPeople {
  duplicateIds: { case_id: string; id: string }[];
  people: { case_id: string; id: string }[];
}

/**
 * Once the cases are locked, by one statement: their access facts (cases/case-access.ts, for
 * lockCasesForChange to decide on), and for checkEntriesTogether the ids of the entries already stored
 * from this agency with the new items' (case, external id) pairs, looked up as storedByExternalId does,
 * and the ids of the cases' people. One round trip under the lock instead of two (issue 12).
 */
export async function readAccessDuplicatesAndPeople(trx: Tx, caseIds: readonly string[], userId: string, now: Date, organisationId: string, items: readonly CaseEntry[]): Promise<{ access: AccessFacts; found: DuplicatesAndPeople }> {
  if (caseIds.length === 0) return { access: { team: [], breakGlass: [] }, found: { duplicateIds: [], people: [] } };
  const keys = externalIdKeys(items.filter((item) => item.entry.corrects === undefined && caseIds.includes(item.caseId)));
  type Row = AccessFactsRow & { part: 'access' | 'duplicate' | 'person'; id: string | null };
  const { rows } = await sql<Row>`
    SELECT 'access' AS part, a.*, NULL AS id FROM (${accessFactsRows(caseIds, userId, now)}) AS a
    UNION ALL
    SELECT 'duplicate', e.case_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, e.id FROM unnest(${keys.map((k) => k.caseId)}::text[], ${keys.map((k) => k.externalId)}::text[]) AS k(case_id, external_id)
    CROSS JOIN LATERAL (
      SELECT c.case_id, c.id FROM chronology_entries c
      WHERE c.case_id = k.case_id AND c.organisation_id = ${organisationId} AND c.external_id = k.external_id
      LIMIT 1
    ) AS e
    UNION ALL
    SELECT 'person', case_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, id FROM people WHERE case_id IN (${sql.join(caseIds)})
    ORDER BY part, ${ACCESS_FACTS_ORDER}`.execute(trx);
  const idsOf = (part: Row['part']) => rows.flatMap((row) => (row.part === part ? [{ case_id: row.caseId, id: row.id! }] : []));
  return { access: accessFactsOf(rows.filter((row) => row.part === 'access')), found: { duplicateIds: idsOf('duplicate'), people: idsOf('person') } };
}

/** The items' distinct (case, external id) pairs. */
function externalIdKeys(items: readonly CaseEntry[]): { caseId: string; externalId: string }[] {
  const keys = new Map<string, { caseId: string; externalId: string }>();
  for (const { caseId, entry } of items) if (entry.externalId !== undefined) keys.set(byCaseAndId(caseId, entry.externalId), { caseId, externalId: entry.externalId });
  return [...keys.values()];
}

/**
 * The rows stored by one statement whatever their number, as JSON that the database turns into rows
 * of the table itself (json_populate_recordset): every column named in the row type, so none is left
 * to its default. The columns every row gives the same value (the recorder, the time, an empty list)
 * go once, as the rows' base record, and each row carries only its others: a batch's JSON is about a
 * quarter as long, and Node builds and sends it in about a third of the time (issue 12). The ids of
 * those stored: a row whose external id another batch stored meanwhile is not.
 */
async function insertRows(trx: Tx, rows: readonly ChronologyRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const { shared, own } = sharedAndOwnColumns(rows);
  const { rows: stored } = await sql<{ id: string }>`
    INSERT INTO chronology_entries SELECT * FROM json_populate_recordset(json_populate_record(NULL::chronology_entries, ${shared}::json), ${own}::json)
    ON CONFLICT (case_id, organisation_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
    RETURNING id`.execute(trx);
  return new Set(stored.map((row) => row.id));
}

/** A row's columns by name, as JSON.stringify reads them. */
type Columns = Readonly<Record<string, unknown>>;

/**
 * The rows as two JSON texts: `shared`, one object of the columns whose value is the same in every
 * row, and `own`, an array of the rows with their other columns only. Exported for its test.
 */
export function sharedAndOwnColumns(rows: readonly ChronologyRow[]): { shared: string; own: string } {
  const all = rows as readonly Columns[];
  const first = all[0] ?? {};
  const shared: Record<string, unknown> = {};
  const ownNames: string[] = [];
  for (const name of Object.keys(first)) {
    if (all.every((row) => sameValue(first[name], row[name]))) shared[name] = first[name];
    else ownNames.push(name);
  }
  const own = all.map((row) => {
    const columns: Record<string, unknown> = {};
    for (const name of ownNames) columns[name] = row[name];
    return columns;
  });
  return { shared: JSON.stringify(shared), own: JSON.stringify(own) };
}

/** Whether two column values are written as the same JSON, told cheaply: equal scalars, equal times, or both an empty list or both an empty object. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === 0 && b.length === 0;
  return isEmptyObject(a) && isEmptyObject(b);
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

/** Entries checked and not yet stored: the duplicates' and refusals' results, and the rows to store. */
export interface CheckedEntries {
  /** By the item's index: each duplicate (the entry stored already) and each entry refused. */
  results: Map<number, WriteEntryResult>;
  /** The entries to store, each with its row and its item's index, in the items' order. */
  pending: { index: number; row: ChronologyRow; entry: ChronologyEntry }[];
}

/**
 * The duplicates found (`found`, read with the cases' lock: readAccessDuplicatesAndPeople) and every
 * entry checked, each new entry's row made: nothing stored yet (then storeCheckedEntries). The cases
 * must be locked by the caller, who may change them.
 */
export async function checkEntriesTogether(trx: Tx, ctx: AppContext, recorder: Recorder, items: readonly CaseEntry[], found: DuplicatesAndPeople): Promise<CheckedEntries> {
  const results = new Map<number, WriteEntryResult>();
  const pending: CheckedEntries['pending'] = [];
  if (items.length === 0) return { results, pending };
  const caseIds = [...new Set(items.map((item) => item.caseId))];
  const { duplicateIds } = found;
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
  for (const person of found.people) peopleByCase.get(person.case_id)?.add(person.id);
  const today = serviceToday(ctx.clock.now());
  const source = { agency: recorder.organisation, agencyKind: recorder.organisationKind };
  for (const { index, caseId, entry } of items) {
    const stored = entry.externalId === undefined ? undefined : existing.get(byCaseAndId(caseId, entry.externalId));
    if (stored) {
      results.set(index, { ok: true, entry: entryFromRow(stored), duplicate: true });
      continue;
    }
    const problems = checkNewEntry(entry, { today, personIds: peopleByCase.get(caseId)!, isCorrection: false });
    if (problems.length > 0) results.set(index, { ok: false, code: 'invalid', message: 'The entry cannot be recorded like this: see the problems.', problems });
    else {
      const row = newEntryRow(ctx, recorder, caseId, entry, source);
      pending.push({ index, row, entry: entryFromRow(row) });
    }
  }
  return { results, pending };
}

/**
 * The checked entries stored by one statement, and every entry's result, by its index: a row whose
 * external id another batch stored meanwhile is that batch's entry, a duplicate.
 */
export async function storeCheckedEntries(trx: Tx, recorder: Recorder, { results: checked, pending }: CheckedEntries): Promise<Map<number, WriteEntryResult>> {
  const results = new Map(checked);
  const inserted = await insertRows(trx, pending.map((p) => p.row));
  const skipped = pending.filter((p) => !inserted.has(p.row.id));
  const storedMeanwhile = await storedByExternalId(
    trx,
    recorder.organisationId,
    skipped.map((p) => ({ caseId: p.row.case_id, externalId: p.row.external_id! })),
  );
  for (const { index, row, entry } of pending) {
    const other = inserted.has(row.id) ? undefined : storedMeanwhile.get(byCaseAndId(row.case_id, row.external_id!));
    if (inserted.has(row.id)) results.set(index, { ok: true, entry, duplicate: false });
    else if (other) results.set(index, { ok: true, entry: entryFromRow(other), duplicate: true });
    else throw new Error(`Entry ${String(index)} was neither stored nor found by its external id`);
  }
  return results;
}
