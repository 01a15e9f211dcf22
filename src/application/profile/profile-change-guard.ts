// The start of every change to a profile other than a factor: lock the case row (changes to one
// profile are made one at a time), check the user may change it, and audit a refusal.
import type { AccessBasis } from '../../domain/access/case-access.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import type { AppContext } from '../context.ts';

export interface LockedCase {
  id: string;
  level: string;
  /** Why the caller may change it: the lead professional, a team member or oversight. */
  basis: AccessBasis;
  profileVersion: number;
  reviewedAt: Date | null;
}

export type GuardResult =
  | { ok: true; record: LockedCase }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string };

export async function lockProfileForChange(trx: Tx, ctx: AppContext, actor: UserActor, caseId: string, action: string): Promise<GuardResult> {
  const row = await trx.selectFrom('cases').select(['id', 'level', 'profile_version', 'profile_reviewed_at']).where('id', '=', caseId).forUpdate().executeTakeFirst();
  if (!row) return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
  const access = await loadCaseAccess(trx, actor, caseId, ctx.clock.now());
  if (!access.allowed || !access.canChange) {
    await recordAudit(trx, ctx, actor, { action, outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId });
    return { ok: false, code: 'forbidden', message: 'Only the team around the family can change the profile.' };
  }
  return { ok: true, record: { id: row.id, level: row.level, basis: access.basis, profileVersion: row.profile_version, reviewedAt: row.profile_reviewed_at } };
}
