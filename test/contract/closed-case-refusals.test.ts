// Every API operation that makes a change a case closed for transfer refuses publishes that refusal's
// 409 (closed-for-transfer). Which operations those are is found from the source, not listed by hand:
// the one way to change a case (changeCase, unless its intent says `onClosedCase: 'allowed'`) and the
// use cases that note the refusal themselves (noteRefusedWhenClosed: one chronology entry, a FHIR
// import) are followed back through every function that calls them to the API routes whose
// handlers call them. Every test run also checks each reply (src/api/published-statuses.ts); this
// covers an operation no test happens to call.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ts from 'typescript';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The one way to change a case, and what notes the refusal where a change does not go through it (one entry, a FHIR import). */
const SEEDS = ['/src/application/cases/change-case.ts#changeCase', '#noteRefusedWhenClosed'];
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** A function of a source file (a declaration, or a constant holding an arrow or function), or an API route's registration. */
interface Unit {
  key: string;
  route?: boolean;
  calls: { callee: string; allowedOnClosedCase: boolean }[];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The file's functions and its routes' registrations (`app.post('/path', …)`), each with the calls in it, callees named as `file#name`. */
function unitsOf(file: string): Unit[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const imported = new Map<string, string>();
  const constants = new Map<string, ts.Expression>();
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text.startsWith('.')) {
      const from = path.resolve(path.dirname(file), statement.moduleSpecifier.text);
      const named = statement.importClause?.namedBindings;
      if (named && ts.isNamedImports(named)) for (const element of named.elements) imported.set(element.name.text, `${from}#${(element.propertyName ?? element.name).text}`);
    }
    if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name) && declaration.initializer) constants.set(declaration.name.text, declaration.initializer);
  }
  const nameOf = (identifier: string) => imported.get(identifier) ?? `${file}#${identifier}`;
  const saysAllowed = (node: ts.Node | undefined): boolean => {
    const intent = node && ts.isIdentifier(node) ? constants.get(node.text) : node;
    return intent !== undefined && /onClosedCase:\s*'allowed'/.test(intent.getText(source));
  };
  const callsIn = (node: ts.Node): Unit['calls'] => {
    const calls: Unit['calls'] = [];
    const visit = (inner: ts.Node) => {
      if (ts.isCallExpression(inner) && ts.isIdentifier(inner.expression)) {
        calls.push({ callee: nameOf(inner.expression.text), allowedOnClosedCase: inner.expression.text === 'changeCase' && saysAllowed(inner.arguments[3]) });
      }
      ts.forEachChild(inner, visit);
    };
    visit(node);
    return calls;
  };
  const units: Unit[] = [];
  const routes = (node: ts.Node) => {
    const callee = ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) ? node.expression : undefined;
    if (callee && ts.isIdentifier(callee.expression) && callee.expression.text === 'app' && METHODS.has(callee.name.text) && ts.isStringLiteral((node as ts.CallExpression).arguments[0]!)) {
      const url = (node as ts.CallExpression).arguments[0] as ts.StringLiteral;
      units.push({ key: `${callee.name.text.toUpperCase()} ${url.text}`, route: true, calls: callsIn(node) });
      return;
    }
    ts.forEachChild(node, routes);
  };
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) units.push({ key: `${file}#${statement.name.text}`, calls: callsIn(statement) });
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const value = declaration.initializer;
        if (ts.isIdentifier(declaration.name) && value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value))) units.push({ key: `${file}#${declaration.name.text}`, calls: callsIn(value) });
      }
    }
    if (file.endsWith('.routes.ts')) routes(statement);
  }
  return units;
}

/** The API routes (METHOD /path as registered) whose handlers reach a change a closed case refuses. */
function routesRefusedWhenClosed(): Set<string> {
  const application = sourceFiles(path.join(ROOT, 'src/application')).flatMap(unitsOf);
  const api = fs.readdirSync(path.join(ROOT, 'src/api/v1')).filter((name) => name.endsWith('.routes.ts')).flatMap((name) => unitsOf(path.join(ROOT, 'src/api/v1', name)));
  const units = [...application, ...api];
  const seeded = (unit: Unit) => unit.calls.some((call) => SEEDS.some((seed) => call.callee.endsWith(seed)) && !call.allowedOnClosedCase);
  const reaches = new Set(application.filter(seeded).map((unit) => unit.key));
  for (let grew = true; grew; ) {
    grew = false;
    for (const unit of units) {
      if (!reaches.has(unit.key) && unit.calls.some((call) => !call.allowedOnClosedCase && reaches.has(call.callee))) {
        reaches.add(unit.key);
        grew = true;
      }
    }
  }
  return new Set(api.filter((unit) => unit.route && reaches.has(unit.key)).map((unit) => unit.key));
}

/** `POST /cases/:caseId/events` as the OpenAPI document names it: `post /api/v1/cases/{caseId}/events` ("::" is a literal colon). */
function documentOperation(route: string): [string, string] {
  const [method, url] = route.split(' ') as [string, string];
  return [`/api/v1${url.replace('::', '\u0000').replace(/:(\w+)/g, '{$1}').replace('\u0000', ':')}`, method.toLowerCase()];
}

describe('every operation that makes a change a case closed for transfer refuses publishes 409', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  before(async () => {
    t = await createTestApp();
    paths = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: typeof paths }>().paths;
  });
  after(async () => t.close());

  it('finds them from the source: changes and one entry, not the batch (each entry refused on its own) nor what is allowed on a closed case', () => {
    const found = routesRefusedWhenClosed();
    for (const route of ['POST /cases/:caseId/events', 'PUT /cases/:caseId/plan', 'PUT /cases/:caseId/profile/factors/:factorId', 'POST /cases/:caseId/people', 'POST /fhir/Bundle']) assert.ok(found.has(route), route);
    for (const route of ['POST /events::batch', 'POST /cases/:caseId/holds', 'POST /cases/:caseId/transfer/receipt', 'GET /cases/:caseId/events']) assert.ok(!found.has(route), route);
  });

  it('publishes 409 on each of them', () => {
    const missing = [...routesRefusedWhenClosed()].filter((route) => {
      const [url, method] = documentOperation(route);
      const operation = paths[url]?.[method];
      assert.ok(operation, `${route} is in the OpenAPI document as ${method} ${url}`);
      return !('409' in operation.responses);
    });
    assert.deepEqual(missing, []);
  });
});
