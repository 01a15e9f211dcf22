// A transaction's statement sent once its COMMIT or ROLLBACK has been sent is refused, not run.
// Kysely refuses a statement on a transaction that has ended, but not one sent while the ROLLBACK is
// still on its way (a branch of the change still running when another's error ended it):
// node-postgres queues it behind the ROLLBACK on the same connection, where it runs outside any
// transaction and, on PostgreSQL, is committed at once (application/settled-together.ts tells the
// story). Here each time a connection is taken it is handed out as a handle that stops sending
// statements as soon as its transaction's end is sent, and for good once it is given back.
import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult } from 'kysely';

/** Raised for a statement sent after its transaction's end was sent (a programming error). */
export class ConnectionReleasedError extends Error {
  constructor() {
    super('A statement was sent after its transaction had ended; it was not run.');
    this.name = 'ConnectionReleasedError';
  }
}

/** The dialect as given, each connection it hands out refusing statements once its transaction's end is sent or it is given back. */
export function heldConnectionsOnly(dialect: Dialect): Dialect {
  return {
    createDriver: () => new HeldConnectionsDriver(dialect.createDriver()),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}

class HeldConnection implements DatabaseConnection {
  readonly connection: DatabaseConnection;
  #open = true;

  constructor(connection: DatabaseConnection) {
    this.connection = connection;
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.#open ? this.connection.executeQuery<R>(query) : Promise.reject(new ConnectionReleasedError());
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    if (!this.#open) throw new ConnectionReleasedError();
    return this.connection.streamQuery<R>(query, chunkSize);
  }

  /** No statement sent through this handle from now on: the connection itself, for the transaction's end or to give back. */
  close(): DatabaseConnection {
    this.#open = false;
    return this.connection;
  }
}

const raw = (connection: DatabaseConnection) => (connection instanceof HeldConnection ? connection.close() : connection);

class HeldConnectionsDriver implements Driver {
  readonly #driver: Driver;

  constructor(driver: Driver) {
    this.#driver = driver;
  }

  init(): Promise<void> {
    return this.#driver.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new HeldConnection(await this.#driver.acquireConnection());
  }

  beginTransaction(...args: Parameters<Driver['beginTransaction']>): Promise<void> {
    return this.#driver.beginTransaction(...args);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#driver.commitTransaction(raw(connection));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#driver.rollbackTransaction(raw(connection));
  }

  async savepoint(...args: Parameters<NonNullable<Driver['savepoint']>>): Promise<void> {
    await this.#driver.savepoint?.(...args);
  }

  async rollbackToSavepoint(...args: Parameters<NonNullable<Driver['rollbackToSavepoint']>>): Promise<void> {
    await this.#driver.rollbackToSavepoint?.(...args);
  }

  async releaseSavepoint(...args: Parameters<NonNullable<Driver['releaseSavepoint']>>): Promise<void> {
    await this.#driver.releaseSavepoint?.(...args);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#driver.releaseConnection(raw(connection));
  }

  destroy(): Promise<void> {
    return this.#driver.destroy();
  }
}
