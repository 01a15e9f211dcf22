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
  return auditEntryMacOf(entry, canonicalJson(entry.details), key);
}

/**
 * auditEntryMac with the details' canonical JSON already made (the writer stores that same text). The
 * text hashed is JSON.stringify(['entry', ...fieldList(entry), key.id]), written out here without the
 * arrays: every page view signs an entry (issue 12).
 */
export function auditEntryMacOf(entry: HashedAuditFields, canonicalDetails: string, key: AuditKey): string {
  const text = `["entry",${JSON.stringify(entry.id)},"${entry.occurredAt.toISOString()}",${nullable(entry.actorUserId)},${nullable(entry.actorOrganisationId)},${JSON.stringify(entry.channel)},${JSON.stringify(entry.action)},${JSON.stringify(entry.outcome)},${nullable(entry.subjectType)},${nullable(entry.subjectId)},${nullable(entry.caseId)},${nullable(entry.ip)},${JSON.stringify(canonicalDetails)},${JSON.stringify(key.id)}]`;
  return createHmac('sha256', key.secret).update(text).digest('hex');
}

function nullable(text: string | null): string {
  return text === null ? 'null' : JSON.stringify(text);
}

/** An entry's chain hash, made when it is sealed: the previous entry's chain hash and this entry's own. */
export function auditChainHash(prevHash: string, entryHash: string, key: AuditKey): string {
  return createHmac('sha256', key.secret).update(JSON.stringify(['chain', prevHash, entryHash, key.id])).digest('hex');
}

/** JSON with object keys sorted at every depth, so the same value always gives the same text (as jsonb does). */
export function canonicalJson(value: unknown): string {
  return flatCanonicalJson(value) ?? JSON.stringify(sortKeys(value));
}

/**
 * The canonical JSON of an object whose values are all strings, finite numbers, booleans, null or
 * undefined and whose keys start with no digit (most details: a page view's { basis, profileVersion }),
 * written directly with the same text as JSON.stringify(sortKeys(value)); undefined for anything else.
 */
function flatCanonicalJson(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return undefined;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  let text = '{';
  for (const key of keys) {
    // A key that starts with a digit may be an array index, which an object lists first whatever the sort.
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57) return undefined;
    const field = object[key];
    if (field === undefined) continue;
    if (field !== null && typeof field !== 'string' && typeof field !== 'boolean' && (typeof field !== 'number' || !Number.isFinite(field))) return undefined;
    text += `${text.length === 1 ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(field)}`;
  }
  return `${text}}`;
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
