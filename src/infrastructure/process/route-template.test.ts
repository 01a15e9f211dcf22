import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify, { type FastifyRequest } from 'fastify';
import { routeTemplate } from './route-template.ts';

describe('routeTemplate', () => {
  it('gives what request.routeOptions.url gives, as a request starts and ends: a route, parameters, HEAD, a prefix, another method, no route', async () => {
    const app = Fastify();
    const seen: [string | undefined, string | undefined][] = [];
    const see = (request: FastifyRequest) => seen.push([routeTemplate(request), request.routeOptions.url]);
    app.addHook('onRequest', (request, _reply, done) => {
      see(request);
      done();
    });
    app.addHook('onResponse', (request, _reply, done) => {
      see(request);
      done();
    });
    app.get('/cases/:caseId', (_request, reply) => reply.send('a case'));
    app.post('/cases/:caseId/events', () => 'event');
    app.get('/health/live', (_request, reply) => reply.send('live'));
    await app.register((child, _options, done) => {
      child.get('/tokens/:tokenId', () => 'token');
      done();
    }, { prefix: '/api/v1' });
    for (const [method, url] of [
      ['GET', '/cases/c-1?nhsNumber=9434765919'],
      ['HEAD', '/cases/c-1'],
      ['POST', '/cases/123/events'],
      ['GET', '/api/v1/tokens/9'],
      ['GET', '/health/live'],
      ['GET', '/no-such-page/9434765919'],
      ['POST', '/health/live'],
    ] as const)
      await app.inject({ method, url });
    await app.close();
    assert.deepEqual(
      seen.map(([template]) => template),
      ['/cases/:caseId', '/cases/:caseId', '/cases/:caseId', '/cases/:caseId', '/cases/:caseId/events', '/cases/:caseId/events', '/api/v1/tokens/:tokenId', '/api/v1/tokens/:tokenId', '/health/live', '/health/live', undefined, undefined, undefined, undefined],
    );
    for (const [template, fromFastify] of seen) assert.equal(template, fromFastify);
  });
});
