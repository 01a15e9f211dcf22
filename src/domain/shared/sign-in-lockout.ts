// When repeated failed sign-ins lock an account, and when the lock ends. Pure: the caller passes now.
export interface LockoutPolicy {
  maxAttempts: number;
  lockoutMinutes: number;
}

export interface SignInState {
  failedSignIns: number;
  lockedUntil: Date | null;
}

export function isLocked(state: SignInState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failure: the count goes up, and reaching the limit locks the account. */
export function afterFailedSignIn(state: SignInState, policy: LockoutPolicy, now: Date): SignInState {
  const failedSignIns = state.failedSignIns + 1;
  if (failedSignIns >= policy.maxAttempts) {
    return { failedSignIns: 0, lockedUntil: new Date(now.getTime() + policy.lockoutMinutes * 60_000) };
  }
  return { failedSignIns, lockedUntil: state.lockedUntil };
}
