// Every operation of the OpenAPI document publishes the 400 it answers, exactly: the media type and
// the schema of the body it sends. Each is sent a query holding text no database can store, which
// every operation refuses with 400 before anything else of it runs (after the token check, for an
// operation behind it: docs/adr/0024-refused-requests-audited.md). The test app checks each reply's
// body against the schema its operation publishes for the status (checkReplies); this checks the
// media type too, and that the API's error names the field and what is wrong with it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

type Operation = { responses: Record<string, { content?: Record<string, unknown> }> };

describe('the 400 of every API operation', () => {
  let t: TestApp;
  let token: string;

  before(async () => {
    t = await createTestApp();
    token = await apiTokenFor(t.ctx, (await makeUser(t.ctx, { name: 'Every Operation' })).email);
  });
  after(() => t.close());

  it('is published with the media type and body the operation sends', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, Operation>> }>();
    const problems: string[] = [];
    let operations = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        operations += 1;
        const url = `${path.replace(/\{[^}]+\}/g, '0190b7a2-0000-7000-8000-000000000000')}?refused=%00`;
        const reply = await t.app.inject({ method: method.toUpperCase() as 'GET', url, headers: { authorization: `Bearer ${token}` }, ...(method === 'get' || method === 'delete' ? {} : { payload: {} }) });
        const published = Object.keys(operation.responses['400']?.content ?? {});
        const sent = String(reply.headers['content-type'] ?? '').split(';')[0]!;
        if (reply.statusCode !== 400) problems.push(`${method} ${path}: answered ${String(reply.statusCode)}`);
        else if (!published.includes(sent)) problems.push(`${method} ${path}: sent ${sent}, publishes ${published.join(', ') || 'no 400'}`);
        else if (published.length !== 1) problems.push(`${method} ${path}: publishes its 400 as ${published.join(', ')}, sends only ${sent}`);
        else if (sent === 'application/json') {
          const { error } = reply.json<{ error: { code: string; details: { path: string; message: string }[] } }>();
          if (error.code !== 'validation-failed' || error.details[0]?.path !== '/refused' || !/cannot be stored|not/.test(error.details[0].message)) problems.push(`${method} ${path}: ${JSON.stringify(error)}`);
        }
      }
    }
    assert.ok(operations > 50, `the document's operations were all sent (${String(operations)})`);
    assert.deepEqual(problems, []);
  });

  type Refusal = { error: { code: string; message: string; details: { path: string; message: string }[] } };
  const send = (method: 'POST' | 'PUT', url: string, payload: unknown, contentType = 'application/json') =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

  it('names the values allowed, once, where a field is one of a list (a token\'s scopes, an entry\'s kind and source)', async () => {
    const tokens = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', payload: { email: 'someone@example.org', password: 'not-checked-yet', scopes: ['admin'] } });
    assert.equal(tokens.statusCode, 400);
    assert.deepEqual(tokens.json<Refusal>().error.details, [{ path: '/scopes/0', message: 'must be one of "read", "write" or "feed"' }]);

    const { id: caseId } = await makeCase(t.ctx);
    const entry = await send('POST', `/api/v1/cases/${caseId}/events`, { kind: 'gossip', occurredAt: '2026-11-01', summary: 'Seen at home', source: 'rumour' });
    assert.equal(entry.statusCode, 400);
    const details = entry.json<Refusal>().error.details;
    assert.deepEqual(details.map((detail) => detail.path), ['/kind', '/source']);
    assert.match(details[0]!.message, /^must be one of "[a-z-]+", .*"case-note".* or "[a-z-]+"$/);
    assert.equal(details[1]!.message, 'must be one of "observed", "agency-record", "third-party", "carer-account" or "professional-judgement"');
    assert.ok(details.every((detail) => !/constant|anyOf|schema/.test(detail.message)), JSON.stringify(details));

    const batch = await send('POST', '/api/v1/events:batch', { entries: [{ caseId, kind: 'gossip', occurredAt: '2026-11-01', summary: 'Seen at home', source: 'observed' }] });
    const rejected = batch.json<{ rejected: { details: { path: string; message: string }[] }[] }>().rejected;
    assert.deepEqual(rejected[0]?.details.map((detail) => detail.path), ['/entries/0/kind'], batch.body);
    assert.match(rejected[0]?.details[0]?.message ?? '', /^must be one of "/);
  });

  it('answers a body of a type the operation does not take 415 with the published error, not a body of the wrong shape', async () => {
    const { id: caseId } = await makeCase(t.ctx);
    for (const [method, url] of [['POST', `/api/v1/cases/${caseId}/events`], ['POST', '/api/v1/events:batch'], ['POST', '/api/v1/tokens']] as const) {
      const reply = await send(method, url, '{"kind":"case-note"}', 'text/plain');
      assert.equal(reply.statusCode, 415, `${method} ${url}: ${reply.body}`);
      assert.equal(reply.json<Refusal>().error.code, 'unsupported-media-type');
    }
  });
});
