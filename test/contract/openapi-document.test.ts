// The OpenAPI document is the API's contract: every operation publishes its success reply's schema
// (every test run checks each reply against it: src/api/response-serialization.ts), and every request
// body is closed to fields it does not name, exactly as the validation is.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

interface Operation {
  summary?: string;
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  $ref?: string;
}

/**
 * Bodies that are deliberately open: a batch entry and a FHIR resource are checked on their own, and a
 * transfer pack (a FHIR Bundle) is read whole by its own reader before anything is stored
 * (domain/transfer/transfer-pack.ts).
 */
const OPEN_ON_PURPOSE = new Set([
  'POST /api/v1/events:batch /entries/*',
  'POST /api/v1/fhir/Bundle /entry/*',
  'POST /api/v1/fhir/Bundle /entry/*/resource',
  'POST /api/v1/fhir/Bundle ',
  'POST /api/v1/transfers ',
  'POST /api/v1/transfers /entry/*',
]);

function openObjects(schema: Schema, path: string): string[] {
  const found: string[] = [];
  if (schema.properties) {
    if (schema.additionalProperties !== false) found.push(path);
    for (const [name, inner] of Object.entries(schema.properties)) found.push(...openObjects(inner, `${path}/${name}`));
  } else if (schema.type === 'object' && schema.additionalProperties === true) {
    found.push(path);
  }
  if (schema.items) found.push(...openObjects(schema.items, `${path}/*`));
  for (const option of schema.anyOf ?? []) found.push(...openObjects(option, path));
  return found;
}

describe('the published OpenAPI document', () => {
  let t: TestApp;
  let operations: [string, Operation][];
  before(async () => {
    t = await createTestApp();
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, Operation>> }>();
    operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]): [string, Operation] => [`${method.toUpperCase()} ${path}`, operation]));
  });
  after(async () => t.close());

  it('has operations', () => {
    assert.ok(operations.length >= 20, String(operations.length));
  });

  it('publishes the schema of every operation’s success reply', () => {
    const missing = operations.filter(([, operation]) => !Object.entries(operation.responses).some(([status, response]) => /^2\d\d$/.test(status) && response.content?.['application/json']?.schema));
    assert.deepEqual(missing.map(([name]) => name), []);
  });

  it('closes every request body to fields it does not name, as the validation does', () => {
    const open = operations.flatMap(([name, operation]) => {
      const schema = operation.requestBody?.content['application/json']?.schema ?? Object.values(operation.requestBody?.content ?? {})[0]?.schema;
      return schema ? openObjects(schema, '').map((path) => `${name} ${path}`) : [];
    });
    assert.deepEqual(open.filter((where) => !OPEN_ON_PURPOSE.has(where)), []);
  });
});
