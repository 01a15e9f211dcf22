// The keys that sign the audit chain, kept outside the database: from AUDIT_KEYS, or from a file
// (AUDIT_KEYS_FILE, by default `audit-keys` in the data folder, made on first start), one "id secret"
// a line. The last key signs new entries; the earlier ones still check the entries they signed, so a
// key can be rotated by adding a line (`icp audit rotate-key`). Someone who can write to the database
// but not read this file can no longer rewrite the chain and hash it again.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuditKey } from '../../config.ts';

export interface AuditKeyring {
  /** The key that signs new entries. */
  current: AuditKey;
  byId(id: string): AuditKey | undefined;
  /** Where the keys came from, for messages: the file, or "AUDIT_KEYS". */
  source: string;
}

export function keyringOf(keys: readonly AuditKey[], source: string): AuditKeyring {
  if (keys.length === 0) throw new Error(`${source} holds no audit key`);
  const byId = new Map(keys.map((key) => [key.id, key]));
  return { current: keys[keys.length - 1]!, byId: (id) => byId.get(id), source };
}

/** A new random key, named after the day it was made (the caller's clock). */
function newKey(existing: readonly AuditKey[], now: Date): AuditKey {
  const stamp = now.toISOString().slice(0, 10).replace(/-/g, '');
  let id = `k${stamp}`;
  for (let n = 2; existing.some((key) => key.id === id); n++) id = `k${stamp}-${String(n)}`;
  return { id, secret: randomBytes(32).toString('base64url') };
}

function readKeysFile(file: string): AuditKey[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [id, secret] = line.split(/\s+/);
      if (!id || !secret || secret.length < 32) throw new Error(`${file}: each line must be "id secret", the secret at least 32 characters`);
      return { id, secret };
    });
}

/** The keyring from AUDIT_KEYS, or from the keys file, which is made with one new key when missing. */
export function loadAuditKeyring(config: { auditKeys: AuditKey[] | undefined; auditKeysFile: string }, now: Date): AuditKeyring {
  if (config.auditKeys) return keyringOf(config.auditKeys, 'AUDIT_KEYS');
  const file = config.auditKeysFile;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const key = newKey([], now);
    fs.writeFileSync(file, `# Audit chain keys: "id secret", one a line; the last signs new entries. Keep this file secret and backed up.\n${key.id} ${key.secret}\n`, { mode: 0o600, flag: 'wx' });
  }
  return keyringOf(readKeysFile(file), file);
}

/** Adds a new key to the keys file, which signs from the next start; the old ones still check their entries. */
export function rotateAuditKey(file: string, now: Date): AuditKey {
  const keys = fs.existsSync(file) ? readKeysFile(file) : [];
  const key = newKey(keys, now);
  fs.appendFileSync(file, `${key.id} ${key.secret}\n`, { mode: 0o600 });
  return key;
}
