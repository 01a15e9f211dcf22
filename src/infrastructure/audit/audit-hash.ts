// The hashes of the audit chain, HMAC-SHA-256 with a key kept outside the database (ADR 10):
// - an entry's own hash (auditEntryMac) over its fields in a fixed order (object keys sorted) and the
//   key's id, made by the writer when it inserts the entry: an edit breaks it;
// - its chain hash (auditChainHash) over the previous entry's chain hash and its own hash, made when
//   the sealing step gives it its place: a deletion, insertion or reordering breaks it.
// Without the key neither can be made again. Entries written before sealing existed carry one hash
// over their fields and the previous hash (auditEntryHash); before keys, a plain SHA-256 of it.
import { createHash, createHmac } from 'node:crypto';
import type { AuditKey } from '../../config.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedAuditFields {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  channel: string;
  action: string;
  outcome: string;
  subjectType: string | null;
  subjectId: string | null;
  caseId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

function fieldList(entry: HashedAuditFields): unknown[] {
  return [
    entry.id,
    entry.occurredAt.toISOString(),
    entry.actorUserId,
    entry.actorOrganisationId,
    entry.channel,
    entry.action,
    entry.outcome,
    entry.subjectType,
    entry.subjectId,
    entry.caseId,
    entry.ip,
    canonicalJson(entry.details),
  ];
}

/** The one hash of an entry written before sealing (ADR 10): its fields and the previous hash. */
export function auditEntryHash(entry: HashedAuditFields, prevHash: string, key: AuditKey | null): string {
  const fields = [...fieldList(entry), prevHash];
  if (key === null) return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
  return createHmac('sha256', key.secret).update(JSON.stringify([...fields, key.id])).digest('hex');
}

/** An entry's own hash, made when it is written. */
export function auditEntryMac(entry: HashedAuditFields, key: AuditKey): string {
  return createHmac('sha256', key.secret).update(JSON.stringify(['entry', ...fieldList(entry), key.id])).digest('hex');
}

/** An entry's chain hash, made when it is sealed: the previous entry's chain hash and this entry's own. */
export function auditChainHash(prevHash: string, entryHash: string, key: AuditKey): string {
  return createHmac('sha256', key.secret).update(JSON.stringify(['chain', prevHash, entryHash, key.id])).digest('hex');
}

/** JSON with object keys sorted at every depth, so the same value always gives the same text (as jsonb does). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const object = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(object)
        .filter((key) => object[key] !== undefined)
        .sort()
        .map((key) => [key, sortKeys(object[key])]),
    );
  }
  return value;
}
