import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sessionEndedBecause } from './session-expiry.ts';

const limits = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };
const signedInAt = Date.parse('2026-11-22T09:00:00Z');

describe('when a session ends', () => {
  it('is in force while used within the idle limit and before the absolute limit', () => {
    assert.equal(sessionEndedBecause({ signedInAt, lastSeenAt: signedInAt }, signedInAt + limits.idleMs - 1, limits), null);
  });

  it('ends when idle for the idle limit, to the millisecond', () => {
    assert.equal(sessionEndedBecause({ signedInAt, lastSeenAt: signedInAt }, signedInAt + limits.idleMs, limits), 'idle');
  });

  it('ends at the absolute limit however recently it was used, and says idle first when both apply', () => {
    const now = signedInAt + limits.absoluteMs;
    assert.equal(sessionEndedBecause({ signedInAt, lastSeenAt: now - 1 }, now, limits), 'absolute');
    assert.equal(sessionEndedBecause({ signedInAt, lastSeenAt: signedInAt }, now, limits), 'idle');
  });

  it('counts a time not known as long ago', () => {
    assert.equal(sessionEndedBecause({ signedInAt: undefined, lastSeenAt: undefined }, signedInAt, limits), 'idle');
  });
});
