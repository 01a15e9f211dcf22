// Encrypts a small secret for storage (an authenticator app's TOTP secret): AES-256-GCM under a key
// derived with HKDF-SHA-256 from the audit key, which is kept outside the database (AUDIT_KEYS or
// AUDIT_KEYS_FILE), so a copy of the database alone reveals no secret. The stored text names the key
// it was sealed with: after `audit rotate-key` the old key still opens what it sealed, and the new
// one seals what is stored from then on.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { AuditKeyring } from '../audit/audit-keys.ts';

/** What the key is derived for: a different purpose gets a different key from the same secret. */
const PURPOSE = 'icp two-factor secret v1';

function keyFor(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), PURPOSE, 32));
}

/** "v1.keyId.iv.ciphertext.tag", each part base64url. */
export function sealSecret(keys: AuditKeyring, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(keys.current.secret), iv);
  cipher.setAAD(Buffer.from(keys.current.id, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', keys.current.id, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The secret, or null when it was sealed with a key no longer known or was changed since. */
export function openSecret(keys: AuditKeyring, sealed: string): string | null {
  const [version, keyId, iv, body, tag] = sealed.split('.');
  const key = keyId === undefined ? undefined : keys.byId(keyId);
  if (version !== 'v1' || !key || iv === undefined || body === undefined || tag === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(key.secret), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(key.id, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
