// Every SQL statement as a span, for both engines: Kysely hands each compiled statement to the
// driver's connection, and here that connection's executeQuery is wrapped. A statement becomes a
// span only inside a span that records (a traced request's step), so with tracing off, and for the
// background work's loops (sealing the audit chain every second), nothing is made. The span is named
// by the statement's operation (SELECT, INSERT …) and carries the statement as Kysely compiled it,
// with $1, $2 … placeholders: never the values, which are names, NHS numbers and free text. This works
// on PGlite as on PostgreSQL, where the pg driver's own instrumentation would need its module hooked
// before it loads, and would see PGlite's statements too.
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult } from 'kysely';

const tracer = trace.getTracer('infant-care-profile/sql');
const TRACED = Symbol('icp.sql-traced');
/** Longer statements (a batch's INSERT of a thousand rows of placeholders) are cut here. */
const MOST_STATEMENT_CHARS = 2000;
const OPERATIONS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'WITH', 'BEGIN', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'RELEASE', 'LOCK', 'SET', 'CREATE', 'ALTER', 'DROP']);

/** The dialect as given, its connections' statements traced. */
export function tracedDialect(dialect: Dialect): Dialect {
  return {
    createDriver: () => tracedDriver(dialect.createDriver()),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}

function tracedDriver(driver: Driver): Driver {
  const acquire = driver.acquireConnection.bind(driver);
  // The connection itself is kept (the driver releases it by a method of its own), its executeQuery wrapped once.
  driver.acquireConnection = async () => traced(await acquire());
  return driver;
}

function traced(connection: DatabaseConnection): DatabaseConnection {
  const marked = connection as DatabaseConnection & { [TRACED]?: true };
  if (marked[TRACED]) return connection;
  marked[TRACED] = true;
  const execute = connection.executeQuery.bind(connection);
  connection.executeQuery = <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
    if (!trace.getActiveSpan()?.isRecording()) return execute<R>(query);
    const operation = operationOf(query.sql);
    // A statement has no children: its span is started, not made the active one (no context switch).
    const span = tracer.startSpan(operation, {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system': 'postgresql', 'db.statement': query.sql.length > MOST_STATEMENT_CHARS ? `${query.sql.slice(0, MOST_STATEMENT_CHARS)} …` : query.sql, 'db.parameter_count': query.parameters.length },
    });
    return execute<R>(query).then(
      (result) => {
        if (result.rows.length > 0) span.setAttribute('db.rows', result.rows.length);
        span.end();
        return result;
      },
      (error: unknown) => {
        // The database's message can quote the values it refused: only its class and SQLSTATE.
        span.setStatus({ code: SpanStatusCode.ERROR });
        const code = (error as { code?: unknown }).code;
        span.setAttributes({ 'error.type': error instanceof Error ? error.constructor.name : typeof error, ...(typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? { 'db.response.status_code': code } : {}) });
        span.end();
        throw error;
      },
    );
  };
  return connection;
}

function operationOf(statement: string): string {
  const word = /^\s*([A-Za-z]+)/.exec(statement)?.[1]?.toUpperCase() ?? '';
  return OPERATIONS.has(word) ? word : 'SQL';
}
