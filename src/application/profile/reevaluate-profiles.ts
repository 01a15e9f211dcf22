// Re-evaluates every profile against the catalogue in force, after the catalogue changes
// (`icp profiles reevaluate`). A profile whose findings now differ from those its latest version
// holds gets a new version of kind 'catalogue', and a critical finding it newly shows alerts the
// team, as any change would. A profile never evaluated before (version 0: a generated record)
// gets its first version without alerts, since there is nothing to compare with.
// Cases go in chunks: each chunk one transaction with its case rows locked, so a practitioner's
// change waits for at most one chunk. Two chunks run at once, so one is evaluated while the
// database reads the other. One audit entry for the whole run. The same writes a generated
// partnership's first versions (evaluateGeneratedCases).
//
// Each chunk also writes the dashboards' summary of every case it evaluates (ADR 0017), from the same
// read, so the dashboards find none stale after a run.
//
// The same, after a change of the area's settings that the profile reads (issue 13): the change
// queues every case in its own transaction (queueSettingsReevaluation), and the server's background
// work runs the queue (runQueuedReevaluations) as the system: each chunk claims its queued cases
// with FOR UPDATE SKIP LOCKED, so two processes running it never take the same case, writes a
// version of kind 'settings' where the findings changed (and the alerts they raise) and deletes its
// queue rows in the same transaction, so no case is written twice for one change.
// A change of the clocks' timescales (which the profile does not read, but the dashboards' summaries
// do: their due days) queues every case the same way; a case queued for nothing else has only its
// summary written again (case-summaries.ts rewriteSummariesLocked, ADR 0017), no profile evaluated.
import { sql } from 'kysely';
import { CATALOGUE_VERSION } from '../../domain/catalogue/catalogue-version.ts';
import { settingDefinition } from '../../domain/settings/service-settings.ts';
import type { FindingSnapshot, ProfileVersionKind, Tx } from '../../infrastructure/db/schema.ts';
import { systemOperator, type OperatorActor } from '../actor.ts';
import { raiseFindingAlerts } from '../alerts/raise-alerts.ts';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { evaluateStored, loadStoredProfiles, snapshotFindings } from './profile-facts.ts';
import { forgetSettings, settingsInForce } from '../settings/settings-in-force.ts';
import { rewriteSummariesLocked, settingsStamp, summaryOfProfile, summaryRow, upsertSummaries, withSummaries, type SummaryRow } from '../dashboards/case-summaries.ts';

const CASES_PER_TRANSACTION = 200;
const CHUNKS_AT_ONCE = 2;

export interface ReevaluationCounts {
  /** Profiles evaluated. */
  profiles: number;
  /** Profiles whose findings changed, so got a new version. */
  changed: number;
  alerts: number;
}

export interface ReevaluationResult extends ReevaluationCounts {
  seconds: number;
}

function sameFindings(before: readonly FindingSnapshot[], after: readonly FindingSnapshot[]): boolean {
  const key = (findings: readonly FindingSnapshot[]) => JSON.stringify([...findings].sort((a, b) => a.id.localeCompare(b.id)).map((f) => [f.id, f.severity, f.rationale]));
  return key(before) === key(after);
}

/** What a version written by a re-evaluation says: its kind and its change, per case. */
interface ReevaluationVersion {
  kind: Extract<ProfileVersionKind, 'catalogue' | 'settings'>;
  change: (caseId: string) => Record<string, unknown>;
}

const CATALOGUE_RUN: ReevaluationVersion = {
  kind: 'catalogue',
  change: () => ({ summary: `Re-evaluated against catalogue version ${String(CATALOGUE_VERSION)}`, catalogueVersion: CATALOGUE_VERSION }),
};

