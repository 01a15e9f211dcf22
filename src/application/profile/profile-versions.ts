// Every change to a profile (a factor, an escalation decision, a review, a change of level) is a
// new version: who, when, what changed, why, and the findings the profile showed after it. Written
// inside the change's own transaction, after the change, so the findings are those it left.
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import type { ProfileVersionKind, Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { raiseFindingAlerts, type RaisedAlert } from '../alerts/raise-alerts.ts';
import type { AppContext } from '../context.ts';
import { msSince } from '../metrics.ts';
import { inSpan } from '../tracing.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { evaluateStored, loadStoredProfiles, snapshotFindings } from './profile-facts.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';

export interface ProfileChange {
  kind: ProfileVersionKind;
  factorId?: string;
  subjectKey?: string;
  change: Record<string, unknown>;
  why: string | null;
}

export interface AppendedVersion {
  version: number;
  alerts: RaisedAlert[];
  /** The whole chronology the version was evaluated from: to keep once the change commits. */
  chronology: readonly ChronologyEntry[];
}

/** A case as the change locked it (cases/lock-cases-for-change.ts gives these). */
interface LockedCaseFacts {
  /** The version before this change. */
  profileVersion: number;
  babyName: string;
  team: readonly { userId: string; role: 'lead-professional' | 'member'; disabled: boolean }[];
}

/** What the change read already when it locked the cases: not read again. */
export interface KnownToTheChange {
  /** Each changed case as locked. */
  cases: ReadonlyMap<string, LockedCaseFacts>;
  actorName: string;
  /** Whole chronologies after the change, where the caller knows them (see ChronologyCache.at). */
  chronologies?: ReadonlyMap<string, readonly ChronologyEntry[]>;
}

/**
 * The same for many cases at once (an agency batch): their profiles read and evaluated together,
 * their versions written by one statement, whatever their number. The cases must be locked by the caller.
 */
export async function appendProfileVersionsRaisingAlerts(trx: Tx, ctx: AppContext, actor: UserActor, changes: ReadonlyMap<string, ProfileChange>, known: KnownToTheChange): Promise<Map<string, AppendedVersion>> {
  const caseIds = [...changes.keys()];
  const appended = new Map<string, AppendedVersion>();
  if (caseIds.length === 0) return appended;
  const evaluating = performance.now();
  const profiles = await inSpan('profile.read', async () => loadStoredProfiles(trx, caseIds, serviceToday(ctx.clock.now()), (await settingsInForce(ctx, trx)).settings, known.chronologies), { 'icp.cases': caseIds.length });
  const now = ctx.clock.now();
  const prepared = caseIds.map((caseId) => {
    const stored = profiles.get(caseId);
    const findings = stored ? snapshotFindings(evaluateStored(stored).evaluation) : [];
    const entry = changes.get(caseId)!;
    const row = {
      case_id: caseId,
      version: known.cases.get(caseId)!.profileVersion + 1,
      kind: entry.kind,
      changed_at: now,
      changed_by: actor.userId,
      changed_by_name: known.actorName,
      factor_id: entry.factorId ?? null,
      subject_key: entry.subjectKey ?? null,
      change: JSON.stringify(entry.change),
      why: entry.why,
      findings: JSON.stringify(findings),
    };
    return { row, findings, findingsBefore: stored?.currentFindings ?? [], chronology: stored?.chronology ?? [] };
  });
  ctx.metrics.observeProfileEvaluations(profiles.size, msSince(evaluating));
  await trx.updateTable('cases').set((eb) => ({ profile_version: eb('profile_version', '+', 1) })).where('id', 'in', caseIds).execute();
  await trx
    .insertInto('profile_versions')
    .values(prepared.map(({ row }) => row))
    .execute();
  await inSpan('profile.alerts', async () => {
    for (const { row, findings, findingsBefore, chronology } of prepared) {
      const locked = known.cases.get(row.case_id)!;
      const toAlert = { babyName: locked.babyName, team: locked.team.filter((member) => !member.disabled) };
      appended.set(row.case_id, { version: row.version, alerts: await raiseFindingAlerts(trx, ctx, actor, row.case_id, findingsBefore, findings, toAlert), chronology });
    }
  });
  return appended;
}
