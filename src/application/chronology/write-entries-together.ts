// A feed's new entries for one case (not corrections) checked in memory and stored by one
// statement, instead of five round trips each: the duplicates found by one query, the case's
// people read once, every entry checked by the same rules as writeEntry, then one multi-row INSERT.
// ON CONFLICT DO NOTHING on the external id makes an entry another batch stored meanwhile a
// duplicate, not an error that would undo the whole batch; so is an external id sent twice.
import { checkNewEntry } from '../../domain/chronology/entry-rules.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { AppContext } from '../context.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Recorder } from '../recorder.ts';
import { entryFromRow, type ChronologyRow } from './chronology-rows.ts';
import { newEntryRow, type EntryInput, type WriteEntryResult } from './record-entry.ts';

const ROWS_PER_STATEMENT = 500;

export interface IndexedEntry {
  index: number;
  entry: EntryInput;
}

/** This case's entries from this agency with these external ids (never another case's: see migration 008). */
async function storedByExternalId(trx: Tx, caseId: string, organisationId: string, externalIds: readonly string[]): Promise<Map<string, ChronologyRow>> {
  if (externalIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('chronology_entries')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('organisation_id', '=', organisationId)
    .where('external_id', 'in', [...externalIds])
    .execute();
  return new Map(rows.map((row) => [row.external_id!, row]));
}

/** Each entry's result, by its index. The case must be locked by the caller, who may change it. */
export async function writeEntriesTogether(trx: Tx, ctx: AppContext, recorder: Recorder, caseId: string, items: readonly IndexedEntry[]): Promise<Map<number, WriteEntryResult>> {
  const results = new Map<number, WriteEntryResult>();
  const externalIds = [...new Set(items.flatMap((item) => (item.entry.externalId === undefined ? [] : [item.entry.externalId])))];
  const [existing, people] = await Promise.all([
    storedByExternalId(trx, caseId, recorder.organisationId, externalIds),
    trx.selectFrom('people').select('id').where('case_id', '=', caseId).execute(),
  ]);
  const context = { today: serviceToday(ctx.clock.now()), personIds: new Set(people.map((p) => p.id)), isCorrection: false };
  const source = { agency: recorder.organisation, agencyKind: recorder.organisationKind };
  const pending: { index: number; row: ReturnType<typeof newEntryRow> }[] = [];
  for (const { index, entry } of items) {
    const stored = entry.externalId === undefined ? undefined : existing.get(entry.externalId);
    if (stored) {
      results.set(index, { ok: true, entry: entryFromRow(stored), duplicate: true });
      continue;
    }
    const problems = checkNewEntry(entry, context);
    if (problems.length > 0) results.set(index, { ok: false, code: 'invalid', message: 'The entry cannot be recorded like this: see the problems.', problems });
    else pending.push({ index, row: newEntryRow(ctx, recorder, caseId, entry, source) });
  }
  const inserted = new Map<string, ChronologyRow>();
  for (let start = 0; start < pending.length; start += ROWS_PER_STATEMENT) {
    const rows = await trx
      .insertInto('chronology_entries')
      .values(pending.slice(start, start + ROWS_PER_STATEMENT).map((p) => p.row))
      .onConflict((conflict) => conflict.columns(['case_id', 'organisation_id', 'external_id']).where('external_id', 'is not', null).doNothing())
      .returningAll()
      .execute();
    for (const row of rows) inserted.set(row.id, row);
  }
  const skipped = pending.filter((p) => !inserted.has(p.row.id));
  const storedMeanwhile = await storedByExternalId(
    trx,
    caseId,
    recorder.organisationId,
    skipped.map((p) => p.row.external_id!),
  );
  for (const { index, row } of pending) {
    const stored = inserted.get(row.id);
    const other = stored ? undefined : storedMeanwhile.get(row.external_id!);
    if (stored) results.set(index, { ok: true, entry: entryFromRow(stored), duplicate: false });
    else if (other) results.set(index, { ok: true, entry: entryFromRow(other), duplicate: true });
    else throw new Error(`Entry ${String(index)} was neither stored nor found by its external id`);
  }
  return results;
}
