// Recovery codes: random, so a fast hash with a random salt per code is enough (a slow one adds
// nothing to about 50 bits of chance); each is compared in constant time.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { RECOVERY_CODE_ALPHABET, RECOVERY_CODE_LENGTH } from '../../domain/shared/two-factor.ts';

/** A new code as shown to its owner: ten characters from an alphabet without look-alikes, in two groups of five. */
export function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i++) code += RECOVERY_CODE_ALPHABET.charAt(randomInt(RECOVERY_CODE_ALPHABET.length));
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function newSalt(): string {
  return randomBytes(16).toString('base64url');
}

/** The hash stored for a code already normalised (domain normaliseRecoveryCode). */
export function hashRecoveryCode(salt: string, normalisedCode: string): string {
  return createHash('sha256').update(`${salt}:${normalisedCode}`, 'utf8').digest('hex');
}

export function recoveryCodeMatches(salt: string, storedHash: string, normalisedCode: string): boolean {
  const given = Buffer.from(hashRecoveryCode(salt, normalisedCode), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
