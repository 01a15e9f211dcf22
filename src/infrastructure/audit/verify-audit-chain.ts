// Walks the audit chain in its order (ADR 10) and recomputes every hash with the key that signed it.
// Reports the first entry that does not match (edited), does not chain onto the one before it
// (deleted, inserted or moved), names a key the keyring does not hold, or is unsigned after signed
// entries began (hashed again without the key). Then checks the entries written but not yet sealed:
// each one's own hash still names an edit. Last, holds the chain against the heads written to the
// anchor file: a head the chain no longer has means entries were rewritten; a chain shorter than an
// anchor counted means its end was cut off. An entry whose details were redacted (audit-tombstone.ts)
// is checked against the digest its tombstone signed instead of against its details: the tombstone
// must be in the chain and name exactly the entries that say it redacted them.
import type { Selectable } from 'kysely';
import type { AuditLogTable, Db } from '../db/schema.ts';
import { auditChainHash, auditEntryHash, auditEntryMac, GENESIS_HASH, type HashedAuditFields } from './audit-hash.ts';
import { seqText, type AuditAnchor } from './audit-anchors.ts';
import type { AuditKeyring } from './audit-keys.ts';
import { redactionDigest, type TombstoneRedaction } from './audit-tombstone.ts';

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
  const redactions = new Redactions();
  for await (const row of rowsInOrder(db, 'chain_seq', true)) {
    const broken = (reason: AuditChainProblem): AuditChainReport => ({ intact: false, entries: checked, brokenAt: { seq: seqText(row.chain_seq), id: row.id }, reason });
    if (row.prev_hash !== expectedPrev) return broken('chain-broken');
    const key = row.key_id === null ? null : keys.byId(row.key_id);
    if (key === undefined) return broken('unknown-key');
    if (key === null && signedSeen) return broken('unsigned-after-signed');
    signedSeen ||= key !== null;
    redactions.see(row);
    if (row.entry_hash === null) {
      // Written before sealing existed: one hash over the fields and the previous hash (a redacted one's, signed by its tombstone).
      if (sealedSeen || (row.redacted_by === null && auditEntryHash(fieldsOf(row), row.prev_hash, key) !== row.hash)) return broken('edited');
    } else {
      sealedSeen = true;
      if (key === null || (row.redacted_by === null && auditEntryMac(fieldsOf(row), key) !== row.entry_hash)) return broken('edited');
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
    redactions.see(row);
    if (row.entry_hash === null || (row.redacted_by === null && auditEntryMac(fieldsOf(row), key) !== row.entry_hash)) return broken('edited');
    unsealed++;
  }
  const unsigned = redactions.firstUnsigned();
  if (unsigned) return { intact: false, entries: checked, brokenAt: unsigned, reason: 'edited' };
  const furthest = anchors.reduce<AuditAnchor | undefined>((far, anchor) => (far === undefined || BigInt(anchor.seq) > BigInt(far.seq) ? anchor : far), undefined);
  if (furthest && BigInt(furthest.seq) > BigInt(lastPlace)) return { intact: false, entries: checked, brokenAt: { seq: furthest.seq, id: null }, reason: 'cut-tail' };
  return { intact: true, entries: checked, unsealed, headHash: expectedPrev, anchorsChecked: anchors.length };
}

/** The redacted entries seen, by the tombstone they name, and the tombstones with what each signed. */
class Redactions {
  private readonly redacted = new Map<string, { id: string; signed: string; seq: string }[]>();
  private readonly tombstones = new Map<string, { redaction: TombstoneRedaction; seq: string }>();

  see(row: AuditRow): void {
    if (row.redacted_by !== null) {
      const group = this.redacted.get(row.redacted_by) ?? [];
      group.push({ id: row.id, signed: (row.entry_hash ?? row.hash)!, seq: seqText(row.chain_seq ?? row.seq) });
      this.redacted.set(row.redacted_by, group);
    }
    const redaction = row.redacted_by === null ? (row.details as { redaction?: TombstoneRedaction }).redaction : undefined;
    if (redaction) this.tombstones.set(row.id, { redaction, seq: seqText(row.chain_seq ?? row.seq) });
  }

  /** The first redacted entry no tombstone signed, or the tombstone whose entries are not those it signed. */
  firstUnsigned(): { seq: string; id: string | null } | undefined {
    for (const [tombstoneId, group] of this.redacted) {
      const tombstone = this.tombstones.get(tombstoneId);
      if (!tombstone) return { seq: group[0]!.seq, id: group[0]!.id };
    }
    for (const [id, { redaction, seq }] of this.tombstones) {
      const group = this.redacted.get(id) ?? [];
      if (group.length !== redaction.entries || redactionDigest(group) !== redaction.digest) return { seq, id };
    }
    return undefined;
  }
}
