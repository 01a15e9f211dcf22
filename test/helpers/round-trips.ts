// The statements a page sends to the database and how many round trips it waits for one after another,
// counted at the connection (BEGIN and COMMIT, and statements sent as compiled, included), so that a test
// fails when a page's reads grow back into a chain (issue 12). A statement sent before any other's rows
// came back starts a chain; one sent once rows had come back continues the longest chain among them.
// Sent means asked for a connection, so that the embedded engine's one connection counts as PostgreSQL's pool.
import type pg from 'pg';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type { Database } from '../../src/infrastructure/db/connect.ts';
import type { Db } from '../../src/infrastructure/db/schema.ts';

export interface Sent {
  /** Each statement's text, shortened, in the order sent. */
  statements: string[];
  /** The longest chain of statements each sent only once the one before it had answered. */
  inSequence: number;
}

export class RoundTrips {
  /** A handle on the database's own pool whose statements are counted while `count` runs. */
  readonly db: Db;
  private sent: Sent | null = null;
  /** The longest chain that has answered so far. */
  private answered = 0;

  constructor(database: Database) {
    if (!database.pool) throw new Error('RoundTrips needs the database’s pool');
    const pool = database.pool;
    const counted: PostgresPool = {
      // What had answered when the statement asked for a connection: on the embedded engine's one
      // connection, a statement sent beside another waits for it here, not for its rows.
      connect: async () => {
        const answeredWhenAsked = this.answered;
        return this.counting(await pool.connect(), answeredWhenAsked);
      },
      end: async () => undefined,
    };
    this.db = new Kysely({ dialect: new PostgresDialect({ pool: counted }) });
  }

  /** The connection's first statement was sent when it was asked for; the next ones (a transaction's) as they go. */
  private counting(client: pg.PoolClient, answeredWhenAsked: number): PostgresPoolClient {
    let first = true;
    return {
      query: ((text: string, values?: unknown[]) => {
        const sent = this.sent;
        if (!sent) return client.query(text, values);
        sent.statements.push(text.replace(/\s+/g, ' ').slice(0, 80));
        const chain = (first ? answeredWhenAsked : this.answered) + 1;
        first = false;
        return client.query(text, values).then((result) => {
          this.answered = Math.max(this.answered, chain);
          sent.inSequence = Math.max(sent.inSequence, chain);
          return result;
        });
      }) as PostgresPoolClient['query'],
      release: () => client.release(),
    };
  }

  /** What `work` sends. */
  async count(work: () => Promise<unknown>): Promise<Sent> {
    const sent: Sent = { statements: [], inSequence: 0 };
    this.sent = sent;
    this.answered = 0;
    try {
      await work();
      return sent;
    } finally {
      this.sent = null;
    }
  }
}
