// Statements a connection sends again go as named (prepared) statements, so that PostgreSQL parses
// them once per connection and, once it finds a generic plan as cheap as the custom ones (after five
// runs, plan_cache_mode auto), plans them once too. Issue 12 measured planning at more than running for
// every statement of a single event under the case lock. Nothing at the call sites changes: Kysely
// sends text and values, and a text is named here the second time its connection sees it (a statement
// sent once, a migration's, is never kept). docs/adr/0025-prepared-statements.md.
//
// Bounded whatever the data: a text that varies with the data (a list of values of varying length)
// makes new names, so a connection keeps at most MOST_NAMED names; one that reaches it sends the rest
// unnamed and is closed when released, and the pool opens a fresh one. The same happens when a named
// statement fails in a way that leaves the name unusable (a migration changed the columns it returns,
// or something deallocated it); outside a transaction that statement is sent again unnamed.
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** Named statements one connection keeps at most (a single event sends seven texts again and again: docs/adr/0025). */
export const MOST_NAMED = 200;
/** Texts seen once that a connection remembers (by digest) before forgetting them all. */
const MOST_SEEN_ONCE = 1000;
/** Longer texts (a batch's INSERT of many rows) are never named: their plans are big and their texts vary with the batch. */
export const LONGEST_NAMED = 8000;

/** SQLSTATEs after which a named statement cannot be used again: cached plan must not change result type; no such prepared statement. */
const UNUSABLE_NAME = new Set(['0A000', '26000']);

interface ConnectionStatements {
  /** Texts named on this connection, and their names. */
  named: Map<string, string>;
  /** Digests of texts seen once. */
  seenOnce: Set<string>;
  /** Closed when released: it reached MOST_NAMED, or one of its names became unusable. */
  retire: boolean;
}

const statementsOf = new WeakMap<pg.ClientBase, ConnectionStatements>();

function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** The name to send this text under, or undefined to send it unnamed; a connection that reaches MOST_NAMED is marked to be closed. */
function nameFor(state: ConnectionStatements, text: string): string | undefined {
  const known = state.named.get(text);
  if (known !== undefined || state.retire || text.length > LONGEST_NAMED) return known;
  const key = digest(text);
  if (!state.seenOnce.has(key)) {
    if (state.seenOnce.size >= MOST_SEEN_ONCE) state.seenOnce.clear();
    state.seenOnce.add(key);
    return undefined;
  }
  if (state.named.size >= MOST_NAMED) {
    state.retire = true;
    return undefined;
  }
  state.seenOnce.delete(key);
  const name = `icp_${key}`;
  state.named.set(text, name);
  return name;
}

/** The pooled client as Kysely's PostgresDialect uses it, its repeated statements named. `release(true)` closes the connection. */
export function withNamedStatements(client: pg.PoolClient): PostgresPoolClient & { release(destroy?: boolean | Error): void } {
  let state = statementsOf.get(client);
  if (!state) {
    state = { named: new Map(), seenOnce: new Set(), retire: false };
    statementsOf.set(client, state);
  }
  const connection = state;
  const query = (...args: unknown[]): unknown => {
    const [text, values] = args;
    const name = typeof text === 'string' ? nameFor(connection, text) : undefined;
    if (name === undefined) return (client.query as (...a: unknown[]) => unknown)(...args);
    return client.query({ name, text: text as string, values: values as unknown[] }).catch(async (error: unknown) => {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string' || !UNUSABLE_NAME.has(code)) throw error;
      connection.retire = true;
      // Outside a transaction the failed statement changed nothing (it ran alone and was rolled back), so it
      // is sent again unnamed; inside one, the transaction is lost and its caller gets the error.
      if (client.getTransactionStatus() !== 'I') throw error;
      return client.query(text as string, values as unknown[]);
    });
  };
  return {
    query: query as PostgresPoolClient['query'],
    release: (destroy?: boolean | Error) => client.release(destroy ?? (connection.retire || undefined)),
  };
}

/** node-postgres's pool as Kysely's PostgresDialect uses it, each connection's repeated statements named. */
export function poolWithNamedStatements(pool: pg.Pool): PostgresPool {
  return { connect: async () => withNamedStatements(await pool.connect()), end: () => pool.end() };
}
