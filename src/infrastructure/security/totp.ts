// Time-based one-time passwords (RFC 6238) with the otpauth package: the authenticator apps' usual
// shape (SHA-1, six digits, 30-second steps). Which step a code belongs to is found here; whether
// that step may still be used is the domain's rule (domain/shared/two-factor.ts).
import { Secret, TOTP } from 'otpauth';
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS, TOTP_WINDOW_STEPS } from '../../domain/shared/two-factor.ts';

/** A new random secret (160 bits, as RFC 4226 recommends), in base32 as apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(secretBase32: string, label = 'account', issuer = 'Infant Care Profile'): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** The time step a moment falls in. */
export function totpStep(now: Date): number {
  return TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: now.getTime() });
}

/** The step the code was made for, within one step either side of now; null when it matches none. */
export function totpCodeStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: now.getTime(), window: TOTP_WINDOW_STEPS });
  return delta === null ? null : totpStep(now) + delta;
}

/** The code an authenticator app shows at that moment (for tests and the documented demo secret). */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpOf(secretBase32).generate({ timestamp: at.getTime() });
}

/** The otpauth:// address a QR code carries, naming the service and the account. */
export function totpUri(secretBase32: string, accountLabel: string): string {
  return totpOf(secretBase32, accountLabel).toString();
}
