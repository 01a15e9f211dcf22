// The start of every change to one case's profile other than through the chronology: the case
// locked and the caller's access checked by the same step as every change to cases
// (lock-cases-for-change.ts), and a refusal audited.
import type { AccessBasis } from '../../domain/access/case-access.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAudits } from '../audit.ts';
import { lockCasesForChange } from '../cases/lock-cases-for-change.ts';
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
  const locked = await lockCasesForChange(trx, actor, [caseId], action, ctx.clock.now());
  await recordAudits(trx, ctx, actor, locked.refusalAudit);
  const refusal = locked.refused.get(caseId);
  if (refusal) return { ok: false, ...refusal };
  const { id, level, basis, profileVersion, reviewedAt } = locked.cases.get(caseId)!;
  return { ok: true, record: { id, level, basis, profileVersion, reviewedAt } };
}
