// A query that Kysely builds and compiles once for each database handle, then sends with each call's
// own values. Building and compiling a select with subqueries cost more of Node's time than sending
// it (issue 12: a CPU profile of the case overview put Kysely at about a fifth of the page's own work).
// Only for a query whose shape never changes: each argument must reach the statement as a value ($n)
// and as nothing else (not a list, not a literal, not a branch in the builder), which is checked when
// it is compiled. A transaction is a handle of its own: its queries are compiled again, as before.
import type { Compilable, CompiledQuery } from 'kysely';
import type { Queryable } from './schema.ts';

/** What an argument may be: sent as one value. */
export type SentValue = string | number | boolean | Date | null;

interface Compiled<Row> {
  query: CompiledQuery<Row>;
  /** For each of the statement's parameters, the argument it takes, or null for a value the builder fixed. */
  arguments: (number | null)[];
}

const PLACEHOLDER = '\u0000compiled-once argument ';

function compile<Row>(db: Queryable, build: (db: Queryable, ...args: SentValue[]) => Compilable<Row>, arity: number): Compiled<Row> {
  const placeholders = Array.from({ length: arity }, (_, i) => `${PLACEHOLDER}${String(i)}`);
  const query = build(db, ...placeholders).compile();
  const args = query.parameters.map((parameter) => (typeof parameter === 'string' && parameter.startsWith(PLACEHOLDER) ? Number(parameter.slice(PLACEHOLDER.length)) : null));
  const unsent = placeholders.findIndex((_, i) => !args.includes(i));
  if (unsent >= 0 || query.sql.includes(PLACEHOLDER)) throw new Error(`compiledOnce: argument ${String(Math.max(unsent, 0))} of ${query.sql} is not sent as a value`);
  return { query, arguments: args };
}

/** The query `build` makes, compiled on its first call for each handle and sent again with each call's arguments. */
export function compiledOnce<Args extends SentValue[], Row>(build: (db: Queryable, ...args: Args) => Compilable<Row>): (db: Queryable, ...args: Args) => Promise<Row[]> {
  const compiledFor = new WeakMap<Queryable, Compiled<Row>>();
  return async (db, ...args) => {
    let compiled = compiledFor.get(db);
    if (!compiled) {
      compiled = compile(db, build as (db: Queryable, ...args: SentValue[]) => Compilable<Row>, args.length);
      compiledFor.set(db, compiled);
    }
    const fixed = compiled.query.parameters;
    const parameters = compiled.arguments.map((arg, i) => (arg === null ? fixed[i] : args[arg]));
    const query: CompiledQuery<Row> = { ...compiled.query, parameters };
    return (await db.executeQuery(query)).rows;
  };
}
