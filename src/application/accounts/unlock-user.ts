// An administrator lifts a sign-in lock-out early.
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
    const updated = await trx
      .updateTable('users')
      .set({ failed_sign_ins: 0, locked_until: null })
      .where('id', '=', userId)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) return fail('not-found', 'That account does not exist.');
    await recordAudit(trx, ctx, actor, { action: 'user.unlock', subjectType: 'user', subjectId: userId });
    return ok(null);
  });
}
