// Entries appended alone, each its own transaction outside any other (a page view's, a refusal's:
// application/audit.ts recordAuditAlone), are sent one INSERT at a time for each database handle:
// while one is in flight, the entries that come meanwhile wait and then go together, by one INSERT.
// Under load (ten page views at once) that is one statement, one round trip and one commit for
// several views instead of one each; one view at a time goes at once, as before. An INSERT sent alone
// commits as it returns, so each caller's promise settles only once its own entry is committed
// ("every look is recorded" before the page is shown). A group the database refuses is sent again an
// entry at a time, so that a bad entry fails only its own caller. Entries are signed when appended,
// in their caller's request (audit-log.ts); the chain is made later by the sealing step (ADR 10).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditKey } from '../../config.ts';
import type { Queryable } from '../db/schema.ts';
import { auditInsert, auditRows, type AuditEntryToAppend, type AuditRow } from './audit-log.ts';

/**
 * The most entries one INSERT of a group takes: each number of rows is a text of its own, which a
 * connection prepares once it has seen it twice (ADR 25, at most 200 texts a connection).
 */
const MOST_IN_A_GROUP = 16;

interface Waiting {
  row: AuditRow;
  resolve: () => void;
  reject: (error: unknown) => void;
  /** Runs work in the context the entry was appended in (its request, its trace): kept for the first entry of a group that waits. */
  inItsContext?: <T>(work: () => T) => T;
}

interface Line {
  sending: boolean;
  waiting: Waiting[];
}

const lines = new WeakMap<Queryable, Line>();

/** Appends one entry by itself, grouped with others appended alone on the same handle meanwhile; settles once it is committed. */
export function appendAuditAlone(db: Queryable, key: AuditKey, entry: AuditEntryToAppend): Promise<void> {
  const row = auditRows(key, [entry])[0]!;
  let line = lines.get(db);
  if (!line) {
    line = { sending: false, waiting: [] };
    lines.set(db, line);
  }
  return new Promise<void>((resolve, reject) => {
    if (line.sending) line.waiting.push(line.waiting.length === 0 ? { row, resolve, reject, inItsContext: AsyncLocalStorage.snapshot() } : { row, resolve, reject });
    else void sendFrom(db, line, [{ row, resolve, reject }]);
  });
}

/** Sends the group, then whatever waited meanwhile, until nothing waits. */
async function sendFrom(db: Queryable, line: Line, first: Waiting[]): Promise<void> {
  line.sending = true;
  try {
    await sendGroup(db, first);
    for (let group = line.waiting.splice(0, MOST_IN_A_GROUP); group.length > 0; group = line.waiting.splice(0, MOST_IN_A_GROUP)) {
      const { inItsContext } = group[0]!;
      await (inItsContext ? inItsContext(() => sendGroup(db, group)) : sendGroup(db, group));
    }
  } finally {
    line.sending = false;
  }
}

/** One INSERT for the group; if the database refuses it, one for each entry. Settles every entry; never throws. */
async function sendGroup(db: Queryable, group: readonly Waiting[]): Promise<void> {
  try {
    await db.executeQuery(auditInsert(group.map((waiting) => waiting.row)));
  } catch (error) {
    if (group.length === 1) {
      group[0]!.reject(error);
      return;
    }
    for (const waiting of group) {
      try {
        await db.executeQuery(auditInsert([waiting.row]));
        waiting.resolve();
      } catch (alone) {
        waiting.reject(alone);
      }
    }
    return;
  }
  for (const waiting of group) waiting.resolve();
}
