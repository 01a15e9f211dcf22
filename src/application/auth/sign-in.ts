// Sign in with email and password: argon2id check, failures throttled per account and address,
// every attempt audited. Every path checks exactly one password hash and an unknown email is
// throttled like a real one, so neither the answer nor its timing tells whether an account exists;
// and failures from one address never keep the account's owner out from another.
import { londonClock } from '../../domain/shared/service-day.ts';
import { afterFailedSignIn, isBlocked, NO_FAILURES, type ThrottleState } from '../../domain/shared/sign-in-throttle.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import { verifyPassword } from '../../infrastructure/security/passwords.ts';
import type { Actor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';
import { findActiveUser, toSignedInUser, type SignedInUser } from './signed-in-user.ts';

export type SignInFailure = 'invalid-credentials' | 'throttled';

export interface SignInInput {
  email: string;
  password: string;
  channel: 'web' | 'api';
  ip: string | null;
}

const INVALID = 'Enter a correct email address and password.';

interface ThrottleKey {
  email: string;
  address: string;
}

async function readThrottle(db: Queryable, key: ThrottleKey): Promise<ThrottleState> {
  const row = await db.selectFrom('sign_in_throttle').select(['failures', 'blocked_until']).where('email', '=', key.email).where('address', '=', key.address).executeTakeFirst();
  return row ? { failures: row.failures, blockedUntil: row.blocked_until } : NO_FAILURES;
}

export async function signIn(ctx: AppContext, input: SignInInput): Promise<Result<SignedInUser, SignInFailure>> {
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

  return ctx.db.transaction().execute(async (trx) => {
    if (user && passwordMatches) {
      await trx.deleteFrom('sign_in_throttle').where('email', '=', key.email).where('address', '=', key.address).execute();
      await recordAudit(trx, ctx, actor, { action: 'sign-in', subjectType: 'user', subjectId: user.id });
      return ok(user);
    }
    await trx.insertInto('sign_in_throttle').values({ ...key, failures: 0, blocked_until: null, updated_at: now }).onConflict((oc) => oc.columns(['email', 'address']).doNothing()).execute();
    const current = await trx.selectFrom('sign_in_throttle').select(['failures', 'blocked_until']).where('email', '=', key.email).where('address', '=', key.address).forUpdate().executeTakeFirstOrThrow();
    const next = afterFailedSignIn({ failures: current.failures, blockedUntil: current.blocked_until }, { maxAttempts: ctx.config.signInMaxAttempts, blockMinutes: ctx.config.signInLockoutMinutes }, now);
    await trx.updateTable('sign_in_throttle').set({ failures: next.failures, blocked_until: next.blockedUntil, updated_at: now }).where('email', '=', key.email).where('address', '=', key.address).execute();
    const nowBlocked = isBlocked(next, now);
    ctx.metrics.countSignInFailure(reason);
    if (nowBlocked) ctx.metrics.countSignInLockout();
    await recordAudit(trx, ctx, actor, { ...failure, details: { ...who, reason, blockedUntil: nowBlocked ? next.blockedUntil!.toISOString() : null } });
    return nowBlocked ? fail('throttled', blockedMessage(next.blockedUntil!)) : fail('invalid-credentials', INVALID);
  });
}

function blockedMessage(until: Date): string {
  const { time } = londonClock(until);
  return `There have been too many failed attempts to sign in to this account from here. Try again after ${time}, or ask your administrator to unlock it.`;
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
