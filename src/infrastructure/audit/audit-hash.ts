// The hash that chains audit entries: SHA-256 over the entry's fields in a fixed order,
// with object keys sorted, and the previous entry's hash. Any edit, deletion or reordering breaks it.
import { createHash } from 'node:crypto';

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

export function auditEntryHash(entry: HashedAuditFields, prevHash: string): string {
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
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
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