async function reevaluateChunk(trx: Tx, ctx: AppContext, operator: OperatorActor, chunk: readonly string[], counts: ReevaluationCounts, run: ReevaluationVersion = CATALOGUE_RUN): Promise<void> {
  const cases = await trx.selectFrom('cases').select(['id', 'profile_version']).where('id', 'in', [...chunk]).orderBy('id').forUpdate().execute();
  const ids = cases.map((c) => c.id);
  const today = serviceToday(ctx.clock.now());
  const { settings } = await settingsInForce(ctx, trx);
  const profiles = await loadStoredProfiles(trx, ids, today, settings, new Map(), { withSummaryFacts: true });
  const now = ctx.clock.now();
  const stamp = settingsStamp(settings.timescales);
  const changed: { id: string; version: number; before: FindingSnapshot[] | undefined; after: FindingSnapshot[] }[] = [];
  // Every case's dashboards' summary (ADR 0017), of the version it is left at, changed or not.
  const summaries: SummaryRow[] = [];
  for (const { id, profile_version: version } of cases) {
    const stored = profiles.get(id);
    if (!stored) continue;
    const after = snapshotFindings(evaluateStored(stored).evaluation);
    // A profile never versioned (a generated record) alerts nobody: nothing was shown before.
    const before = version > 0 ? stored.currentFindings : undefined;
    const changes = !(version > 0 && sameFindings(before ?? [], after));
    if (stored.summaryFacts) summaries.push(summaryRow(id, changes ? version + 1 : version, stamp, summaryOfProfile(id, { ...stored, summaryFacts: stored.summaryFacts }, after, settings.timescales, today), now));
    if (changes) changed.push({ id, version: version + 1, before, after });
  }
  counts.profiles += cases.length;
  // The cases are locked: no change writes a row meanwhile.
  if (summaries.length > 0) await upsertSummaries(withSummaries(trx), summaries, 'always').execute();
  if (changed.length === 0) return;
  await trx
    .updateTable('cases')
    .set((eb) => ({ profile_version: eb('profile_version', '+', 1) }))
    .where(
      'id',
      'in',
      changed.map((c) => c.id),
    )
    .execute();
  await trx
    .insertInto('profile_versions')
    .values(
      changed.map((c) => ({
        case_id: c.id,
        version: c.version,
        kind: run.kind,
        changed_at: now,
        changed_by: null,
        changed_by_name: null,
        factor_id: null,
        subject_key: null,
        change: JSON.stringify(run.change(c.id)),
        why: null,
        findings: JSON.stringify(c.after),
      })),
    )
    .execute();
  counts.changed += changed.length;
  for (const c of changed) {
    if (c.before) counts.alerts += (await raiseFindingAlerts(trx, ctx, operator, c.id, c.before, c.after)).length;
  }
}

/** Each chunk of cases in its own transaction, CHUNKS_AT_ONCE at a time; `chunks` is read as the workers need them. */
async function reevaluateChunks(ctx: AppContext, operator: OperatorActor, chunks: Iterator<readonly string[]>, counts: ReevaluationCounts, run: ReevaluationVersion, onProgress?: (counts: ReevaluationCounts) => void): Promise<void> {
  const worker = async () => {
    for (let next = chunks.next(); next.done !== true; next = chunks.next()) {
      const chunk = next.value;
      await ctx.db.transaction().execute((trx) => reevaluateChunk(trx, ctx, operator, chunk, counts, run));
      onProgress?.(counts);
    }
  };
  await Promise.all(Array.from({ length: CHUNKS_AT_ONCE }, worker));
}

function* chunksOf(ids: readonly string[]): Generator<readonly string[]> {
  for (let start = 0; start < ids.length; start += CASES_PER_TRANSACTION) yield ids.slice(start, start + CASES_PER_TRANSACTION);
}

export async function reevaluateAllProfiles(ctx: AppContext, operator: OperatorActor, onProgress?: (counts: ReevaluationCounts) => void): Promise<ReevaluationResult> {
  const started = performance.now();
  const counts: ReevaluationCounts = { profiles: 0, changed: 0, alerts: 0 };
  const ids = (await ctx.db.selectFrom('cases').select('id').orderBy('id').execute()).map((row) => row.id);
  await reevaluateChunks(ctx, operator, chunksOf(ids), counts, CATALOGUE_RUN, onProgress);
  const seconds = (performance.now() - started) / 1000;
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, operator, { action: 'profile.reevaluate', details: { catalogueVersion: CATALOGUE_VERSION, ...counts, seconds: Math.round(seconds) } }));
  return { ...counts, seconds };
}

const GENERATED_RUN: ReevaluationVersion = {
  kind: 'catalogue',
  change: () => ({ summary: `Evaluated when the record was generated, against catalogue version ${String(CATALOGUE_VERSION)}`, catalogueVersion: CATALOGUE_VERSION }),
};

/**
 * The first version of records written straight into the tables at version 0 (a synthetic
 * partnership: synthetic/load-synthetic-partnership.ts), with their dashboards' summaries, as a
 * re-evaluation writes them: so the lists and the dashboards, which read the latest version's findings
 * and the summary, show what each profile page evaluates. No alerts (nothing was shown before) and no
 * audit entry: the generation's own entry covers it. `chunks` of at most a few hundred cases each.
 */
export async function evaluateGeneratedCases(ctx: AppContext, operator: OperatorActor, chunks: Iterator<readonly string[]>): Promise<ReevaluationCounts> {
  const counts: ReevaluationCounts = { profiles: 0, changed: 0, alerts: 0 };
  await reevaluateChunks(ctx, operator, chunks, counts, GENERATED_RUN);
  return counts;
}

