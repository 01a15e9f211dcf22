// Two-factor sign-in's rules (issue 17), pure: who must have a second factor, what a typed code is
// (an authenticator app's six digits or a recovery code), whether the step a code was made for may
// still be used (never twice, never an older one), and what comes after the first factor: nothing,
// the code page, or setting up an app. The first factor is a password or an identity provider; a
// provider whose amr says it already asked for a second factor satisfies it (RFC 8176 values).
import type { Role } from './roles.ts';

/** RFC 6238 as the authenticator apps use it: six digits, 30-second steps. */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** A code is accepted one step either side of now, for a phone's clock a little out. */
export const TOTP_WINDOW_STEPS = 1;

/** Ten recovery codes, each ten characters from 31 without look-alikes (no 0, o, 1, l, i): about 49 bits. */
export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODE_LENGTH = 10;
export const RECOVERY_CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** How long a session may wait between the password and the second factor before it must start again. */
export const SECOND_FACTOR_WAIT_MINUTES = 10;

/** Roles that always need a second factor when two-factor sign-in is enforced: they see and change the most. */
export const ROLES_REQUIRING_TWO_FACTOR: readonly Role[] = ['admin', 'safeguarding-lead'];

export interface TwoFactorPolicy {
  /** False only where the service says so for a demo or tests (TWO_FACTOR_REQUIRED=false). */
  enforced: boolean;
  /** The area's setting: every account, not only administrators and safeguarding leads. */
  everyone: boolean;
}

export function twoFactorRequiredFor(role: Role, policy: TwoFactorPolicy): boolean {
  if (!policy.enforced) return false;
  return policy.everyone || ROLES_REQUIRING_TWO_FACTOR.includes(role);
}

export type TypedSecondFactor = { kind: 'totp'; code: string } | { kind: 'recovery-code'; code: string } | { kind: 'malformed' };

/** What was typed on the code page (or sent as `otp`): spaces and dashes are ignored, letters in any case. */
export function readSecondFactor(typed: string): TypedSecondFactor {
  const compact = typed.replace(/[\s-]/g, '').toLowerCase();
  if (new RegExp(`^\\d{${String(TOTP_DIGITS)}}$`).test(compact)) return { kind: 'totp', code: compact };
  if (new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{${String(RECOVERY_CODE_LENGTH)}}$`).test(compact)) return { kind: 'recovery-code', code: compact };
  return { kind: 'malformed' };
}

export type TotpJudgement = 'accepted' | 'wrong' | 'reused';

/**
 * `matchedStep`: the step the code was made for (null when it matches none near now);
 * `lastUsedStep`: the last step a code was accepted for. A step at or before it is refused, so a
 * code seen over a shoulder or sent twice cannot be used again within its window.
 */
export function judgeTotpStep(matchedStep: number | null, lastUsedStep: number | null): TotpJudgement {
  if (matchedStep === null) return 'wrong';
  if (lastUsedStep !== null && matchedStep <= lastUsedStep) return 'reused';
  return 'accepted';
}

/** After the first factor: signed in ('none'), the code page ('code'), or set up an app first ('set-up'). */
export type SecondFactorStep = 'none' | 'code' | 'set-up';

export function secondFactorStep(account: { enrolled: boolean; required: boolean }, satisfiedByProvider = false): SecondFactorStep {
  if (satisfiedByProvider) return 'none';
  if (account.enrolled) return 'code';
  return account.required ? 'set-up' : 'none';
}

/** RFC 8176 methods that are a factor beyond a password: something held (otp, hwk, swk, sms, tel, sc) or something one is (fpt, face, iris, retina, vbm). */
const SECOND_FACTOR_METHODS = ['otp', 'hwk', 'swk', 'sms', 'tel', 'sc', 'fpt', 'face', 'iris', 'retina', 'vbm'];

/**
 * Whether an identity provider's sign-in already had two factors: its `amr` says "mfa", or names a
 * factor beyond a password, or its `acr` is one the service was told means multi-factor.
 */
export function providerSatisfiesTwoFactor(claims: { amr?: readonly string[] | undefined; acr?: string | undefined }, multiFactorAcrs: readonly string[] = []): boolean {
  const amr = claims.amr ?? [];
  if (amr.includes('mfa') || amr.some((method) => SECOND_FACTOR_METHODS.includes(method))) return true;
  return claims.acr !== undefined && multiFactorAcrs.includes(claims.acr);
}
