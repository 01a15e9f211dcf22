// When failed sign-ins hold back further attempts, and until when. Failures are counted per account
// (its email, whether or not an account has it) and per client address: reaching the limit blocks
// that pair for the block period, so an attacker cannot keep a real user out from the user's own
// address, and an unknown email answers exactly as a real one does. Pure: the caller passes now.
export interface ThrottlePolicy {
  maxAttempts: number;
  blockMinutes: number;
}

export interface ThrottleState {
  failures: number;
  blockedUntil: Date | null;
}

export const NO_FAILURES: ThrottleState = { failures: 0, blockedUntil: null };

export function isBlocked(state: ThrottleState, now: Date): boolean {
  return state.blockedUntil !== null && state.blockedUntil.getTime() > now.getTime();
}

/** The state after one more failure: the count goes up, and reaching the limit blocks the pair and starts the count again. */
export function afterFailedSignIn(state: ThrottleState, policy: ThrottlePolicy, now: Date): ThrottleState {
  const failures = state.failures + 1;
  if (failures >= policy.maxAttempts) return { failures: 0, blockedUntil: new Date(now.getTime() + policy.blockMinutes * 60_000) };
  return { failures, blockedUntil: state.blockedUntil };
}
