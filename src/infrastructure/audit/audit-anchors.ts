// The audit chain's head written now and then to a file outside the database and its data folder
// (AUDIT_ANCHOR_FILE), one JSON line each: when, the entry's number and its hash. Someone who can
// rewrite the database cannot rewrite this file, so `icp audit verify` can tell a chain whose end was
// cut off, or that was rewritten and hashed again, from the one that was anchored.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/schema.ts';

/** An entry's number as text: int8 comes back as text from pg and as a number from PGlite. */
export function seqText(seq: unknown): string {
  return String(seq);
}

export interface AuditAnchor {
  at: string;
  /** The head's place in the chain (chain_seq; its seq for entries from before sealing). */
  seq: string;
  hash: string;
}

export function readAuditAnchors(file: string): AuditAnchor[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = JSON.parse(line) as Partial<AuditAnchor>;
      if (typeof parsed.seq !== 'string' || typeof parsed.hash !== 'string' || typeof parsed.at !== 'string') throw new Error(`${file}, line ${String(index + 1)}: not an audit anchor`);
      return { at: parsed.at, seq: parsed.seq, hash: parsed.hash };
    });
}

/**
 * Appends the sealed chain's head to the anchor file, unless it is the head written last. Returns it,
 * or null for an empty chain. Seal first (sealAuditTrail) to anchor what was written until now.
 */
export async function anchorAuditHead(db: Db, file: string, now: Date): Promise<AuditAnchor | null> {
  const head = await db.selectFrom('audit_log').select(['chain_seq', 'hash']).where('chain_seq', 'is not', null).orderBy('chain_seq', 'desc').limit(1).executeTakeFirst();
  if (!head?.hash) return null;
  const anchor = { at: now.toISOString(), seq: seqText(head.chain_seq), hash: head.hash };
  const last = readAuditAnchors(file).at(-1);
  if (last?.seq === anchor.seq && last.hash === anchor.hash) return last;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const handle = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(handle, `${JSON.stringify(anchor)}\n`);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  return anchor;
}

/** After a restore the chain ends earlier than the heads anchored since: keeps the old anchor file under a new name. */
export function setAsideAuditAnchors(file: string, suffix: string): string | null {
  if (!fs.existsSync(file)) return null;
  const kept = `${file}${suffix}`;
  fs.renameSync(file, kept);
  return kept;
}
