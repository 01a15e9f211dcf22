// Between the first factor and a signed-in session. After a right password (or an identity
// provider's sign-in) `afterFirstFactor` either signs the user in or puts the session in a waiting
// state that names the account but signs nobody in: `request.user` stays null, so every page but the
// code page and the set-up page answers as to someone signed out. The wait lasts
// SECOND_FACTOR_WAIT_MINUTES; a new session id is made at each step.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../../application/auth/signed-in-user.ts';
import { SECOND_FACTOR_WAIT_MINUTES, type SecondFactorStep } from '../../../domain/shared/two-factor.ts';
import { safeReturnTo } from '../../navigation/safe-return-to.ts';
import { startSession } from '../../plugins/sessions.ts';

export interface SecondFactorWait {
  userId: string;
  /** The code page, or setting up an app first. */
  step: Exclude<SecondFactorStep, 'none'>;
  /** Milliseconds on the service's clock. */
  since: number;
  returnTo: string;
  /** Facts to keep on the session once signed in (such as how an identity provider signed the user in). */
  carry?: Record<string, unknown>;
}

declare module '../../plugins/server-sessions.ts' {
  interface SessionData {
    /** A first factor passed; the second has not yet. Not a signed-in session. */
    secondFactorWait?: SecondFactorWait;
  }
}

export const CODE_PAGE = '/sign-in/two-factor';
export const SET_UP_PAGE = '/sign-in/two-factor/set-up';

/**
 * After a first factor passed for `user`, with what the application says comes next
 * (secondFactorAfterSignIn, which takes an identity provider's own second factor into account):
 * signed in and sent on to `returnTo`, or to the code page or the set-up page. `carry` is set on the
 * session once it is signed in.
 */
export async function afterFirstFactor(
  request: FastifyRequest,
  reply: FastifyReply,
  user: Pick<SignedInUser, 'id'>,
  next: SecondFactorStep,
  returnTo: string | undefined,
  carry?: Record<string, unknown>,
): Promise<FastifyReply> {
  const destination = safeReturnTo(returnTo);
  if (next === 'none') return signInNow(request, reply, user.id, destination, carry);
  await request.session.regenerate();
  request.session.secondFactorWait = { userId: user.id, step: next, since: request.server.ctx.clock.now().getTime(), returnTo: destination, ...(carry ? { carry } : {}) };
  return reply.redirect(next === 'code' ? CODE_PAGE : SET_UP_PAGE, 303);
}

/** The session's wait for this step, while it lasts; null otherwise. */
export function secondFactorWait(request: FastifyRequest, step: SecondFactorWait['step']): SecondFactorWait | null {
  const wait = request.session.secondFactorWait;
  if (!wait || wait.step !== step) return null;
  const age = request.server.ctx.clock.now().getTime() - wait.since;
  return age >= 0 && age < SECOND_FACTOR_WAIT_MINUTES * 60_000 ? wait : null;
}

/** The second factor passed: a new, signed-in session (the wait goes with the old one), with what was to be carried. */
export async function finishSecondFactor(request: FastifyRequest, reply: FastifyReply, wait: SecondFactorWait): Promise<void> {
  await startSession(request, reply, wait.userId, request.server.ctx.clock.now().getTime());
  if (wait.carry) Object.assign(request.session, wait.carry);
}

async function signInNow(request: FastifyRequest, reply: FastifyReply, userId: string, destination: string, carry?: Record<string, unknown>): Promise<FastifyReply> {
  await startSession(request, reply, userId, request.server.ctx.clock.now().getTime());
  if (carry) Object.assign(request.session, carry);
  return reply.redirect(destination, 303);
}
