// The hash that chains audit entries: an HMAC-SHA-256, with a key kept outside the database, over the
// entry's fields in a fixed order (object keys sorted), the previous entry's hash and the key's id.
// Any edit, deletion or reordering breaks it, and without the key it cannot be made again. Entries
// written before keys existed (no key id) carry a plain SHA-256 of the same fields.
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

export function auditEntryHash(entry: HashedAuditFields, prevHash: string, key: AuditKey | null): string {
  const fields = [
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
    prevHash,
  ];
  if (key === null) return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
  return createHmac('sha256', key.secret).update(JSON.stringify([...fields, key.id])).digest('hex');
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
