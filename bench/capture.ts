// Captures every statement sent through one database handle: its SQL, the values it was sent with, when
// it was asked for and when its rows came back. Used by bench/explain.ts (EXPLAIN each) and by
// bench/run.ts (each page's direct-query baseline is what the page sent, bench/page-queries.ts).
//
// The statement is taken where it meets the connection where it can be: a query compiled once
// (src/infrastructure/db/compiled-once.ts: the session read, the case with its people) reaches Kysely's
// plugin hooks only when it is first compiled, with placeholders for its values, and is then sent again
// and again with each call's own values, which only the connection sees. A statement sent inside a
// transaction goes through a connection Kysely takes from the driver itself, which the capture does not
// watch: it is taken from the plugin hook, compiled from the query as built (a transaction's handle
// compiles its queries again, so its values are its own). A result that neither shows is an error.
import { performance } from 'node:perf_hooks';
import type { CompiledQuery, DatabaseConnection, KyselyPlugin, QueryId } from 'kysely';
import type { Db } from '../src/infrastructure/db/schema.ts';

export interface SentStatement {
  sql: string;
  parameters: readonly unknown[];
  /** performance.now() when the statement asked for a connection: before any wait for one. */
  askedAt: number;
  /** performance.now() when its rows came back. */
  doneAt: number;
}

/** A statement that only reads: a SELECT (or WITH … SELECT) that neither writes nor locks rows. */
export function isRead(sql: string): boolean {
  return /^\s*(select|with)\b/i.test(sql) && !/\b(insert|update|delete|for update|for share|for no key update|for key share)\b/i.test(sql);
}

export class StatementCapture implements KyselyPlugin {
  /** The handle to give the code whose statements are captured: the one passed in, with the capture. */
  readonly db: Db;
  private readonly sent: SentStatement[] = [];
  /** Seen at the connection, by query id, until its result comes back through the plugin. */
  private readonly atConnection = new Map<QueryId, SentStatement>();
  /** Built while capturing, by query id: for a statement the connection does not show. */
  private readonly built = new WeakMap<QueryId, { query: CompiledQuery; askedAt: number }>();
  private unseen = 0;
  private capturing = false;

  constructor(db: Db) {
    this.db = db.withPlugin(this);
    // withPlugin gave this handle an executor of its own: watching its connections watches nothing else.
    const executor = this.db.getExecutor();
    const provide = executor.provideConnection.bind(executor);
    executor.provideConnection = (consumer) => {
      const askedAt = performance.now();
      return provide((connection) => consumer(this.watched(connection, askedAt)));
    };
  }

  transformQuery: KyselyPlugin['transformQuery'] = (input) => {
    if (this.capturing) this.built.set(input.queryId, { query: this.db.getExecutor().compileQuery(input.node, input.queryId), askedAt: performance.now() });
    return input.node;
  };

  transformResult: KyselyPlugin['transformResult'] = (input) => {
    if (this.capturing) {
      const seen = this.atConnection.get(input.queryId);
      this.atConnection.delete(input.queryId);
      const built = this.built.get(input.queryId);
      if (seen) this.sent.push(seen);
      else if (built) this.sent.push({ sql: built.query.sql, parameters: built.query.parameters, askedAt: built.askedAt, doneAt: performance.now() });
      else this.unseen += 1;
    }
    return Promise.resolve(input.result);
  };

  /** The statements `work` sends (not BEGIN and COMMIT), in the order their rows came back. */
  async during(work: () => Promise<unknown>): Promise<SentStatement[]> {
    this.sent.length = 0;
    this.atConnection.clear();
    this.unseen = 0;
    this.capturing = true;
    try {
      await work();
    } finally {
      this.capturing = false;
    }
    if (this.unseen > 0) throw new Error(`${String(this.unseen)} statements came back that the capture saw neither built nor sent`);
    return [...this.sent];
  }

  private watched(connection: DatabaseConnection, askedAt: number): DatabaseConnection {
    return {
      executeQuery: async <R>(query: CompiledQuery) => {
        const result = await connection.executeQuery<R>(query);
        if (this.capturing) this.atConnection.set(query.queryId, { sql: query.sql, parameters: query.parameters, askedAt, doneAt: performance.now() });
        return result;
      },
      streamQuery: <R>(query: CompiledQuery, chunkSize?: number) => connection.streamQuery<R>(query, chunkSize),
    };
  }
}
