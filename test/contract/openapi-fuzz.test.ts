// Every API operation attacked from its own published contract: bodies, queries and path ids made
// from the OpenAPI document by fast-check, valid and invalid (wrong types, unknown fields, NUL and
// lone surrogates, long strings, deep nesting, other records' ids). Whatever is sent, the answer is
// never a 5xx; every reply matches its published schema (the test app checks each one); and a
// refused request changes no row.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { CATALOGUE } from '../../src/domain/catalogue/catalogue.ts';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../helpers/factories.ts';
import { rowCounts } from '../helpers/row-counts.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

interface Schema {
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  $ref?: string;
}
interface Parameter {
  name: string;
  in: 'path' | 'query';
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

/** Text chosen to break things: NUL, halves of surrogate pairs, markup, SQL, very long. */
const NASTY_TEXT = ['', ' ', 'a\u0000b', '\uD800', 'x\uDC00', '😀', '<script>alert(1)</script>', "'; DROP TABLE cases; --", '../../etc/passwd', '%00', '\\', 'ﬁ', 'x'.repeat(5000)];
const RUNS_PER_OPERATION = 40;

function text(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'date') return fc.oneof(fc.date({ min: new Date('2020-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom('2026-02-30', '2026-13-01', 'today'));
  if (schema.format === 'date-time') return fc.oneof(fc.date({ min: new Date('2020-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString()), fc.constant('2026-11-20T25:00:00Z'));
  const max = Math.min(schema.maxLength ?? 60, 60);
  return fc.oneof({ weight: 3, arbitrary: fc.string({ minLength: Math.min(schema.minLength ?? 0, max), maxLength: max }) }, { weight: 1, arbitrary: fc.constantFrom(...NASTY_TEXT) });
}

/** A value the schema allows, mostly; the callers add the ones it does not. */
function valueFor(schema: Schema, components: Record<string, Schema>, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return valueFor(components[schema.$ref.split('/').pop()!] ?? {}, components, depth);
  const plain = ((): fc.Arbitrary<unknown> => {
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const options = schema.anyOf ?? schema.oneOf;
    if (options) return fc.oneof(...options.map((option) => valueFor(option, components, depth)));
    switch (schema.type) {
      case 'string':
        return text(schema);
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -3, max: Math.min(schema.maximum ?? 50, 1000) });
      case 'number':
        return fc.double({ min: schema.minimum ?? -10, max: schema.maximum ?? 1000, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth > 4 ? fc.constant([]) : fc.array(valueFor(schema.items ?? {}, components, depth + 1), { maxLength: Math.min(schema.maxItems ?? 3, 3) });
      case 'object':
      case undefined:
        if (!schema.properties || depth > 4) return fc.constant({});
        return fc.record(Object.fromEntries(Object.entries(schema.properties).map(([name, inner]) => [name, valueFor(inner, components, depth + 1)])), { requiredKeys: schema.required ?? [] });
      default:
        return fc.anything();
    }
  })();
  return schema.nullable ? fc.option(plain, { nil: null }) : plain;
}

/** Nested arrays this deep, as JSON text: a parser or a walker that recurses must not fall over. */
const deeplyNested = fc.integer({ min: 100, max: 50_000 }).map((depth) => `{"deep":${'['.repeat(depth)}${']'.repeat(depth)}}`);

/** Valid bodies most of the time, then every way of being wrong; as the JSON text sent. */
function bodyFor(schema: Schema, components: Record<string, Schema>): fc.Arbitrary<string> {
  const valid = valueFor(schema, components);
  const asJson = (value: unknown) => JSON.stringify(value) ?? 'null';
  return fc.oneof(
    { weight: 6, arbitrary: valid.map(asJson) },
    { weight: 1, arbitrary: valid.map((body) => asJson(body !== null && typeof body === 'object' && !Array.isArray(body) ? { ...body, isAdmin: true } : body)) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }).map(asJson) },
    { weight: 1, arbitrary: valid.chain((body) => (body !== null && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length > 0 ? fc.constantFrom(...Object.keys(body)).chain((key) => fc.anything({ maxDepth: 1 }).map((wrong) => asJson({ ...body, [key]: wrong }))) : fc.constant(asJson(body)))) },
    { weight: 1, arbitrary: deeplyNested },
    { weight: 1, arbitrary: fc.constantFrom(asJson({ summary: 'y'.repeat(900_000) }), '[]', '"text"', '42', 'null', '{"a":', '{"__proto__":{"isAdmin":true}}') },
  );
}

describe('every API operation, fuzzed from the OpenAPI document', () => {
  let t: TestApp;
  let token: string;
  let operations: [string, string, Operation][];
  let components: Record<string, Schema>;
  const ids: Record<string, string[]> = {};

  before(async () => {
    t = await createTestApp();
    const socialCare = await makeOrganisation(t.ctx, 'childrens-social-care', 'Fuzz Children’s Services');
    const lead = await makeUser(t.ctx, { organisationId: socialCare.id, name: 'Fuzz Lead' });
    const other = await makeUser(t.ctx, { organisationId: socialCare.id, name: 'Other Worker' });
    token = await apiTokenFor(t.ctx, lead.email);
    const mine = await makeCase(t.ctx, { familyName: 'Fuzz', teamUserIds: [lead.id] });
    const theirs = await makeCase(t.ctx, { familyName: 'Elsewhere', teamUserIds: [other.id] });
    const mum = await makePerson(t.ctx, mine.id, { id: 'fuzz-mum' });
    await makePerson(t.ctx, theirs.id, { id: 'their-mum' });
    await t.app.inject({ method: 'POST', url: `/api/v1/cases/${mine.id}/events`, headers: { authorization: `Bearer ${token}` }, payload: { kind: 'hospital-discharge', occurredAt: '2026-11-21', summary: 'Home from the ward', source: 'agency-record' } });
    const alert = await t.ctx.db.selectFrom('alerts').select('id').where('case_id', '=', mine.id).executeTakeFirst();
    const garbage = ['00000000-0000-0000-0000-000000000000', 'x', 'a\u0000b', '..%2F..', "1' OR '1'='1", 'é'.repeat(120)];
    Object.assign(ids, {
      caseId: [mine.id, theirs.id, ...garbage],
      personId: [mum.id, 'their-mum', ...garbage],
      factorId: [...CATALOGUE.factors.slice(0, 12).map((f) => f.id), ...garbage],
      alertId: [...(alert ? [alert.id] : []), ...garbage],
    });
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } }>();
    components = document.components?.schemas ?? {};
    operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]): [string, string, Operation] => [method.toUpperCase(), path, operation]));
  });
  after(async () => t.close());

  it('finds the operations to attack', () => {
    assert.ok(operations.length >= 20, String(operations.length));
  });

  it('never answers 5xx, always matches the published reply schema, and writes nothing when it refuses', async (context) => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let requests = 0;
    for (const [method, path, operation] of operations) {
      const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path');
      const queryParams = (operation.parameters ?? []).filter((p) => p.in === 'query');
      const bodySchema = operation.requestBody ? Object.values(operation.requestBody.content)[0]?.schema : undefined;
      const request = fc.record({
        path: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, fc.constantFrom(...(ids[p.name] ?? ['x']))]))),
        query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, valueFor(p.schema, components)])), { requiredKeys: [] }),
        body: bodySchema ? bodyFor(bodySchema, components) : fc.constant(undefined),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ path: params, query, body }) => {
          const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
          const search = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)])).toString();
          // Only a refused write is checked against the counts before it.
          const before = method === 'GET' ? undefined : await rowCounts(t.ctx.db);
          const response = await t.app.inject({
            method: method as 'GET',
            url: `${url}${search ? `?${search}` : ''}`,
            headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
            ...(body === undefined ? {} : { payload: body }),
          });
          requests++;
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          const where = `${method} ${path} → ${String(response.statusCode)}`;
          if (response.statusCode >= 500) failures.push(`${where}: ${response.body.slice(0, 200)} for ${body?.slice(0, 200) ?? '(no body)'}`);
          else if (response.statusCode >= 400 && method !== 'GET') {
            const after = await rowCounts(t.ctx.db);
            if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${where} changed rows: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
          }
        }),
        { numRuns: RUNS_PER_OPERATION, seed: 20261203, endOnFailure: true },
      );
    }
    context.diagnostic(`${String(requests)} requests over ${String(operations.length)} operations; answers: ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${String(status)}×${String(n)}`).join(', ')}`);
    assert.deepEqual(failures.slice(0, 10), []);
    assert.ok(requests >= operations.length * RUNS_PER_OPERATION);
  });
});
