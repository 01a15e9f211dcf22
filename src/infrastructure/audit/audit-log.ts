// Appends an entry to the audit trail inside the caller's transaction, with its own hash signed by the
// current key. It takes no lock and reads nothing: the sealing step (audit-seal.ts) chains it, in
// the order entries commit, within a second or so (ADR 10).
import type { AuditKey } from '../../config.ts';
import type { AuditOutcome } from '../../domain/shared/audit-outcomes.ts';
import { CompiledQuery, type Insertable } from 'kysely';
import type { AuditLogTable, Queryable, Tx } from '../db/schema.ts';
import { currentRequestId } from '../process/request-scope.ts';
import { auditEntryMacOf, canonicalJson, type HashedAuditFields } from './audit-hash.ts';

/** 15 parameters a row: well under PostgreSQL's 65,535 a statement. */
export const ROWS_PER_STATEMENT = 2000;

export type AuditChannel = 'web' | 'api' | 'cli' | 'system';

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
  /** The request the entry is for, when not the one the work runs in (events of several requests recorded together); not hashed. */
  requestId?: string | null;
}

export interface AuditEntryToAppend {
  entry: AuditEntryInput;
  id: string;
  occurredAt: Date;
}

export async function appendAudit(trx: Tx, key: AuditKey, entry: AuditEntryInput, id: string, occurredAt: Date): Promise<void> {
  await appendAuditEntries(trx, key, [{ entry, id, occurredAt }]);
}

/** An entry as the row its INSERT stores: signed, not yet chained. */
export type AuditRow = Insertable<AuditLogTable>;

/**
 * Appends many entries by one statement, in the order given (their numbers follow it); more than
 * ROWS_PER_STATEMENT take several, so give a transaction unless there are fewer.
 */
export async function appendAuditEntries(db: Queryable, key: AuditKey, entries: readonly AuditEntryToAppend[]): Promise<void> {
  const rows = auditRows(key, entries);
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await db.executeQuery(auditInsert(rows.slice(start, start + ROWS_PER_STATEMENT)));
  }
}

/** The columns an entry is inserted with, in the order Kysely wrote them (the INSERT's text is unchanged). */
const COLUMNS = ['id', 'occurred_at', 'actor_user_id', 'actor_organisation_id', 'channel', 'action', 'outcome', 'subject_type', 'subject_id', 'case_id', 'ip', 'details', 'key_id', 'entry_hash', 'request_id'] as const satisfies readonly (keyof AuditRow)[];

const INSERT_HEAD = `insert into "audit_log" (${COLUMNS.map((column) => `"${column}"`).join(', ')}) values `;

/** The INSERT's text for each number of rows up to this many, made once. */
const KEPT_TEXTS = 16;
const insertTexts: string[] = [];

function insertText(rows: number): string {
  const kept = insertTexts[rows];
  if (kept !== undefined) return kept;
  const tuples = Array.from({ length: rows }, (_, row) => `(${COLUMNS.map((_, column) => `$${String(row * COLUMNS.length + column + 1)}`).join(', ')})`);
  const text = INSERT_HEAD + tuples.join(', ');
  if (rows <= KEPT_TEXTS) insertTexts[rows] = text;
  return text;
}

/**
 * The rows' INSERT as Kysely would compile it, with the same text, made without building and compiling
 * a query: every page view appends an entry (issue 12).
 */
export function auditInsert(rows: readonly AuditRow[]): CompiledQuery {
  const parameters: unknown[] = [];
  for (const row of rows) for (const column of COLUMNS) parameters.push(row[column]);
  return CompiledQuery.raw(insertText(rows.length), parameters);
}

/**
 * The entries as the rows one INSERT appends, for a change that appends them by a data-modifying WITH of
 * its own statement (profile-versions.ts: one round trip fewer); undefined when they need more than one
 * statement, or there are none.
 */
export function auditRowsForOneStatement(key: AuditKey, entries: readonly AuditEntryToAppend[]): AuditRow[] | undefined {
  return entries.length === 0 || entries.length > ROWS_PER_STATEMENT ? undefined : auditRows(key, entries);
}

/** Each entry signed with its own hash (ADR 10), in the order given. */
export function auditRows(key: AuditKey, entries: readonly AuditEntryToAppend[]): AuditRow[] {
  // The request that wrote them, for finding its log lines, unless an entry names its own: not hashed (migration 044).
  const requestId = currentRequestId();
  return entries.map(({ entry, id, occurredAt }) => {
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
    // The details are stored as the text they are signed in: jsonb keeps the same value either way.
    const details = canonicalJson(fields.details);
    return {
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
      details,
      key_id: key.id,
      entry_hash: auditEntryMacOf(fields, details, key),
      request_id: entry.requestId === undefined ? requestId : entry.requestId,
    };
  });
}
