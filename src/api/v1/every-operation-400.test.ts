// Every operation of the OpenAPI document publishes the 400 it answers, exactly: the media type and
// the schema of the body it sends. Each is sent a query holding text no database can store, which
// every operation refuses with 400 before anything else of it runs (after the token check, for an
// operation behind it: docs/adr/0024-refused-requests-audited.md). The test app checks each reply's
// body against the schema its operation publishes for the status (checkReplies); this checks the
// media type too, and that the API's error names the field and what is wrong with it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeUser } from '../../../test/helpers/factories.ts';
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
});
