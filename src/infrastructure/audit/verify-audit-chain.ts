// Walks the audit chain in its order (ADR 10) and recomputes every hash with the key that signed it.
// Reports the first entry that does not match (edited), does not chain onto the one before it
// (deleted, inserted or moved), names a key the keyring does not hold, or is unsigned after signed
// entries began (hashed again without the key). Then checks the entries written but not yet sealed:
// each one's own hash still names an edit. Last, holds the chain against the heads written to the
// anchor file: a head the chain no longer has means entries were rewritten; a chain shorter than an
// anchor counted means its end was cut off.
import type { Selectable } from 'kysely';
import type { AuditLogTable, Db } from '../db/schema.ts';
import { auditChainHash, auditEntryHash, auditEntryMac, GENESIS_HASH, type HashedAuditFields } from './audit-hash.ts';
import { seqText, type AuditAnchor } from './audit-anchors.ts';
import type { AuditKeyring } from './audit-keys.ts';

export type AuditChainProblem = 'edited' | 'chain-broken' | 'unknown-key' | 'unsigned-after-signed' | 'anchor-mismatch' | 'cut-tail';

export type AuditChainReport =
  | { intact: true; entries: number; unsealed: number; headHash: string; anchorsChecked: number }
  | { intact: false; entries: number; brokenAt: { seq: string; id: string | null }; reason: AuditChainProblem };

type AuditRow = Selectable<AuditLogTable>;

const PAGE = 1000;

function fieldsOf(row: AuditRow): HashedAuditFields {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorOrganisationId: row.actor_organisation_id,
    channel: row.channel,
    action: row.action,
    outcome: row.outcome,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    caseId: row.case_id,
    ip: row.ip,
    details: row.details,
  };
}

/** Every row, page by page, in the order of the column given, where it is (not) null. */
async function* rowsInOrder(db: Db, column: 'chain_seq' | 'seq', sealed: boolean): AsyncGenerator<AuditRow> {
  let after: string | null = null;
  for (;;) {
    let query = db
      .selectFrom('audit_log')
      .selectAll()
      .where('chain_seq', sealed ? 'is not' : 'is', null)
      .orderBy(column)
      .limit(PAGE);
    if (after !== null) query = query.where(column, '>', after);
    const rows = await query.execute();
    for (const row of rows) yield row;
    if (rows.length < PAGE) return;
    after = String(rows[rows.length - 1]![column]);
  }
}

export async function verifyAuditChain(db: Db, keys: AuditKeyring, anchors: readonly AuditAnchor[] = []): Promise<AuditChainReport> {
  const anchorByPlace = new Map(anchors.map((anchor) => [anchor.seq, anchor]));
  let expectedPrev = GENESIS_HASH;
  let checked = 0;
  let signedSeen = false;
  let sealedSeen = false;
  let lastPlace = '0';
  for await (const row of rowsInOrder(db, 'chain_seq', true)) {
    const broken = (reason: AuditChainProblem): AuditChainReport => ({ intact: false, entries: checked, brokenAt: { seq: seqText(row.chain_seq), id: row.id }, reason });
    if (row.prev_hash !== expectedPrev) return broken('chain-broken');
    const key = row.key_id === null ? null : keys.byId(row.key_id);
    if (key === undefined) return broken('unknown-key');
    if (key === null && signedSeen) return broken('unsigned-after-signed');
    signedSeen ||= key !== null;
    if (row.entry_hash === null) {
      // Written before sealing existed: one hash over the fields and the previous hash.
      if (sealedSeen || auditEntryHash(fieldsOf(row), row.prev_hash, key) !== row.hash) return broken('edited');
    } else {
      sealedSeen = true;
      if (key === null || auditEntryMac(fieldsOf(row), key) !== row.entry_hash) return broken('edited');
      if (auditChainHash(row.prev_hash, row.entry_hash, key) !== row.hash) return broken('edited');
    }
    const anchor = anchorByPlace.get(seqText(row.chain_seq));
    if (anchor && anchor.hash !== row.hash) return broken('anchor-mismatch');
    expectedPrev = row.hash!;
    lastPlace = seqText(row.chain_seq);
    checked++;
  }
  let unsealed = 0;
  for await (const row of rowsInOrder(db, 'seq', false)) {
    const broken = (reason: AuditChainProblem): AuditChainReport => ({ intact: false, entries: checked, brokenAt: { seq: seqText(row.seq), id: row.id }, reason });
    const key = row.key_id === null ? undefined : keys.byId(row.key_id);
    if (key === undefined) return broken(row.key_id === null ? 'unsigned-after-signed' : 'unknown-key');
    if (row.entry_hash === null || auditEntryMac(fieldsOf(row), key) !== row.entry_hash) return broken('edited');
    unsealed++;
  }
  const furthest = anchors.reduce<AuditAnchor | undefined>((far, anchor) => (far === undefined || BigInt(anchor.seq) > BigInt(far.seq) ? anchor : far), undefined);
  if (furthest && BigInt(furthest.seq) > BigInt(lastPlace)) return { intact: false, entries: checked, brokenAt: { seq: furthest.seq, id: null }, reason: 'cut-tail' };
  return { intact: true, entries: checked, unsealed, headHash: expectedPrev, anchorsChecked: anchors.length };
}
