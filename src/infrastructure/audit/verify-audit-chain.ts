// Walks the audit trail in order and recomputes every hash. Reports the first entry that does not
// match (edited) or does not chain onto the one before it (deleted, inserted or reordered).
import type { Db } from '../db/schema.ts';
import { auditEntryHash, GENESIS_HASH } from './audit-hash.ts';

export type AuditChainReport =
  | { intact: true; entries: number; headHash: string }
  | { intact: false; entries: number; brokenAt: { seq: string; id: string }; reason: 'edited' | 'chain-broken' };

const PAGE = 1000;

export async function verifyAuditChain(db: Db): Promise<AuditChainReport> {
  let expectedPrev = GENESIS_HASH;
  let afterSeq: string | null = null;
  let checked = 0;
  for (;;) {
    let query = db.selectFrom('audit_log').selectAll().orderBy('seq').limit(PAGE);
    if (afterSeq !== null) query = query.where('seq', '>', afterSeq);
    const rows = await query.execute();
    for (const row of rows) {
      const brokenAt = { seq: row.seq, id: row.id };
      if (row.prev_hash !== expectedPrev) return { intact: false, entries: checked, brokenAt, reason: 'chain-broken' };
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
      );
      if (recomputed !== row.hash) return { intact: false, entries: checked, brokenAt, reason: 'edited' };
      expectedPrev = row.hash;
      checked++;
    }
    if (rows.length < PAGE) return { intact: true, entries: checked, headHash: expectedPrev };
    afterSeq = rows[rows.length - 1]!.seq;
  }
}
