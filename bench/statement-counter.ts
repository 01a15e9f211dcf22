// Counts the SQL statements Kysely sends to the database, raw SQL included (not BEGIN and COMMIT), with
// the tables each names first. A statement is counted when its result comes back: a query built from the
// database only to be a subquery of another passes through transformQuery too, but is never sent.
import type { KyselyPlugin, QueryId } from 'kysely';

/** The tables a statement names first (FROM, INTO, UPDATE), for the report. */
function tablesOf(node: unknown): string {
  const names = new Set<string>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (record['kind'] === 'TableNode') {
      const table = record['table'] as { identifier?: { name?: string } } | undefined;
      if (table?.identifier?.name) names.add(table.identifier.name);
      return;
    }
    for (const child of Object.values(record)) {
      if (Array.isArray(child)) for (const item of child) visit(item, depth + 1);
      else visit(child, depth + 1);
    }
  };
  visit(node, 0);
  return [...names].join('+') || 'raw';
}

export class StatementCounter implements KyselyPlugin {
  /** Each statement sent while counting, as its kind and tables ("select cases"). */
  readonly seen: string[] = [];
  counting = false;
  private readonly built = new WeakMap<QueryId, string>();

  transformQuery: KyselyPlugin['transformQuery'] = (args) => {
    // Noted whether counting or not: a query compiled once and sent again (session-storage.ts) keeps its id.
    this.built.set(args.queryId, `${args.node.kind.replace('QueryNode', '').toLowerCase()} ${tablesOf(args.node)}`);
    return args.node;
  };

  transformResult: KyselyPlugin['transformResult'] = (args) => {
    const statement = this.built.get(args.queryId);
    if (statement !== undefined && this.counting) this.seen.push(statement);
    return Promise.resolve(args.result);
  };

  /** Counts the statements `work` sends. */
  async count<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    this.seen.length = 0;
    this.counting = true;
    try {
      const result = await work();
      return { result, statements: [...this.seen] };
    } finally {
      this.counting = false;
    }
  }
}

/** The statements as "select cases; insert audit_log ×2", in the order first sent. */
export function statementsInBrief(statements: readonly string[]): string {
  const kinds = new Map<string, number>();
  for (const kind of statements) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  return [...kinds].map(([kind, n]) => (n > 1 ? `${kind} ×${String(n)}` : kind)).join('; ');
}
