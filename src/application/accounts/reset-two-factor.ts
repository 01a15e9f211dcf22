// An administrator resets an account's two-factor sign-in, for someone who has lost both their
// phone and their recovery codes: the app's key and the recovery codes are removed, so the account
// signs in with its password alone, or, when it must have two-factor sign-in, sets up a new app
// right after its password. Audited; a refusal too.
import { actorMay } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

export async function resetTwoFactor(ctx: AppContext, actor: Actor, userId: string): Promise<Result<null, 'forbidden' | 'not-found'>> {
  if (!actorMay(actor, 'manage-accounts')) {
    await recordAuditAlone(ctx, actor, { action: 'two-factor.reset', outcome: 'denied', subjectType: 'user', subjectId: userId });
    return fail('forbidden', 'Only an administrator can reset two-factor sign-in.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user) return fail('not-found', 'That account does not exist.');
    const removed = await trx.deleteFrom('user_two_factor').where('user_id', '=', userId).executeTakeFirst();
    await trx.deleteFrom('user_recovery_codes').where('user_id', '=', userId).execute();
    await recordAudit(trx, ctx, actor, { action: 'two-factor.reset', subjectType: 'user', subjectId: userId, details: { hadApp: Number(removed.numDeletedRows) > 0 } });
    return ok(null);
  });
}
