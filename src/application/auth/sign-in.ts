// Sign in with email and password: argon2id check, failures throttled per account and address,
// every attempt audited. Every path checks exactly one password hash and an unknown email is
// throttled like a real one, so neither the answer nor its timing tells whether an account exists;
// and failures from one address never keep the account's owner out from another. When the account
// has (or must have) two-factor sign-in, a right password is not yet a sign-in: it says what comes
// next (two-factor.ts), and the failures are forgotten only once the second factor passes.
import { isBlocked } from '../../domain/shared/sign-in-throttle.ts';
import type { SecondFactorStep } from '../../domain/shared/two-factor.ts';
import { verifyPassword } from '../../infrastructure/security/passwords.ts';
import type { Actor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';
import { blockedMessage, countFailure, forgetFailures, readThrottle, type ThrottleKey } from './sign-in-failures.ts';
import { findActiveUser, toSignedInUser, type SignedInUser } from './signed-in-user.ts';
import { secondFactorAfterSignIn } from './two-factor.ts';

export type SignInFailure = 'invalid-credentials' | 'throttled';

/** A right password: signed in when `secondFactor` is 'none'; otherwise the code page or setting up an app comes first. */
export interface PasswordChecked {
  user: SignedInUser;
  secondFactor: SecondFactorStep;
}

export interface SignInInput {
  email: string;
  password: string;
  channel: 'web' | 'api';
  ip: string | null;
}

const INVALID = 'Enter a correct email address and password.';

export async function signIn(ctx: AppContext, input: SignInInput): Promise<Result<PasswordChecked, SignInFailure>> {
  const now = ctx.clock.now();
  const key: ThrottleKey = { email: input.email, address: input.ip ?? '' };
  const row = await findActiveUser(ctx.db, { email: input.email });
  const account = row && row.disabled_at === null ? row : null;
  const passwordMatches = await verifyPassword(account?.password_hash ?? null, input.password);
  const user = account ? toSignedInUser(account) : null;
  const actor: Actor = user
    ? { kind: 'user', userId: user.id, organisationId: user.organisationId, role: user.role, channel: input.channel, ip: input.ip }
    : { kind: 'operator', channel: 'system' };
  const failure = { action: 'sign-in', outcome: 'failure' as const, subjectType: 'user', subjectId: row?.id ?? null };
  const reason = !row ? 'unknown-email' : row.disabled_at !== null ? 'disabled' : 'wrong-password';
  const who = user ? {} : { email: input.email, channel: input.channel, ip: input.ip };

  const throttle = await readThrottle(ctx.db, key);
  if (isBlocked(throttle, now)) {
    ctx.metrics.countSignInFailure('throttled');
    await recordAuditAlone(ctx, actor, { ...failure, details: { ...who, reason: 'throttled', blockedUntil: throttle.blockedUntil!.toISOString() } });
    return fail('throttled', blockedMessage(throttle.blockedUntil!));
  }

  const secondFactor = user && passwordMatches ? await secondFactorAfterSignIn(ctx, user) : 'none';
  return ctx.db.transaction().execute(async (trx) => {
    if (user && passwordMatches && secondFactor !== 'none') {
      await recordAudit(trx, ctx, actor, { action: 'sign-in.password', subjectType: 'user', subjectId: user.id, details: { next: secondFactor } });
      return ok({ user, secondFactor });
    }
    if (user && passwordMatches) {
      await forgetFailures(trx, key);
      await recordAudit(trx, ctx, actor, { action: 'sign-in', subjectType: 'user', subjectId: user.id });
      return ok({ user, secondFactor });
    }
    const next = await countFailure(trx, ctx, key);
    const nowBlocked = isBlocked(next, now);
    ctx.metrics.countSignInFailure(reason);
    if (nowBlocked) ctx.metrics.countSignInLockout();
    await recordAudit(trx, ctx, actor, { ...failure, details: { ...who, reason, blockedUntil: nowBlocked ? next.blockedUntil!.toISOString() : null } });
    return nowBlocked ? fail('throttled', blockedMessage(next.blockedUntil!)) : fail('invalid-credentials', INVALID);
  });
}

/** A day as a length of time, not a calendar day: failures are forgotten 24 hours after the last one, whatever the clocks do. */
const TWENTY_FOUR_HOURS_MS = 86_400_000;

/** Forgets the failures of pairs not blocked and not failing for a day: run now and then, never on the request path. */
export async function forgetOldSignInFailures(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const dayAgo = new Date(now.getTime() - TWENTY_FOUR_HOURS_MS);
  const result = await ctx.db
    .deleteFrom('sign_in_throttle')
    .where('updated_at', '<', dayAgo)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