/** Settings that what the profile shows depends on: a change of one of these re-evaluates every case. The clocks' timescales are not among them. */
export function profileReadsSetting(key: string): boolean {
  const group = settingDefinition(key)?.group;
  return group === 'profile' || group === 'chronology';
}

/** Settings the dashboards' summaries read and the profile does not: the clocks' timescales (their due days, ADR 0017). */
export function summariesReadSetting(key: string): boolean {
  return settingDefinition(key)?.group === 'timescales';
}

/**
 * Queues every case for re-evaluation, inside the transaction that changes the settings, when a
 * changed key is one the profile or the dashboards' summaries read; a case already waiting gets the
 * new keys added. Returns how many cases it queued (0 when no such key changed).
 */
export async function queueSettingsReevaluation(trx: Tx, ctx: AppContext, changedKeys: readonly string[]): Promise<number> {
  const keys = changedKeys.filter((key) => profileReadsSetting(key) || summariesReadSetting(key));
  if (keys.length === 0) return 0;
  const result = await sql`
    INSERT INTO profile_reevaluation_queue (case_id, setting_keys, queued_at)
    SELECT id, ${sql.val(keys)}::text[], ${ctx.clock.now()} FROM cases
    ON CONFLICT (case_id) DO UPDATE SET
      setting_keys = ARRAY(SELECT DISTINCT k FROM unnest(profile_reevaluation_queue.setting_keys || excluded.setting_keys) AS k ORDER BY k),
      queued_at = excluded.queued_at`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** The words of a version written after a change of the settings, naming them as the settings page does. */
function settingsChange(keys: readonly string[]): Record<string, unknown> {
  const labels = keys.map((key) => settingDefinition(key)?.label ?? key);
  return { summary: `Re-evaluated under the area’s changed settings: ${labels.join('; ')}`, settingKeys: [...keys] };
}

export interface QueuedRunResult extends ReevaluationCounts {
  /** Cases queued only for a change of the clocks' timescales: their summaries written again, their profiles not evaluated. */
  summaries: number;
  /** Cases still queued when the run stopped (it stops when asked to, between chunks). */
  stoppedEarly: boolean;
}

/**
 * Runs the queue of cases waiting for re-evaluation after a change of settings, a chunk at a time,
 * as the system, until it is empty (or `shouldStop` says so between chunks). Safe to run in several
 * processes at once: each chunk claims its rows with FOR UPDATE SKIP LOCKED and deletes them in
 * its transaction. One audit entry for a run that did anything.
 */
export async function runQueuedReevaluations(ctx: AppContext, options: { chunkSize?: number; shouldStop?: () => boolean } = {}): Promise<QueuedRunResult> {
  const chunkSize = options.chunkSize ?? CASES_PER_TRANSACTION;
  const counts: ReevaluationCounts = { profiles: 0, changed: 0, alerts: 0 };
  let summaries = 0;
  let stoppedEarly = false;
  for (;;) {
    if (options.shouldStop?.()) {
      stoppedEarly = true;
      break;
    }
    const claimed = await ctx.db.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom('profile_reevaluation_queue').select(['case_id', 'setting_keys']).orderBy('case_id').limit(chunkSize).forUpdate().skipLocked().execute();
      if (rows.length === 0) return 0;
      // The settings as committed with the queue rows, not as this process last kept them.
      forgetSettings(ctx);
      // The keys the profile reads, by case: a case with none was queued for the clocks' timescales only.
      const keys = new Map(rows.map((row) => [row.case_id, row.setting_keys.filter(profileReadsSetting)]));
      const evaluated = [...keys].filter(([, read]) => read.length > 0).map(([caseId]) => caseId);
      const summaryOnly = [...keys].filter(([, read]) => read.length === 0).map(([caseId]) => caseId);
      // A re-evaluated case's summary is written with it, under the settings in force (timescales too).
      if (evaluated.length > 0) await reevaluateChunk(trx, ctx, systemOperator, evaluated, counts, { kind: 'settings', change: (caseId) => settingsChange(keys.get(caseId) ?? []) });
      summaries += await rewriteSummariesLocked(trx, ctx, summaryOnly);
      await trx.deleteFrom('profile_reevaluation_queue').where('case_id', 'in', [...keys.keys()]).execute();
      return rows.length;
    });
    if (claimed === 0) break;
  }
  if (counts.profiles > 0) {
    await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, systemOperator, { action: 'profile.reevaluate', details: { reason: 'settings', ...counts } }));
  }
  // A run that only wrote summaries again is not audited: it changed no record, and the change of the settings that queued it was.
  return { ...counts, summaries, stoppedEarly };
}
