// Adding practitioners to the team around the family. One lead professional at a time: naming a
// new lead makes the old one a member. Only the lead and organisation oversight may do this.
import { mayManageTeam, type TeamRole } from '../../domain/access/case-access.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';
import { loadCaseAccess } from './case-access.ts';

export type AddToTeamFailure = 'not-found' | 'forbidden' | 'unknown-user' | 'already-in-team';

export async function addToTeam(
  ctx: AppContext,
  actor: UserActor,
  input: { caseId: string; userId?: string; email?: string; role: TeamRole },
): Promise<Result<{ userId: string }, AddToTeamFailure>> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('cases').select('id').where('id', '=', input.caseId).forUpdate().executeTakeFirst();
    if (!exists) return fail('not-found', 'There is no record at this address.');
    const access = await loadCaseAccess(trx, actor, input.caseId, now);
    if (!mayManageTeam(access)) {
      await recordAudit(trx, ctx, actor, { action: 'team.add', outcome: 'denied', caseId: input.caseId, subjectType: 'case', subjectId: input.caseId });
      return fail('forbidden', 'Only the lead professional or a safeguarding lead or manager overseeing the case can change the team.');
    }
    let query = trx.selectFrom('users').select(['id', 'name']).where('disabled_at', 'is', null);
    query = input.userId ? query.where('id', '=', input.userId) : query.where('email', '=', (input.email ?? '').trim());
    const user = await query.executeTakeFirst();
    if (!user) return fail('unknown-user', 'There is no active account with that email address. Check it, or ask your administrator.');
    const current = await trx.selectFrom('case_team').select('role').where('case_id', '=', input.caseId).where('user_id', '=', user.id).executeTakeFirst();
    if (current && (current.role === input.role || input.role === 'member')) return fail('already-in-team', `${user.name} is already in the team.`);
    if (input.role === 'lead-professional') {
      await trx.updateTable('case_team').set({ role: 'member' }).where('case_id', '=', input.caseId).where('role', '=', 'lead-professional').execute();
    }
    if (current) {
      await trx.updateTable('case_team').set({ role: input.role }).where('case_id', '=', input.caseId).where('user_id', '=', user.id).execute();
    } else {
      await trx.insertInto('case_team').values({ case_id: input.caseId, user_id: user.id, role: input.role, added_at: now, added_by: actor.userId }).execute();
    }
    await recordAudit(trx, ctx, actor, { action: 'team.add', caseId: input.caseId, subjectType: 'user', subjectId: user.id, details: { role: input.role } });
    return ok({ userId: user.id });
  });
}
