// Walks the audit trail in order and recomputes every hash with the key that signed it. Reports the
// first entry that does not match (edited), does not chain onto the one before it (deleted, inserted
// or reordered), names a key the keyring does not hold, or is unsigned after signed entries began
// (re-hashed without the key). Then holds the chain against the heads written to the anchor file:
// a head the chain no longer has means entries were rewritten; fewer entries than an anchor counted
// means the end was cut off.
import type { Db } from '../db/schema.ts';
import { auditEntryHash, GENESIS_HASH } from './audit-hash.ts';
import { seqText, type AuditAnchor } from './audit-anchors.ts';
import type { AuditKeyring } from './audit-keys.ts';

export type AuditChainProblem = 'edited' | 'chain-broken' | 'unknown-key' | 'unsigned-after-signed' | 'anchor-mismatch' | 'cut-tail';

export type AuditChainReport =
  | { intact: true; entries: number; headHash: string; anchorsChecked: number }
  | { intact: false; entries: number; brokenAt: { seq: string; id: string | null }; reason: AuditChainProblem };

const PAGE = 1000;

export async function verifyAuditChain(db: Db, keys: AuditKeyring, anchors: readonly AuditAnchor[] = []): Promise<AuditChainReport> {
  const anchorBySeq = new Map(anchors.map((anchor) => [anchor.seq, anchor]));
  let expectedPrev = GENESIS_HASH;
  let afterSeq: string | null = null;
  let checked = 0;
  let signedSeen = false;
  let lastSeq = '0';
  for (;;) {
    let query = db.selectFrom('audit_log').selectAll().orderBy('seq').limit(PAGE);
    if (afterSeq !== null) query = query.where('seq', '>', afterSeq);
    const rows = await query.execute();
    for (const row of rows) {
      const brokenAt = { seq: row.seq, id: row.id };
      const broken = (reason: AuditChainProblem): AuditChainReport => ({ intact: false, entries: checked, brokenAt, reason });
      if (row.prev_hash !== expectedPrev) return broken('chain-broken');
      const key = row.key_id === null ? null : keys.byId(row.key_id);
      if (key === undefined) return broken('unknown-key');
      if (key === null && signedSeen) return broken('unsigned-after-signed');
      signedSeen ||= key !== null;
      const recomputed = auditEntryHash(
        {
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
        },
        row.prev_hash,
        key,
      );
      if (recomputed !== row.hash) return broken('edited');
      const anchor = anchorBySeq.get(seqText(row.seq));
      if (anchor && anchor.hash !== row.hash) return broken('anchor-mismatch');
      expectedPrev = row.hash;
      lastSeq = seqText(row.seq);
      checked++;
    }
    if (rows.length < PAGE) break;
    afterSeq = rows[rows.length - 1]!.seq;
  }
  const furthest = anchors.reduce<AuditAnchor | undefined>((far, anchor) => (far === undefined || BigInt(anchor.seq) > BigInt(far.seq) ? anchor : far), undefined);
  if (furthest && BigInt(furthest.seq) > BigInt(lastSeq)) return { intact: false, entries: checked, brokenAt: { seq: furthest.seq, id: null }, reason: 'cut-tail' };
  return { intact: true, entries: checked, headHash: expectedPrev, anchorsChecked: anchors.length };
}
