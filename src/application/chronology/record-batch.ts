// Agency feeds: many chronology entries, for one case or many, in one transaction. Each entry
// stands or falls alone: a bad one is reported and costs only itself (new entries are checked
// before one INSERT stores them together; a correction is written in a savepoint of its own). A
// retried batch finds its entries by external id and stores nothing twice. The cases' profiles are
// evaluated together and their versions written by one statement; the audit entries are appended
// at the end, so the audit chain's lock is held only while the batch commits. Each case touched gets
// one profile version and one audit entry for the whole batch, not one per entry; each new entry
// raises the alert its kind raises, as when recorded alone.
import { sql } from 'kysely';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import type { EntryProblem } from '../../domain/chronology/entry-rules.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { raiseEntryAlert } from '../alerts/raise-alerts.ts';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { lockProfileForChange } from '../profile/profile-change-guard.ts';
import { appendProfileVersionRaisingAlerts, appendProfileVersionsRaisingAlerts, type AppendedVersion, type ProfileChange } from '../profile/profile-versions.ts';
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
  return ctx.db.transaction().execute(async (trx) => {
      const recorder = await recorderFor(trx, actor);
      const outcomes: BatchOutcome[] = [];
      const writtenByCase = new Map<string, StoredForCase>();
      for (const [caseId, caseItems] of byCaseInLockOrder(items)) {
        const guard = await lockProfileForChange(trx, ctx, actor, caseId, AGENCY_BATCH.action);
        if (!guard.ok) {
          outcomes.push({ stored: [], duplicates: [], rejected: caseItems.map((item) => ({ index: item.index, code: guard.code, message: guard.message })) });
          continue;
        }
        const stored = await storeCaseEntries(trx, ctx, recorder, caseId, caseItems);
        outcomes.push(stored.outcome);
        if (stored.written.length > 0) writtenByCase.set(caseId, stored);
      }
      const versions = await appendProfileVersionsRaisingAlerts(trx, ctx, actor, new Map([...writtenByCase].map(([caseId, stored]) => [caseId, versionChange(stored.written, AGENCY_BATCH)])));
      for (const [caseId, stored] of writtenByCase) await alertAndAudit(trx, ctx, actor, caseId, stored, versions.get(caseId)!, AGENCY_BATCH);
      return mergedInIndexOrder(outcomes);
  });
}

/** What a batch stored for one case: the outcome to report, and the new entries. */
interface StoredForCase {
  outcome: BatchOutcome;
  written: ChronologyEntry[];
}

/** Stores a batch's entries for one case the caller has locked and may change, without the version, alerts or audit. */
async function storeCaseEntries(trx: Tx, ctx: AppContext, recorder: Recorder, caseId: string, items: readonly BatchItem[]): Promise<StoredForCase> {
  const outcome: BatchOutcome = { stored: [], duplicates: [], rejected: [] };
  const written: ChronologyEntry[] = [];
  // New entries go in together; each correction alone, in its savepoint, since it reads the chain it extends.
  const results = await writeEntriesTogether(
    trx,
    ctx,
    recorder,
    caseId,
    items.filter((item) => item.entry.corrects === undefined),
  );
  for (const item of items) {
    const result = results.get(item.index) ?? (await allOrNothing(trx, () => writeEntry(trx, ctx, recorder, caseId, item.entry)));
    if (!result.ok) outcome.rejected.push({ index: item.index, ...result });
    else if (result.duplicate) outcome.duplicates.push({ index: item.index, id: result.entry.id });
    else {
      outcome.stored.push({ index: item.index, id: result.entry.id });
      written.push(result.entry);
    }
  }
  return { outcome, written };
}

function versionChange(written: readonly ChronologyEntry[], source: BatchSource): ProfileChange {
  const count = `${String(written.length)} ${written.length === 1 ? 'entry' : 'entries'}`;
  return { kind: 'event', change: { entryIds: written.map((entry) => entry.id), summary: `Chronology: ${count} from ${source.description}` }, why: null };
}

/** The alert each new entry raises by its kind, and the case's one audit entry for the batch. */
async function alertAndAudit(trx: Tx, ctx: AppContext, actor: UserActor, caseId: string, stored: StoredForCase, version: AppendedVersion, source: BatchSource): Promise<void> {
  const alerts = [...version.alerts];
  for (const entry of stored.written) alerts.push(...(await raiseEntryAlert(trx, ctx, actor, caseId, entry)));
  await recordAudit(trx, ctx, actor, {
    action: source.action,
    caseId,
    subjectType: 'case',
    subjectId: caseId,
    details: {
      count: stored.written.length,
      duplicates: stored.outcome.duplicates.length,
      rejected: stored.outcome.rejected.length,
      profileVersion: version.version,
      entryIds: stored.written.map((entry) => entry.id),
      ...(alerts.length > 0 ? { alerts: alerts.map((a) => a.id) } : {}),
      ...source.auditDetails,
    },
  });
}

/**
 * Writes a batch's entries for one case that the caller has locked and may change (see
 * lockProfileForChange), inside the caller's transaction, then the case's profile version and audit.
 */
export async function writeCaseEntries(trx: Tx, ctx: AppContext, actor: UserActor, recorder: Recorder, caseId: string, items: readonly BatchItem[], source: BatchSource): Promise<BatchOutcome> {
  const stored = await storeCaseEntries(trx, ctx, recorder, caseId, items);
  if (stored.written.length === 0) return stored.outcome;
  const version = await appendProfileVersionRaisingAlerts(trx, ctx, actor, caseId, versionChange(stored.written, source));
  await alertAndAudit(trx, ctx, actor, caseId, stored, version, source);
  return stored.outcome;
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
