// The database rate-limit store on its own: one row per route and client, counted in a window that
// begins at the first hit, a new window after it ends, no address in clear, ended windows pruned.
import assert from 'node:assert/strict';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { after, before, describe, it } from 'node:test';
import { TestClock } from '../../../test/helpers/test-clock.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { databaseRateLimitStore, PRUNE_EVERY_MS } from './rate-limit-store.ts';

const SECRET = 'a-service-secret-that-is-long-enough-0123456789';
const MINUTE = 60_000;
const ADDRESS = '203.0.113.7';

function routeStore(database: TestDatabase, clock: TestClock, url: string, secret = SECRET): FastifyRateLimitStore {
  const Store = databaseRateLimitStore({ db: database.db, clock, secret });
  return new Store({}).child({ routeInfo: { method: 'POST', url } } as unknown as Parameters<FastifyRateLimitStore['child']>[0]);
}

function hit(store: FastifyRateLimitStore, key = ADDRESS, timeWindow = MINUTE): Promise<{ current: number; ttl: number }> {
  return new Promise((resolve, reject) => store.incr(key, (error, result) => (error ? reject(error) : resolve(result!)), timeWindow, 3));
}

describe('rate limits counted in the database', () => {
  let database: TestDatabase;
  let clock: TestClock;
  const rows = () => database.db.selectFrom('rate_limit_hits').selectAll().execute();

  before(async () => {
    database = await createTestDatabase();
    clock = new TestClock();
  });
  after(async () => {
    await database?.close();
  });

  it('counts each hit in the window that began at the first, saying how long the window has left', async () => {
    const store = routeStore(database, clock, '/sign-in');
    assert.deepEqual(await hit(store), { current: 1, ttl: MINUTE });
    clock.advanceMinutes(0.5);
    assert.deepEqual(await hit(store), { current: 2, ttl: MINUTE / 2 });
    assert.deepEqual(await hit(store), { current: 3, ttl: MINUTE / 2 });
  });

  it('starts a new window, from one, once the last has ended', async () => {
    const store = routeStore(database, clock, '/window');
    await hit(store);
    await hit(store);
    clock.advanceMinutes(1);
    assert.deepEqual(await hit(store), { current: 1, ttl: MINUTE });
  });

  it('counts each route and each client apart, and two stores with the same secret together', async () => {
    const one = routeStore(database, clock, '/apart');
    assert.equal((await hit(one)).current, 1);
    assert.equal((await hit(one, '198.51.100.1')).current, 1, 'another client');
    assert.equal((await hit(routeStore(database, clock, '/apart-too'))).current, 1, 'another route');
    assert.equal((await hit(routeStore(database, clock, '/apart'))).current, 2, 'another process with the same secret');
    assert.equal((await hit(routeStore(database, clock, '/apart', `${SECRET}-other`))).current, 1, 'another secret hashes to another key');
  });

  it('keeps no client address in clear, only a keyed hash', async () => {
    await hit(routeStore(database, clock, '/clear'));
    for (const row of await rows()) {
      assert.match(row.key_hash, /^[0-9a-f]{64}$/);
      assert.ok(!JSON.stringify(row).includes(ADDRESS));
    }
  });

  it('deletes ended windows before a hit, at most once a minute', async () => {
    const store = routeStore(database, clock, '/prune');
    await hit(store, 'first');
    clock.advanceMinutes(2);
    await hit(store, 'second', 10_000);
    assert.deepEqual((await rows()).map((row) => row.hits), [1], 'every ended window deleted, the new one kept');
    clock.advanceMinutes(0.5);
    await hit(store, 'third');
    assert.equal((await rows()).length, 2, 'the second window has ended but is not deleted again within the minute');
    clock.advanceMinutes(PRUNE_EVERY_MS / MINUTE - 0.25);
    await hit(store, 'fourth');
    assert.equal((await rows()).length, 2, 'over a minute since the last, the second window is deleted; the third and fourth are kept');
  });
});
