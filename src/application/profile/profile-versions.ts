// Every change to a profile (a factor, an escalation decision, a review, a change of level) is a
// new version: who, when, what changed, why, and the findings the profile showed after it. Written
// inside the change's own transaction, after the change, so the findings are those it left.
import type { ProfileEvaluation } from '../../domain/profile/profile.types.ts';
import type { FindingSnapshot, ProfileVersionKind, Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { raiseFindingAlerts, type RaisedAlert } from '../alerts/raise-alerts.ts';
import type { AppContext } from '../context.ts';
import { evaluateStoredProfile } from './profile-facts.ts';

export interface ProfileChange {
  kind: ProfileVersionKind;
  factorId?: string;
  subjectKey?: string;
  change: Record<string, unknown>;
  why: string | null;
}

export function snapshotFindings(evaluation: ProfileEvaluation): FindingSnapshot[] {
  return evaluation.findings.map((f) => ({ id: f.id, severity: f.severity, rationale: f.rationale }));
}

/** Appends the next version of the case's profile and returns its number. The case row must be locked by the caller. */
export async function appendProfileVersion(trx: Tx, ctx: AppContext, actor: UserActor, caseId: string, entry: ProfileChange): Promise<number> {
  return (await appendProfileVersionRaisingAlerts(trx, ctx, actor, caseId, entry)).version;
}

/**
 * Appends the next version, and raises an alert to the team for each critical finding it left
 * showing that the version before did not: both are returned.
 */
export async function appendProfileVersionRaisingAlerts(trx: Tx, ctx: AppContext, actor: UserActor, caseId: string, entry: ProfileChange): Promise<{ version: number; alerts: RaisedAlert[] }> {
  const record = await trx.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow();
  const version = record.profile_version + 1;
  await trx.updateTable('cases').set({ profile_version: version }).where('id', '=', caseId).execute();
  const previous = await trx.selectFrom('profile_versions').select('findings').where('case_id', '=', caseId).where('version', '=', record.profile_version).executeTakeFirst();
  const evaluated = await evaluateStoredProfile(trx, ctx, caseId);
  const findings = evaluated ? snapshotFindings(evaluated.evaluation) : [];
  const user = await trx.selectFrom('users').select('name').where('id', '=', actor.userId).executeTakeFirst();
  await trx
    .insertInto('profile_versions')
    .values({
      case_id: caseId,
      version,
      kind: entry.kind,
      changed_at: ctx.clock.now(),
      changed_by: actor.userId,
      changed_by_name: user?.name ?? null,
      factor_id: entry.factorId ?? null,
      subject_key: entry.subjectKey ?? null,
      change: JSON.stringify(entry.change),
      why: entry.why,
      findings: JSON.stringify(findings),
    })
    .execute();
  return { version, alerts: await raiseFindingAlerts(trx, ctx, actor, caseId, previous?.findings ?? [], findings) };
}
