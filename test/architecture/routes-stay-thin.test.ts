// Pages and API routes stay thin (issue 12): they parse, call a use case and answer. They never hold
// the database, open a transaction, run SQL or write the audit trail: the use cases in src/application
// do, one transaction each with its audit entry. .dependency-cruiser.cjs keeps web/ and api/ from
// importing the database modules; this reads the code itself, for what an import rule cannot see (the
// database handle on the context, a transaction opened on it, the audit table named in a string).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DELIVERY = ['src/web', 'src/api'];

const DATABASE_MODULES = new Set(['kysely', 'pg', '@electric-sql/pglite']);
const AUDIT_WRITERS = new Set(['recordAudit', 'recordAuditAlone', 'recordAudits', 'appendAudit', 'appendAuditEntries']);
const QUERY_BUILDERS = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto', 'executeQuery']);
const RAW_SQL = /\b(SELECT\s+\S|INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|TRUNCATE\s|CREATE\s+TABLE|ALTER\s+TABLE|DROP\s+TABLE)/;

interface Violation {
  line: number;
  what: string;
}

/** `ctx`, `app.ctx`, `this.ctx`: the application context, whose `db` is the database. */
function isContext(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return node.text === 'ctx';
  return ts.isPropertyAccessExpression(node) && node.name.text === 'ctx';
}

/** What in one file's code reaches the database or the audit trail itself, line by line (comments are not read). */
function thinRouteViolations(fileName: string, text: string): Violation[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Violation[] = [];
  const add = (node: ts.Node, what: string) => found.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, what });

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const from = node.moduleSpecifier.text;
      if (DATABASE_MODULES.has(from)) add(node, `imports the database module '${from}'`);
      if (/(^|\/)infrastructure\/db\//.test(from)) add(node, `imports the database layer '${from}'`);
      if (/(^|\/)infrastructure\/audit\//.test(from) || /(^|\/)application\/audit\.ts$/.test(from)) add(node, `imports the audit trail's writer '${from}'`);
    }
    if (ts.isIdentifier(node) && AUDIT_WRITERS.has(node.text)) add(node, `uses ${node.text} (the use case writes the audit entry)`);
    if (ts.isPropertyAccessExpression(node)) {
      if (node.name.text === 'db' && isContext(node.expression)) add(node, `uses the database handle ${node.getText(source)}`);
      if (node.name.text === 'transaction' && ts.isCallExpression(node.parent) && node.parent.expression === node) add(node, 'opens a transaction');
      if (QUERY_BUILDERS.has(node.name.text) && ts.isCallExpression(node.parent) && node.parent.expression === node) add(node, `builds a query (.${node.name.text})`);
    }
    if (ts.isBindingElement(node) && (node.propertyName ?? node.name).getText(source) === 'db') add(node, 'takes the database handle out of the context');
    if (ts.isTaggedTemplateExpression(node)) {
      const tag = node.tag;
      if ((ts.isIdentifier(tag) && tag.text === 'sql') || (ts.isPropertyAccessExpression(tag) && ts.isIdentifier(tag.expression) && tag.expression.text === 'sql')) add(node, 'runs raw SQL (sql`…`)');
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      if (node.text.includes('audit_log')) add(node, 'names the audit_log table');
      else if (RAW_SQL.test(node.text)) add(node, `runs raw SQL (${JSON.stringify(node.text.slice(0, 40))})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function deliveryFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return deliveryFiles(relative);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [relative] : [];
  });
}

describe('routes stay thin', () => {
  it('no page, plugin or API route holds the database, opens a transaction, runs SQL or writes the audit trail', () => {
    const files = DELIVERY.flatMap(deliveryFiles);
    assert.ok(files.length > 50, `read ${files.length} files under ${DELIVERY.join(' and ')}`);
    const problems = files.flatMap((file) => thinRouteViolations(file, fs.readFileSync(path.join(ROOT, file), 'utf8')).map((v) => `${file}:${v.line}: ${v.what}`));
    assert.deepEqual(problems, [], `Move these behind a use case in src/application:\n${problems.join('\n')}`);
  });

  it('finds each way of reaching the database or the audit trail, and not the words in a comment or a form', () => {
    const code = [
      "import { sql } from 'kysely';", // 1
      "import type { Tx } from '../../infrastructure/db/schema.ts';", // 2
      "import { recordAuditAlone } from '../../application/audit.ts';", // 3
      'const rows = await app.ctx.db.selectFrom("organisations").execute();', // 4
      'await ctx.db.transaction().execute(async (trx) => trx.insertInto("audit_log").values(row).execute());', // 5
      'await sql`SELECT 1`.execute(handle);', // 6
      'const { clock, db } = app.ctx;', // 7
      "await client.query('DELETE FROM sessions');", // 8
      '// ctx.db.transaction() and audit_log in a comment are not code', // 9
      "const label = 'Select an organisation';", // 10
    ].join('\n');
    const lines = (what: RegExp) => thinRouteViolations('example.ts', code).filter((v) => what.test(v.what)).map((v) => v.line);
    assert.deepEqual(lines(/database module/), [1]);
    assert.deepEqual(lines(/database layer/), [2]);
    assert.deepEqual(lines(/audit trail's writer|recordAuditAlone/), [3, 3]);
    assert.deepEqual(lines(/database handle app\.ctx\.db|database handle ctx\.db/), [4, 5]);
    assert.deepEqual(lines(/builds a query/), [4, 5]);
    assert.deepEqual(lines(/opens a transaction/), [5]);
    assert.deepEqual(lines(/audit_log/), [5]);
    assert.deepEqual(lines(/raw SQL/), [6, 6, 8]);
    assert.deepEqual(lines(/out of the context/), [7]);
    assert.equal(thinRouteViolations('example.ts', code).filter((v) => v.line >= 9).length, 0);
  });
});
