// Each page's direct-query baseline (bench/run.ts): the statements the page itself sent on a warm view,
// captured as sent (bench/capture.ts), so the baseline cannot drift from the page. Its reads are sent
// again as text and values straight through the driver (bench/database.ts RawQuery), without the access
// check, the rules, the template or Kysely. Its audit entry (every look is recorded) cannot be sent
// again as it was (the entry's id is unique), so the baseline appends one like it by the page's own
// appendAuditEntries, which pays what the page pays: the entry built, its MAC, Kysely's compile and one
// INSERT, sent by the same driver as the reads (auditAppendThrough).
//
// The order of waiting is the page's: a statement is sent once every statement whose rows came back
// before the page asked for it has come back, and no sooner. Statements the page sent at once (its
// Promise.all) are sent at once; one the page sent after another's rows is sent after them. Where the
// page sent a statement later than it had to (after an unrelated result), the baseline waits as long:
// it is never quicker for sending more at once than the page did.
import type { CompiledQuery, DatabaseConnection } from 'kysely';
import type { AppContext } from '../src/application/context.ts';
import { appendAuditEntries, type AuditEntryInput } from '../src/infrastructure/audit/audit-log.ts';
import { isRead, type SentStatement } from './capture.ts';
import type { RawQuery } from './database.ts';

export type AppendAudit = (entry: AuditEntryInput) => Promise<void>;

export interface PageBaseline {
  /** One view of the page, replayed. */
  replay: () => Promise<unknown>;
  statements: number;
  reads: number;
  auditEntries: number;
  /** The longest run of statements each waiting for the one before. */
  stepsOneAfterAnother: number;
  /** What the baseline is, for the report. */
  describes: string;
}

interface Step {
  after: number[];
  send: () => Promise<unknown>;
}

export function pageBaseline(sent: readonly SentStatement[], raw: RawQuery, appendAudit: AppendAudit): PageBaseline {
  const ordered = [...sent].sort((a, b) => a.doneAt - b.doneAt);
  const depth: number[] = [];
  const steps: Step[] = ordered.map((statement, index) => {
    const after = ordered.flatMap((earlier, j) => (j < index && earlier.doneAt <= statement.askedAt ? [j] : []));
    depth.push(1 + Math.max(0, ...after.map((j) => depth[j]!)));
    return { after, send: sender(statement, raw, appendAudit) };
  });
  const auditEntries = ordered.filter((s) => !isRead(s.sql)).length;
  const reads = ordered.length - auditEntries;
  const stepsOneAfterAnother = Math.max(0, ...depth);
  return {
    replay: () => {
      const done: Promise<unknown>[] = [];
      for (const step of steps) done.push(Promise.all(step.after.map((j) => done[j]!)).then(step.send));
      return Promise.all(done);
    },
    statements: ordered.length,
    reads,
    auditEntries,
    stepsOneAfterAnother,
    describes: `the ${String(ordered.length)} statements the page sent on a warm view, captured: ${String(reads)} reads sent again through the driver and ${String(auditEntries)} audit entr${auditEntries === 1 ? 'y' : 'ies'} appended by appendAuditEntries, in the page's order of waiting (${String(stepsOneAfterAnother)} one after another)`,
  };
}

/**
 * Appends an entry as a page view does (appendAuditEntries, what recordAuditAlone calls), its INSERT sent
 * through `raw`, the driver the baseline's reads go by. (On PGlite, Kysely's own connections and PGlite's
 * query used by ten loops at once stopped answering.)
 */
export function auditAppendThrough(ctx: Pick<AppContext, 'db' | 'auditKeys' | 'newId' | 'clock'>, raw: RawQuery): AppendAudit {
  const db = ctx.db.withPlugin({ transformQuery: (input) => input.node, transformResult: (input) => Promise.resolve(input.result) });
  // withPlugin gave the handle an executor of its own: only its statements go through `raw`.
  db.getExecutor().provideConnection = (consumer) =>
    consumer({
      executeQuery: (async (query: CompiledQuery) => ({ rows: await raw(query.sql, query.parameters) })) as DatabaseConnection['executeQuery'],
      streamQuery: () => {
        throw new Error('The baseline streams nothing');
      },
    });
  return (entry) => appendAuditEntries(db, ctx.auditKeys.current, [{ entry, id: ctx.newId(), occurredAt: ctx.clock.now() }]);
}

function sender(statement: SentStatement, raw: RawQuery, appendAudit: AppendAudit): () => Promise<unknown> {
  if (isRead(statement.sql)) return () => raw(statement.sql, statement.parameters);
  const entry = auditEntryOf(statement);
  return () => appendAudit(entry);
}

const AUDIT_INSERT = /^\s*insert into "audit_log" \(([^)]*)\) values \(([^)]*)\)\s*$/i;

/** The entry a page's audit INSERT of one row wrote, read from its columns and values. */
export function auditEntryOf(statement: Pick<SentStatement, 'sql' | 'parameters'>): AuditEntryInput {
  const match = AUDIT_INSERT.exec(statement.sql);
  if (!match) throw new Error(`The page wrote something other than one audit entry; the baseline cannot replay it: ${statement.sql}`);
  const columns = match[1]!.split(',').map((column) => column.trim().replace(/^"|"$/g, ''));
  if (columns.length !== statement.parameters.length) throw new Error(`An audit INSERT of more than one row, or with values written in: ${statement.sql}`);
  const value = (column: string) => statement.parameters[columns.indexOf(column)] as string | null | undefined;
  const details = value('details');
  return {
    actorUserId: value('actor_user_id') ?? null,
    actorOrganisationId: value('actor_organisation_id') ?? null,
    channel: value('channel') as AuditEntryInput['channel'],
    action: value('action')!,
    outcome: (value('outcome') ?? 'success') as NonNullable<AuditEntryInput['outcome']>,
    subjectType: value('subject_type') ?? null,
    subjectId: value('subject_id') ?? null,
    caseId: value('case_id') ?? null,
    ip: value('ip') ?? null,
    details: typeof details === 'string' ? (JSON.parse(details) as Record<string, unknown>) : {},
  };
}
