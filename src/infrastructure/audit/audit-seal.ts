// The sealing step of the audit chain (ADR 10). Writers insert entries with their own hash and no
// place in the chain, without waiting for each other; this step, run every second by the server
// (and before `icp audit verify` and `icp audit anchor`), takes the entries committed since it last
// ran, in the order of their numbers, gives each the next place in the chain and chains its hash
// onto the one before. An entry whose writer committed late, after later-numbered ones were sealed,
// is simply sealed in the next round: the chain's order is the order entries were seen committed.
// One sealer runs at a time, across processes, by an advisory lock that only sealers take.
import { sql } from 'kysely';
import type { Db, Tx } from '../db/schema.ts';
import { seqText } from './audit-anchors.ts';
import { auditChainHash, GENESIS_HASH } from './audit-hash.ts';
import type { AuditKeyring } from './audit-keys.ts';

// Advisory lock keys are the project's own numbers: 7_210_001 migrations, 7_210_003 creating a case.
const AUDIT_SEAL_LOCK = 7_210_004;
const ENTRIES_PER_ROUND = 5000;
const ROWS_PER_STATEMENT = 1000;

export interface SealReport {
  sealed: number;
  /** False when another process was sealing: nothing was done this time. */
  ran: boolean;
  /** Set when an entry names a key this process does not hold: sealing stopped before it. */
  stoppedAt?: { seq: string; keyId: string | null };
}

interface Sealed {
  seq: string;
  chainSeq: string;
  prevHash: string;
  hash: string;
}

export interface SealOptions {
  /** Wait for another process's sealing to end instead of leaving the round to it. */
  wait?: boolean;
  /** Told how long sealing took and how many entries it sealed, when it ran (the server's metrics). */
  observe?: (ms: number, sealed: number) => void;
}

/** Seals every entry committed so far, in rounds; returns how many. */
export async function sealAuditTrail(db: Db, keys: AuditKeyring, options: SealOptions = {}): Promise<SealReport> {
  const started = performance.now();
  let sealed = 0;
  for (;;) {
    const round = await db.transaction().execute((trx) => sealOneRound(trx, keys, options.wait ?? false));
    sealed += round.sealed;
    if (!round.ran || round.stoppedAt || round.sealed < ENTRIES_PER_ROUND) {
      if (round.ran) options.observe?.(performance.now() - started, sealed);
      return { ...round, sealed };
    }
  }
}

async function sealOneRound(trx: Tx, keys: AuditKeyring, wait: boolean): Promise<SealReport> {
  if (wait) await sql`SELECT pg_advisory_xact_lock(${AUDIT_SEAL_LOCK})`.execute(trx);
  else {
    const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${AUDIT_SEAL_LOCK}) AS locked`.execute(trx);
    if (!rows[0]?.locked) return { sealed: 0, ran: false };
  }
  const [head, waiting] = await Promise.all([
    trx.selectFrom('audit_log').select(['chain_seq', 'hash']).where('chain_seq', 'is not', null).orderBy('chain_seq', 'desc').limit(1).executeTakeFirst(),
    trx.selectFrom('audit_log').select(['seq', 'key_id', 'entry_hash']).where('chain_seq', 'is', null).orderBy('seq').limit(ENTRIES_PER_ROUND).execute(),
  ]);
  let prevHash = head?.hash ?? GENESIS_HASH;
  let chainSeq = BigInt(head?.chain_seq ?? 0);
  const sealed: Sealed[] = [];
  let stoppedAt: SealReport['stoppedAt'];
  for (const row of waiting) {
    const key = row.key_id === null ? undefined : keys.byId(row.key_id);
    if (!key || row.entry_hash === null) {
      stoppedAt = { seq: seqText(row.seq), keyId: row.key_id };
      break;
    }
    chainSeq += 1n;
    const hash = auditChainHash(prevHash, row.entry_hash, key);
    sealed.push({ seq: seqText(row.seq), chainSeq: chainSeq.toString(), prevHash, hash });
    prevHash = hash;
  }
  for (let start = 0; start < sealed.length; start += ROWS_PER_STATEMENT) {
    const values = sealed.slice(start, start + ROWS_PER_STATEMENT).map((s) => sql`(${s.seq}::bigint, ${s.chainSeq}::bigint, ${s.prevHash}, ${s.hash})`);
    await sql`UPDATE audit_log AS a SET chain_seq = v.chain_seq, prev_hash = v.prev_hash, hash = v.hash
      FROM (VALUES ${sql.join(values)}) AS v(seq, chain_seq, prev_hash, hash) WHERE a.seq = v.seq`.execute(trx);
  }
  return { sealed: sealed.length, ran: true, ...(stoppedAt ? { stoppedAt } : {}) };
}
