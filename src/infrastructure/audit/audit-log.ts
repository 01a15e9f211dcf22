// Appends an entry to the audit trail inside the caller's transaction, signed with the current key.
// An advisory lock serialises writers so each entry chains onto the one committed before it.
import { sql } from 'kysely';
import type { AuditKey } from '../../config.ts';
import type { Tx } from '../db/schema.ts';
import { auditEntryHash, GENESIS_HASH, type HashedAuditFields } from './audit-hash.ts';

const AUDIT_CHAIN_LOCK = 7_210_002;

export type AuditChannel = 'web' | 'api' | 'cli' | 'system';
export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEntryInput {
  actorUserId?: string | null;
  actorOrganisationId?: string | null;
  channel: AuditChannel;
  action: string;
  outcome?: AuditOutcome;
  subjectType?: string | null;
  subjectId?: string | null;
  caseId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export async function appendAudit(trx: Tx, key: AuditKey, entry: AuditEntryInput, id: string, occurredAt: Date): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: HashedAuditFields = {
    id,
    occurredAt,
    actorUserId: entry.actorUserId ?? null,
    actorOrganisationId: entry.actorOrganisationId ?? null,
    channel: entry.channel,
    action: entry.action,
    outcome: entry.outcome ?? 'success',
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    caseId: entry.caseId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  };
  await trx
    .insertInto('audit_log')
    .values({
      id,
      occurred_at: occurredAt,
      actor_user_id: fields.actorUserId,
      actor_organisation_id: fields.actorOrganisationId,
      channel: fields.channel,
      action: fields.action,
      outcome: fields.outcome,
      subject_type: fields.subjectType,
      subject_id: fields.subjectId,
      case_id: fields.caseId,
      ip: fields.ip,
      details: JSON.stringify(fields.details),
      prev_hash: prevHash,
      key_id: key.id,
      hash: auditEntryHash(fields, prevHash, key),
    })
    .execute();
}
