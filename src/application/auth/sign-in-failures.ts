// Failed sign-in attempts, counted per email and client address (domain/shared/sign-in-throttle.ts):
// a wrong password and a wrong second factor count alike, and a whole sign-in that passes forgets them.
import { londonClock } from '../../domain/shared/service-day.ts';
import { afterFailedSignIn, NO_FAILURES, type ThrottleState } from '../../domain/shared/sign-in-throttle.ts';
import type { Queryable, Tx } from '../../infrastructure/db/schema.ts';
import type { AppContext } from '../context.ts';

export interface ThrottleKey {
  email: string;
  address: string;
}

export async function readThrottle(db: Queryable, key: ThrottleKey): Promise<ThrottleState> {
  const row = await db.selectFrom('sign_in_throttle').select(['failures', 'blocked_until']).where('email', '=', key.email).where('address', '=', key.address).executeTakeFirst();
  return row ? { failures: row.failures, blockedUntil: row.blocked_until } : NO_FAILURES;
}

/** One more failed attempt for the pair (a password or a second factor), which may block it: the state after. */
export async function countFailure(trx: Tx, ctx: AppContext, key: ThrottleKey): Promise<ThrottleState> {
  const now = ctx.clock.now();
  await trx.insertInto('sign_in_throttle').values({ ...key, failures: 0, blocked_until: null, updated_at: now }).onConflict((oc) => oc.columns(['email', 'address']).doNothing()).execute();
  const current = await trx.selectFrom('sign_in_throttle').select(['failures', 'blocked_until']).where('email', '=', key.email).where('address', '=', key.address).forUpdate().executeTakeFirstOrThrow();
  const next = afterFailedSignIn({ failures: current.failures, blockedUntil: current.blocked_until }, { maxAttempts: ctx.config.signInMaxAttempts, blockMinutes: ctx.config.signInLockoutMinutes }, now);
  await trx.updateTable('sign_in_throttle').set({ failures: next.failures, blocked_until: next.blockedUntil, updated_at: now }).where('email', '=', key.email).where('address', '=', key.address).execute();
  return next;
}

/** A whole sign-in passed: the pair's failures are forgotten. */
export async function forgetFailures(trx: Tx, key: ThrottleKey): Promise<void> {
  await trx.deleteFrom('sign_in_throttle').where('email', '=', key.email).where('address', '=', key.address).execute();
}

export function blockedMessage(until: Date): string {
  const { time } = londonClock(until);
  return `There have been too many failed attempts to sign in to this account from here. Try again after ${time}, or ask your administrator to unlock it.`;
}
