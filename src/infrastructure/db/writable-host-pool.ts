// A connection pool over several PostgreSQL servers that hands out connections only to the one that
// accepts writes, as libpq's `target_session_attrs=read-write` does (node-postgres reads one host).
// New connections go to the server that last worked; one that refuses, dies or turns out read-only
// moves the choice on to the next. A pooled connection that dies or meets a read-only server is
// dropped, not reused, and an idle one left on a server no longer chosen is dropped when next taken.
// When no server named accepts writes, connect() fails with DatabaseUnavailableError (a 503 to the
// caller, who tries again). docs/adr/0013-database-failover.md.
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { DatabaseUnavailableError, isConnectionLost, isReadOnlyRefusal, ReadOnlyServerError } from './connection-errors.ts';
import { withNamedStatements } from './named-statements.ts';
import type { PostgresHost, PostgresTarget } from '../../config-postgres-url.ts';

/** How long to wait for one server to answer when the URL gives no connect_timeout. */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;

/** Which server new connections go to: the one that last worked, moving on when it fails. */
export class HostChoice {
  private index = 0;
  constructor(readonly hosts: readonly PostgresHost[]) {}

  get current(): PostgresHost {
    return this.hosts[this.index]!;
  }

  /** Moves on from this server, unless another caller already has. */
  failed(host: PostgresHost): void {
    if (host === this.current) this.index = (this.index + 1) % this.hosts.length;
  }
}

interface HostedClient extends pg.PoolClient {
  readonly server: PostgresHost;
}

export interface WritableHostPool extends PostgresPool {
  /** The pool underneath (its counts are the metrics'). */
  readonly pool: pg.Pool;
  readonly choice: HostChoice;
}

/** libpq's check for read-write: a standby, or a server set read-only, answers `on`. */
async function refuseReadOnly(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ transaction_read_only: string }>('SHOW transaction_read_only');
  if (rows[0]?.transaction_read_only !== 'off') throw new ReadOnlyServerError('The server is read-only (a standby)');
}

function describeHosts(hosts: readonly PostgresHost[]): string {
  return hosts.map(({ host, port }) => `${host}:${String(port)}`).join(', ');
}

export function openWritableHostPool(target: PostgresTarget, max: number, onIdleClientError: (error: Error) => void, preparedStatements = true): WritableHostPool {
  const choice = new HostChoice(target.hosts);
  const connectionTimeoutMillis = (target.connectTimeoutSeconds ?? DEFAULT_CONNECT_TIMEOUT_SECONDS) * 1000;

  class ClientOfChosenHost extends pg.Client {
    readonly server: PostgresHost;
    constructor(config: pg.ClientConfig = {}) {
      const server = choice.current;
      // keepAlive: a server whose machine vanished sends no goodbye; the socket must find out.
      super({ ...config, connectionString: target.urlFor(server), connectionTimeoutMillis, keepAlive: true });
      this.server = server;
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- pg-pool awaits onConnect and drops the connection when it rejects; its types say void
  const checkWritable: Pick<pg.PoolConfig, 'onConnect'> = { onConnect: refuseReadOnly };
  const pool = new pg.Pool({ max, Client: ClientOfChosenHost, ...(target.targetSessionAttrs === 'read-write' ? checkWritable : {}) });
  pool.on('error', onIdleClientError);

  /**
   * Marks the connection to be dropped on release when a statement finds it dead or read-only, or
   * the server cuts it while it is taken but between statements (a transaction's code running): pg
   * emits that as an 'error' event, which would stop the process if no one heard it.
   */
  function guarded(client: HostedClient): PostgresPoolClient {
    let lost: Error | undefined;
    const noteLost = (error: unknown) => {
      lost = error instanceof Error ? error : new Error(String(error));
      choice.failed(client.server);
    };
    client.on('error', noteLost);
    const sender = preparedStatements ? withNamedStatements(client) : client;
    const query = (...args: unknown[]) => {
      const result = (sender.query as (...a: unknown[]) => unknown)(...args);
      if (!(result instanceof Promise)) return result; // a cursor
      return result.catch((error: unknown) => {
        if (isConnectionLost(error) || isReadOnlyRefusal(error)) noteLost(error);
        throw error;
      });
    };
    const release = () => {
      client.removeListener('error', noteLost);
      sender.release(lost);
    };
    return { query: query as PostgresPoolClient['query'], release };
  }

  async function connect(): Promise<PostgresPoolClient> {
    let failures = 0;
    let lastError: unknown;
    // Each idle connection left on a server no longer chosen is dropped once, so this ends.
    for (let taken = 0; failures < target.hosts.length && taken <= max + target.hosts.length; taken++) {
      const server = choice.current;
      let client: HostedClient;
      try {
        client = (await pool.connect()) as HostedClient;
      } catch (error) {
        lastError = error;
        choice.failed(server);
        failures++;
        continue;
      }
      if (client.server === choice.current) return guarded(client);
      client.release(true);
    }
    const why = lastError instanceof Error ? lastError.message : String(lastError);
    throw new DatabaseUnavailableError(`No server accepting writes among ${describeHosts(target.hosts)} (last: ${why})`, { cause: lastError });
  }

  return { pool, choice, connect, end: () => pool.end() };
}
