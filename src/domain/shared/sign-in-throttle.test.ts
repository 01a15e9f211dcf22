import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterFailedSignIn, isBlocked, NO_FAILURES } from './sign-in-throttle.ts';

const policy = { maxAttempts: 3, blockMinutes: 15 };
const now = new Date('2026-11-22T09:00:00Z');

describe('sign-in throttle', () => {
  it('counts failures below the limit without blocking', () => {
    const state = afterFailedSignIn({ failures: 1, blockedUntil: null }, policy, now);
    assert.deepEqual(state, { failures: 2, blockedUntil: null });
    assert.equal(isBlocked(state, now), false);
  });

  it('blocks for the block period when the limit is reached, and starts the count again', () => {
    const state = afterFailedSignIn({ failures: 2, blockedUntil: null }, policy, now);
    assert.equal(state.failures, 0);
    assert.deepEqual(state.blockedUntil, new Date('2026-11-22T09:15:00Z'));
    assert.equal(isBlocked(state, now), true);
  });

  it('ends the block at the end of the period, not a moment before', () => {
    const state = { failures: 0, blockedUntil: new Date('2026-11-22T09:15:00Z') };
    assert.equal(isBlocked(state, new Date('2026-11-22T09:14:59Z')), true);
    assert.equal(isBlocked(state, new Date('2026-11-22T09:15:00Z')), false);
  });

  it('blocks on the first failure when the limit is one, and never with no failures', () => {
    assert.equal(isBlocked(afterFailedSignIn(NO_FAILURES, { maxAttempts: 1, blockMinutes: 1 }, now), now), true);
    assert.equal(isBlocked(NO_FAILURES, now), false);
  });
});
