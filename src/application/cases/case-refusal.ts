// What the page refusing a case's page says (web/features/errors/case-refusal.ts): whether the user is
// outside the team around the baby or in it with access that stops short of what they asked, whom to
// ask, and whether they may open the record in an emergency. The refusal was audited, once, by the
// use case that refused it; this reads only what its page shows and is not audited again.
import { mayOpenInEmergency, type AccessBasis } from '../../domain/access/case-access.ts';
import type { UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { caseContact, loadCaseAccess } from './case-access.ts';

export interface CaseRefusalView {
  caseId: string;
  /** The user's access to the case, which fell short; null when they are outside the team. */
  basis: AccessBasis | null;
  /** The lead professional, unless there is none or it is the user. */
  contact: Awaited<ReturnType<typeof caseContact>>;
  /** Outside the team, and of a role that may open a record in an emergency. */
  emergencyAccess: boolean;
}

/** Null when there is no such case (a refusal of one that went meanwhile, or that never was). */
export async function readCaseRefusal(ctx: AppContext, actor: UserActor, caseId: string): Promise<CaseRefusalView | null> {
  const exists = await ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  if (!exists) return null;
  const [access, contact] = await Promise.all([loadCaseAccess(ctx.db, actor, caseId, ctx.clock.now()), caseContact(ctx.db, caseId)]);
  const basis = access.allowed ? access.basis : null;
  return { caseId, basis, contact: basis === 'lead-professional' ? null : contact, emergencyAccess: basis === null && mayOpenInEmergency(actor.role) };
}
