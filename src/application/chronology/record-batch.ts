// Agency feeds: many chronology entries, for one case or many, in one transaction. Each entry
// stands or falls alone: a bad one is reported and costs only itself (new entries are checked
// before one INSERT stores them together; a correction is written in a savepoint of its own). A
// retried batch finds its entries by external id and stores nothing twice. The audit entries are
// appended at the end, so the audit chain's lock is held only while the batch commits. Each case touched gets
// one profile version and one audit entry for the whole batch, not one per entry; each new entry
// raises the alert its kind raises, as when recorded alone.
import { sql } from 'kysely';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import type { EntryProblem } from '../../domain/chronology/entry-rules.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { raiseEntryAlert } from '../alerts/raise-alerts.ts';
import { recordAudit, withAuditAtEnd } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { lockProfileForChange } from '../profile/profile-change-guard.ts';
import { appendProfileVersionRaisingAlerts } from '../profile/profile-versions.ts';
import { writeEntry, type EntryInput, type WriteEntryResult } from './record-entry.ts';
import { writeEntriesTogether } from './write-entries-together.ts';
import { recorderFor, type Recorder } from '../recorder.ts';

export const BATCH_LIMIT = 1000;

export interface BatchItem {
  /** Where the entry was in what the caller sent, to report it back. */
  index: number;
  caseId: string;
  entry: EntryInput;
}

export interface BatchWritten {
  index: number;
  id: string;
}

export type BatchRejection =
  | { index: number; code: 'not-found'; message: string }
  | { index: number; code: 'forbidden'; message: string }
  | { index: number; code: 'invalid'; message: string; problems: EntryProblem[] }
  | { index: number; code: 'unknown-correction'; message: string }
  | { index: number; code: 'already-corrected'; message: string; newestId: string };

export interface BatchOutcome {
  stored: BatchWritten[];
  /** Entries whose external id was already stored: the id is the stored entry's. */
  duplicates: BatchWritten[];
  rejected: BatchRejection[];
}

/** How the batch is named in the profile history and the audit trail. */
export interface BatchSource {
  action: string;
  /** Completes "Chronology: 3 entries from …". */
  description: string;
  auditDetails?: Record<string, unknown>;
}


const AGENCY_BATCH: BatchSource = { action: 'chronology.batch', description: 'an agency feed' };

export async function recordBatch(ctx: AppContext, actor: UserActor, items: readonly BatchItem[]): Promise<BatchOutcome> {
  return ctx.db.transaction().execute((trx) => withAuditAtEnd(trx, async () => {
    const recorder = await recorderFor(trx, actor);
    const outcomes: BatchOutcome[] = [];
    for (const [caseId, caseItems] of byCaseInLockOrder(items)) {
      const guard = await lockProfileForChange(trx, ctx, actor, caseId, AGENCY_BATCH.action);
      if (guard.ok) outcomes.push(await writeCaseEntries(trx, ctx, actor, recorder, caseId, caseItems, AGENCY_BATCH));
      else outcomes.push({ stored: [], duplicates: [], rejected: caseItems.map((item) => ({ index: item.index, code: guard.code, message: guard.message })) });
    }
    return mergedInIndexOrder(outcomes);
  }));
}

/**
 * Writes a batch's entries for one case that the caller has locked and may change (see
 * lockProfileForChange), inside the caller's transaction, then the case's profile version and audit.
 */
export async function writeCaseEntries(trx: Tx, ctx: AppContext, actor: UserActor, recorder: Recorder, caseId: string, items: readonly BatchItem[], source: BatchSource): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { stored: [], duplicates: [], rejected: [] };
  const written: ChronologyEntry[] = [];
  // New entries go in together; each correction alone, in its savepoint, since it reads the chain it extends.
  const results = await writeEntriesTogether(trx, ctx, recorder, caseId, items.filter((item) => item.entry.corrects === undefined));
  for (const item of items) {
    const result = results.get(item.index) ?? (await allOrNothing(trx, () => writeEntry(trx, ctx, recorder, caseId, item.entry)));
    if (!result.ok) outcome.rejected.push({ index: item.index, ...result });
    else if (result.duplicate) outcome.duplicates.push({ index: item.index, id: result.entry.id });
    else {
      outcome.stored.push({ index: item.index, id: result.entry.id });
      written.push(result.entry);
    }
  }
  if (written.length === 0) return outcome;
  const entryIds = written.map((entry) => entry.id);
  const count = `${String(written.length)} ${written.length === 1 ? 'entry' : 'entries'}`;
  const change = { kind: 'event' as const, change: { entryIds, summary: `Chronology: ${count} from ${source.description}` }, why: null };
  const { version: profileVersion, alerts: findingAlerts } = await appendProfileVersionRaisingAlerts(trx, ctx, actor, caseId, change);
  const alerts = [...findingAlerts];
  for (const entry of written) alerts.push(...(await raiseEntryAlert(trx, ctx, actor, caseId, entry)));
  await recordAudit(trx, ctx, actor, {
    action: source.action,
    caseId,
    subjectType: 'case',
    subjectId: caseId,
    details: {
      count: written.length,
      duplicates: outcome.duplicates.length,
      rejected: outcome.rejected.length,
      profileVersion,
      entryIds,
      ...(alerts.length > 0 ? { alerts: alerts.map((a) => a.id) } : {}),
      ...source.auditDetails,
    },
  });
  return outcome;
}

/** Runs one entry's write in a savepoint, undone unless a new entry was stored. */
async function allOrNothing(trx: Tx, write: () => Promise<WriteEntryResult>): Promise<WriteEntryResult> {
  await sql`SAVEPOINT batch_entry`.execute(trx);
  const result = await write();
  const kept = result.ok && !result.duplicate;
  await (kept ? sql`RELEASE SAVEPOINT batch_entry` : sql`ROLLBACK TO SAVEPOINT batch_entry`).execute(trx);
  return result;
}

/** Items grouped by case, cases in id order: two batches over the same cases lock them in the same order and cannot deadlock. */
function byCaseInLockOrder(items: readonly BatchItem[]): [string, BatchItem[]][] {
  const groups = new Map<string, BatchItem[]>();
  for (const item of items) {
    const group = groups.get(item.caseId);
    if (group) group.push(item);
    else groups.set(item.caseId, [item]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function mergedInIndexOrder(outcomes: readonly BatchOutcome[]): BatchOutcome {
  const byIndex = <T extends { index: number }>(list: T[]) => list.sort((a, b) => a.index - b.index);
  return {
    stored: byIndex(outcomes.flatMap((o) => o.stored)),
    duplicates: byIndex(outcomes.flatMap((o) => o.duplicates)),
    rejected: byIndex(outcomes.flatMap((o) => o.rejected)),
  };
}
