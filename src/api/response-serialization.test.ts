import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { closedSchema, serializerCompiler } from './response-serialization.ts';

const Reply = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] };

async function appAnswering(body: unknown, checkAgainstSchema: boolean) {
  const app = Fastify();
  app.setSerializerCompiler(serializerCompiler(checkAgainstSchema));
  app.get('/thing', { schema: { response: { 200: Reply } } }, () => body);
  const response = await app.inject({ method: 'GET', url: '/thing' });
  await app.close();
  return response;
}

describe('the replies checked against their published schemas', () => {
  it('closes every object that lists its properties, unless it says otherwise', () => {
    assert.deepEqual(closedSchema({ type: 'object', properties: { inner: { type: 'object', properties: {} } } }), {
      type: 'object',
      properties: { inner: { type: 'object', properties: {}, additionalProperties: false } },
      additionalProperties: false,
    });
    assert.deepEqual(closedSchema({ type: 'object', properties: {}, additionalProperties: true }), { type: 'object', properties: {}, additionalProperties: true });
  });

  it('writes a reply that matches its schema as JSON, every field kept', async () => {
    const response = await appAnswering({ name: 'Ava' }, true);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { name: 'Ava' });
  });

  it('fails a reply with a field its schema does not declare, or without one it requires, when checking', async () => {
    for (const body of [{ name: 'Ava', extra: 1 }, {}]) {
      const response = await appAnswering(body, true);
      assert.equal(response.statusCode, 500, JSON.stringify(body));
      assert.match(response.json<{ message: string }>().message, /The 200 reply of GET \/thing does not match its published schema/);
    }
  });

  it('checks each route on its first reply, the same schema in a second app alike', async () => {
    assert.equal((await appAnswering({ name: 'Ava', extra: 1 }, true)).statusCode, 500);
    assert.equal((await appAnswering({ name: 'Ava' }, true)).statusCode, 200);
  });

  it('writes what it is given, declared or not, when not checking (a running service)', async () => {
    const response = await appAnswering({ name: 'Ava', extra: 1 }, false);
    assert.deepEqual(response.json(), { name: 'Ava', extra: 1 });
  });
});
