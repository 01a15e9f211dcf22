import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sessionTimeLeft, warningLeadSeconds } from './session-time-left.ts';

const limits = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };
const signedInAt = Date.parse('2026-11-22T09:00:00Z');

describe('sessionTimeLeft', () => {
  it('counts from the last use while the idle limit comes first', () => {
    const lastSeenAt = signedInAt + 3_600_000;
    assert.deepEqual(sessionTimeLeft({ signedInAt, lastSeenAt }, lastSeenAt + 10 * 60_000 + 500, limits), { seconds: 19 * 60 + 59, endsBy: 'idle' });
  });

  it('counts to the time limit when it comes before the idle end, however recent the use', () => {
    const lastSeenAt = signedInAt + 12 * 3_600_000 - 5 * 60_000;
    assert.deepEqual(sessionTimeLeft({ signedInAt, lastSeenAt }, lastSeenAt, limits), { seconds: 300, endsBy: 'absolute' });
  });

  it('says idle when both end at the same moment', () => {
    const lastSeenAt = signedInAt + 12 * 3_600_000 - 30 * 60_000;
    assert.equal(sessionTimeLeft({ signedInAt, lastSeenAt }, lastSeenAt, limits).endsBy, 'idle');
  });

  it('never goes below nothing, and a time not known counts as long ago', () => {
    assert.equal(sessionTimeLeft({ signedInAt, lastSeenAt: signedInAt }, signedInAt + 31 * 60_000, limits).seconds, 0);
    assert.equal(sessionTimeLeft({}, signedInAt, limits).seconds, 0);
  });
});

describe('warningLeadSeconds', () => {
  it('warns two minutes before the end', () => {
    assert.equal(warningLeadSeconds(30), 120);
    assert.equal(warningLeadSeconds(4), 120);
  });

  it('warns half way through an idle limit shorter than four minutes', () => {
    assert.equal(warningLeadSeconds(3), 90);
    assert.equal(warningLeadSeconds(1), 30);
  });
});
