// New recovery codes without a new authenticator app (issue 17): from "Your account", for someone who
// has used or mislaid theirs. A current code from the app is asked first (a signed-in session alone
// is not enough to mint a second factor), and is then used: it cannot sign anyone in again. The ten
// new codes void every old one. Wrong and reused codes count towards the sign-in lock-out; each
// refusal is audited with its reason.
import { isBlocked } from '../../domain/shared/sign-in-throttle.ts';
import { judgeTotpStep, readSecondFactor } from '../../domain/shared/two-factor.ts';
import { openSecret } from '../../infrastructure/security/secret-box.ts';
import { totpCodeStep } from '../../infrastructure/security/totp.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';
import { blockedMessage, countFailure, readThrottle } from './sign-in-failures.ts';
import { replaceRecoveryCodes } from './two-factor.ts';

export type NewRecoveryCodesFailure = 'not-enrolled' | 'wrong-code' | 'reused-code' | 'throttled';

const ACTION = 'two-factor.recovery-codes';

const MESSAGES: Record<Exclude<NewRecoveryCodesFailure, 'throttled'>, string> = {
  'not-enrolled': 'Your account has no authenticator app. Set one up first: that gives you recovery codes too.',
  'wrong-code': 'The code is not right. Enter the 6-digit code your authenticator app shows now (a recovery code cannot be used here).',
  'reused-code': 'That code has already been used. Wait for your authenticator app to show a new code, then enter that one.',
};

export async function newRecoveryCodes(ctx: AppContext, actor: UserActor, email: string, typedCode: string): Promise<Result<{ recoveryCodes: string[] }, NewRecoveryCodesFailure>> {
  const now = ctx.clock.now();
  const key = { email, address: actor.ip ?? '' };
  const refusal = { action: ACTION, outcome: 'failure' as const, subjectType: 'user', subjectId: actor.userId };
  const throttle = await readThrottle(ctx.db, key);
  if (isBlocked(throttle, now)) {
    await recordAuditAlone(ctx, actor, { ...refusal, details: { reason: 'throttled' } });
    return fail('throttled', blockedMessage(throttle.blockedUntil!));
  }
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('user_two_factor').select(['secret', 'last_used_step']).where('user_id', '=', actor.userId).forUpdate().executeTakeFirst();
    const secret = row?.secret ? openSecret(ctx.auditKeys, row.secret) : null;
    if (!row || secret === null) {
      await recordAudit(trx, ctx, actor, { ...refusal, details: { reason: 'not-enrolled' } });
      return fail('not-enrolled', MESSAGES['not-enrolled']);
    }
    const typed = readSecondFactor(typedCode);
    const step = typed.kind === 'totp' ? totpCodeStep(secret, typed.code, now) : null;
    const judgement = judgeTotpStep(step, row.last_used_step);
    if (judgement !== 'accepted') {
      const next = await countFailure(trx, ctx, key);
      const nowBlocked = isBlocked(next, now);
      if (nowBlocked) ctx.metrics.countSignInLockout();
      const reason = judgement === 'reused' ? 'reused-code' : 'wrong-code';
      await recordAudit(trx, ctx, actor, { ...refusal, details: { reason, blockedUntil: nowBlocked ? next.blockedUntil!.toISOString() : null } });
      return nowBlocked ? fail('throttled', blockedMessage(next.blockedUntil!)) : fail(reason, MESSAGES[reason]);
    }
    await trx.updateTable('user_two_factor').set({ last_used_step: step }).where('user_id', '=', actor.userId).execute();
    const voided = await trx.selectFrom('user_recovery_codes').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', actor.userId).where('used_at', 'is', null).executeTakeFirstOrThrow();
    const recoveryCodes = await replaceRecoveryCodes(trx, ctx, actor.userId);
    await recordAudit(trx, ctx, actor, { action: ACTION, subjectType: 'user', subjectId: actor.userId, details: { recoveryCodes: recoveryCodes.length, unusedVoided: Number(voided.n) } });
    return ok({ recoveryCodes });
  });
}
