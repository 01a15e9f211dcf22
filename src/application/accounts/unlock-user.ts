// An administrator lifts a sign-in block early, from every address.
import { actorMay } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

export async function unlockUser(ctx: AppContext, actor: Actor, userId: string): Promise<Result<null, 'forbidden' | 'not-found'>> {
  if (!actorMay(actor, 'manage-accounts')) {
    await recordAuditAlone(ctx, actor, { action: 'user.unlock', outcome: 'denied', subjectType: 'user', subjectId: userId });
    return fail('forbidden', 'Only an administrator can unlock accounts.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
    if (!user) return fail('not-found', 'That account does not exist.');
    // Lifts the block from every address the failures came from.
    await trx.deleteFrom('sign_in_throttle').where('email', '=', user.email).execute();
    await recordAudit(trx, ctx, actor, { action: 'user.unlock', subjectType: 'user', subjectId: userId });
    return ok(null);
  });
}
