// Re-evaluates every profile against the catalogue in force, after the catalogue changes
// (`icp profiles reevaluate`). A profile whose findings now differ from those its latest version
// holds gets a new version of kind 'catalogue', and a critical finding it newly shows alerts the
// team, as any change would. A profile never evaluated before (version 0: a generated record)
// gets its first version without alerts, since there is nothing to compare with.
// Cases go in chunks: each chunk one transaction with its case rows locked, so a practitioner's
// change waits for at most one chunk. Two chunks run at once, so one is evaluated while the
// database reads the other. One audit entry for the whole run.
import { CATALOGUE_VERSION } from '../../domain/catalogue/catalogue-version.ts';
import type { FindingSnapshot, Tx } from '../../infrastructure/db/schema.ts';
import type { OperatorActor } from '../actor.ts';
import { raiseFindingAlerts } from '../alerts/raise-alerts.ts';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { evaluateStored, loadStoredProfiles, snapshotFindings } from './profile-facts.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';

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

async function reevaluateChunk(trx: Tx, ctx: AppContext, operator: OperatorActor, chunk: readonly string[], counts: ReevaluationCounts): Promise<void> {
  const cases = await trx.selectFrom('cases').select(['id', 'profile_version']).where('id', 'in', [...chunk]).orderBy('id').forUpdate().execute();
  const ids = cases.map((c) => c.id);
  const profiles = await loadStoredProfiles(trx, ids, serviceToday(ctx.clock.now()), (await settingsInForce(ctx, trx)).settings);
  const now = ctx.clock.now();
  const changed: { id: string; version: number; before: FindingSnapshot[] | undefined; after: FindingSnapshot[] }[] = [];
  for (const { id, profile_version: version } of cases) {
    const stored = profiles.get(id);
    if (!stored) continue;
    const after = snapshotFindings(evaluateStored(stored).evaluation);
    // A profile never versioned (a generated record) alerts nobody: nothing was shown before.
    const before = version > 0 ? stored.currentFindings : undefined;
    if (version > 0 && sameFindings(before ?? [], after)) continue;
    changed.push({ id, version: version + 1, before, after });
  }
  counts.profiles += cases.length;
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
        kind: 'catalogue' as const,
        changed_at: now,
        changed_by: null,
        changed_by_name: null,
        factor_id: null,
        subject_key: null,
        change: JSON.stringify({ summary: `Re-evaluated against catalogue version ${String(CATALOGUE_VERSION)}`, catalogueVersion: CATALOGUE_VERSION }),
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

export async function reevaluateAllProfiles(ctx: AppContext, operator: OperatorActor, onProgress?: (counts: ReevaluationCounts) => void): Promise<ReevaluationResult> {
  const started = performance.now();
  const counts: ReevaluationCounts = { profiles: 0, changed: 0, alerts: 0 };
  const ids = (await ctx.db.selectFrom('cases').select('id').orderBy('id').execute()).map((row) => row.id);
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += CASES_PER_TRANSACTION) chunks.push(ids.slice(start, start + CASES_PER_TRANSACTION));
  const worker = async () => {
    for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
      const next = chunk;
      await ctx.db.transaction().execute((trx) => reevaluateChunk(trx, ctx, operator, next, counts));
      onProgress?.(counts);
    }
  };
  await Promise.all(Array.from({ length: CHUNKS_AT_ONCE }, worker));
  const seconds = (performance.now() - started) / 1000;
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, operator, { action: 'profile.reevaluate', details: { catalogueVersion: CATALOGUE_VERSION, ...counts, seconds: Math.round(seconds) } }));
  return { ...counts, seconds };
}
