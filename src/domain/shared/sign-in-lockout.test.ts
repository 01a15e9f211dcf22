import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterFailedSignIn, isLocked } from './sign-in-lockout.ts';

const policy = { maxAttempts: 3, lockoutMinutes: 15 };
const now = new Date('2026-11-22T09:00:00Z');

describe('sign-in lock-out', () => {
  it('counts failures below the limit without locking', () => {
    const state = afterFailedSignIn({ failedSignIns: 1, lockedUntil: null }, policy, now);
    assert.deepEqual(state, { failedSignIns: 2, lockedUntil: null });
    assert.equal(isLocked(state, now), false);
  });

  it('locks for the lock-out period when the limit is reached, and resets the count', () => {
    const state = afterFailedSignIn({ failedSignIns: 2, lockedUntil: null }, policy, now);
    assert.equal(state.failedSignIns, 0);
    assert.deepEqual(state.lockedUntil, new Date('2026-11-22T09:15:00Z'));
    assert.equal(isLocked(state, now), true);
  });

  it('unlocks at the end of the period, not a moment before', () => {
    const state = { failedSignIns: 0, lockedUntil: new Date('2026-11-22T09:15:00Z') };
    assert.equal(isLocked(state, new Date('2026-11-22T09:14:59Z')), true);
    assert.equal(isLocked(state, new Date('2026-11-22T09:15:00Z')), false);
  });

  it('locks on the first failure when the limit is one', () => {
    assert.equal(isLocked(afterFailedSignIn({ failedSignIns: 0, lockedUntil: null }, { maxAttempts: 1, lockoutMinutes: 1 }, now), now), true);
  });
});
