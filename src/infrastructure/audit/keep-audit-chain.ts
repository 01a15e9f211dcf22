// What the server does for the audit chain in the background (ADR 10): seal the entries written since
// the last round every second or so, and write the sealed head to the anchor file every few minutes
// and when it stops. Returns the function that stops both, sealing and anchoring one last time.
import type { Db } from '../db/schema.ts';
import { anchorAuditHead } from './audit-anchors.ts';
import type { AuditKeyring } from './audit-keys.ts';
import { sealAuditTrail } from './audit-seal.ts';

export interface AuditChainKeeping {
  db: Db;
  keys: AuditKeyring;
  anchorFile: string;
  anchorMinutes: number;
  sealMilliseconds: number;
  now: () => Date;
  onError: (error: unknown, what: 'seal' | 'anchor') => void;
  /** Told the time and count of each sealing that ran (the server's metrics). */
  observeSeal?: (ms: number, sealed: number) => void;
}

export function keepAuditChain(keeping: AuditChainKeeping): () => Promise<void> {
  let sealing: Promise<unknown> = Promise.resolve();
  const seal = (wait: boolean) => {
    sealing = sealing.then(() => sealAuditTrail(keeping.db, keeping.keys, { wait, ...(keeping.observeSeal ? { observe: keeping.observeSeal } : {}) })).catch((error: unknown) => keeping.onError(error, 'seal'));
    return sealing;
  };
  const anchor = () => anchorAuditHead(keeping.db, keeping.anchorFile, keeping.now()).catch((error: unknown) => keeping.onError(error, 'anchor'));
  const sealTimer = setInterval(() => void seal(false), keeping.sealMilliseconds);
  const anchorTimer = setInterval(() => void seal(true).then(anchor), keeping.anchorMinutes * 60_000);
  sealTimer.unref();
  anchorTimer.unref();
  return async () => {
    clearInterval(sealTimer);
    clearInterval(anchorTimer);
    await seal(true);
    await anchor();
  };
}
