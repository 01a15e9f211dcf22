import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RouteOptions } from 'fastify';
import { requireBearer } from './bearer-auth.ts';
import { errorResponse } from './schemas.ts';
import { addStandardErrorResponses, standardErrorStatuses } from './standard-responses.ts';

const handler = async () => ({});
const route = (extra: Partial<RouteOptions>): RouteOptions => ({ method: 'GET', url: '/things', handler, ...extra });

describe('the error answers every API operation publishes', () => {
  it('gives every operation 400, 500 and 503; the token check 401 and 403; a body 413 and 415; a rate limit 429', () => {
    assert.deepEqual(standardErrorStatuses(route({})), [400, 500, 503]);
    assert.deepEqual(standardErrorStatuses(route({ preHandler: requireBearer })), [400, 401, 403, 500, 503]);
    assert.deepEqual(standardErrorStatuses(route({ preHandler: [requireBearer] })), [400, 401, 403, 500, 503]);
    assert.deepEqual(standardErrorStatuses(route({ method: 'POST', preHandler: requireBearer })), [400, 401, 403, 413, 415, 500, 503]);
    assert.deepEqual(standardErrorStatuses(route({ method: 'DELETE', preHandler: requireBearer, config: { scope: 'any' } })), [400, 401, 413, 415, 500, 503]);
    assert.deepEqual(standardErrorStatuses(route({ method: 'POST', config: { rateLimit: { max: 5, timeWindow: '1 minute' } } })), [400, 413, 415, 429, 500, 503]);
  });

  it('adds those the operation does not publish itself, as the API error, and keeps its own', () => {
    const own = { 200: { type: 'object' }, 400: { title: 'OperationOutcome' } };
    const options = route({ schema: { tags: ['things'], response: own } });
    addStandardErrorResponses(options);
    assert.deepEqual(options.schema?.response, { ...own, 500: errorResponse(500), 503: errorResponse(503) });
    assert.deepEqual(own, { 200: { type: 'object' }, 400: { title: 'OperationOutcome' } }, 'the route\'s own object is not changed');
  });

  it('leaves a route with no schema, or hidden from the document, alone', () => {
    const bare = route({});
    addStandardErrorResponses(bare);
    assert.equal(bare.schema, undefined);
    const hidden = route({ schema: { hide: true } });
    addStandardErrorResponses(hidden);
    assert.deepEqual(hidden.schema, { hide: true });
  });
});
