import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify, { type FastifyReply } from 'fastify';
import { noteRefusedWhenClosed } from '../application/cases/case-closed-for-transfer.ts';
import { runForRequest } from '../infrastructure/process/request-scope.ts';
import { publishedStatuses, publishesStatus } from './published-statuses.ts';

const Reply = { type: 'object', properties: { name: { type: 'string' } } };

/** An app with the check, its routes answering the status asked for; `changes` makes the change a closed case refuses. */
async function appWith(response: Record<string, unknown>, options: { changes?: boolean } = {}) {
  const app = Fastify();
  const told: string[] = [];
  app.addHook('onRequest', (request, _reply, done) => runForRequest(request.id, done));
  await app.register(publishedStatuses, { onUnpublished: (problem) => told.push(problem) });
  const answer = (status: number, reply: FastifyReply) => {
    if (options.changes) noteRefusedWhenClosed();
    return reply.code(status).send({ name: 'Ava' });
  };
  app.get<{ Params: { status: string } }>('/things/:status', { schema: { response } }, async (request, reply) => answer(Number(request.params.status), reply));
  app.get('/page', async (_request, reply) => reply.code(418).send('a page, not an operation'));
  app.get('/published-without-responses', { schema: { tags: ['things'] } }, async () => ({ name: 'Ava' }));
  return { app, told };
}

describe('every API reply has a status its operation publishes', () => {
  it('publishes a status exactly, by its range (4xx, 4XX) or by default', () => {
    assert.equal(publishesStatus({ 200: Reply, 404: Reply }, 404), true);
    assert.equal(publishesStatus({ 200: Reply, '4xx': Reply }, 422), true);
    assert.equal(publishesStatus({ 200: Reply, '4XX': Reply }, 409), true);
    assert.equal(publishesStatus({ 200: Reply, default: Reply }, 503), true);
    assert.equal(publishesStatus({ 200: Reply, 404: Reply }, 409), false);
    assert.equal(publishesStatus({ 200: Reply, '4xx': Reply }, 500), false);
  });

  it('lets a published status through, as the route answered it', async () => {
    const { app, told } = await appWith({ 200: Reply, 404: Reply });
    for (const status of [200, 404]) {
      const response = await app.inject({ method: 'GET', url: `/things/${String(status)}` });
      assert.equal(response.statusCode, status);
      assert.deepEqual(response.json(), { name: 'Ava' });
    }
    assert.deepEqual(told, []);
    await app.close();
  });

  it('answers a status the operation does not publish with a 500 naming the method, route and status, and tells it once', async () => {
    const { app, told } = await appWith({ 200: Reply, 404: Reply });
    const response = await app.inject({ method: 'GET', url: '/things/409' });
    assert.equal(response.statusCode, 500);
    assert.deepEqual(response.json(), { error: { code: 'unpublished-status', message: 'GET /things/:status answered 409, a status its schema.response does not publish', details: [] } });
    // Decided once for the route and status: the second reply is refused the same way.
    assert.equal((await app.inject({ method: 'GET', url: '/things/409' })).statusCode, 500);
    assert.equal((await app.inject({ method: 'GET', url: '/things/200' })).statusCode, 200);
    assert.deepEqual(told, ['GET /things/:status answered 409, a status its schema.response does not publish']);
    await app.close();
  });

  it('asks a request that makes a change a closed case refuses to publish 409, answered or not', async () => {
    const without = await appWith({ 200: Reply }, { changes: true });
    const refused = await without.app.inject({ method: 'GET', url: '/things/200' });
    assert.equal(refused.statusCode, 500);
    assert.match(refused.json<{ error: { message: string } }>().error.message, /^GET \/things\/:status makes a change that a case closed for transfer refuses with 409 closed-for-transfer/);
    assert.equal(without.told.length, 1);
    await without.app.close();

    const withIt = await appWith({ 200: Reply, 409: Reply }, { changes: true });
    assert.equal((await withIt.app.inject({ method: 'GET', url: '/things/200' })).statusCode, 200);
    assert.deepEqual(withIt.told, []);
    await withIt.app.close();

    const notChanging = await appWith({ 200: Reply });
    assert.equal((await notChanging.app.inject({ method: 'GET', url: '/things/200' })).statusCode, 200);
    await notChanging.app.close();
  });

  it('fails an operation of the document (tagged) that publishes no responses, and leaves pages and unknown addresses alone', async () => {
    const { app, told } = await appWith({ 200: Reply });
    assert.equal((await app.inject({ method: 'GET', url: '/page' })).statusCode, 418);
    assert.equal((await app.inject({ method: 'GET', url: '/nowhere' })).statusCode, 404);
    const bare = await app.inject({ method: 'GET', url: '/published-without-responses' });
    assert.equal(bare.statusCode, 500);
    assert.match(bare.json<{ error: { message: string } }>().error.message, /GET \/published-without-responses answered 200 but publishes no responses/);
    assert.equal(told.length, 1);
    await app.close();
  });
});
