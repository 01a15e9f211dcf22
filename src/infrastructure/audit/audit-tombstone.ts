// A tombstone in the audit chain (issue 21): when a case's personal data is removed (a disposal at
// the end of its retention, or a record made in error withdrawn), the audit entries written about it
// so far may hold personal data in their details (what was searched for, a name typed). Those details
// are redacted and one new entry, the tombstone, says what was removed and signs a digest of every
// entry it redacted (each one's id and own hash, in id order). A redacted entry keeps its place, its
// own hash and its chain hash, so the chain still verifies; `audit verify` checks it against the
// digest its tombstone signed instead of against its details (verify-audit-chain.ts). Entries written
// later about the case are not redacted. docs/domain.md, "Retention and disposal".
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditKey } from '../../config.ts';
import type { Tx } from '../db/schema.ts';
import { appendAuditEntries, type AuditEntryToAppend } from './audit-log.ts';

/** What a redacted entry's details become. */
export const REDACTED_DETAILS = { redacted: true } as const;

/** What a tombstone's details carry besides its own: how many entries it redacted and their digest. */
export interface TombstoneRedaction {
  entries: number;
  digest: string;
}

/**
 * The entries to redact: every entry about the case, and any other whose details name it or, for an
 * entry about no case, one of `mentions` (names, NHS numbers). With `personId` (a person withdrawn
 * from a case that stays), only the entries about that person or whose details name them, and those
 * of the case or of no case whose details hold one of `mentions`.
 */
export interface RedactionScope {
  caseId: string;
  personId?: string;
  /** Text that identifies the people removed (case-insensitive); each at least 2 characters. */
  mentions: readonly string[];
}

/** The digest a tombstone signs: each redacted entry's id and own hash (its one hash if written before sealing), in id order. */
export function redactionDigest(entries: ReadonlyArray<{ id: string; signed: string }>): string {
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(sorted.map((entry) => [entry.id, entry.signed]))).digest('hex');
}

/**
 * Redacts the details of the entries in `scope` not yet redacted (nor tombstones themselves) and
 * appends `tombstone`, its details carrying `redaction`, in the caller's transaction. Returns how many
 * entries were redacted.
 */
export async function appendTombstone(trx: Tx, key: AuditKey, tombstone: AuditEntryToAppend, scope: RedactionScope): Promise<TombstoneRedaction> {
  const mentions = [...new Set(scope.mentions.map((text) => text.trim().toLowerCase()).filter((text) => text.length >= 2))];
  const mentioned = mentions.map((text) => sql<boolean>`strpos(lower(details::text), ${text}) > 0`);
  const mentioning = mentioned.length > 0 ? sql.join(mentioned, sql` OR `) : sql`false`;
  const within = scope.personId === undefined
    ? sql`case_id = ${scope.caseId} OR strpos(details::text, ${scope.caseId}) > 0 OR (case_id IS NULL AND (${mentioning}))`
    : sql`subject_id = ${scope.personId} OR strpos(details::text, ${scope.personId}) > 0 OR ((case_id = ${scope.caseId} OR case_id IS NULL) AND (${mentioning}))`;
  const { rows } = await sql<{ id: string; signed: string }>`
    SELECT id, coalesce(entry_hash, hash) AS signed FROM audit_log
    WHERE redacted_by IS NULL AND NOT (details ? 'redaction') AND (${within})
    FOR UPDATE`.execute(trx);
  const redaction: TombstoneRedaction = { entries: rows.length, digest: redactionDigest(rows) };
  if (rows.length > 0) {
    await trx
      .updateTable('audit_log')
      .set({ details: JSON.stringify(REDACTED_DETAILS), redacted_by: tombstone.id })
      .where('id', 'in', rows.map((row) => row.id))
      .execute();
  }
  await appendAuditEntries(trx, key, [{ ...tombstone, entry: { ...tombstone.entry, details: { ...tombstone.entry.details, redaction } } }]);
  return redaction;
}
