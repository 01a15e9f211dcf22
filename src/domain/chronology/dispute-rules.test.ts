import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDispute, DISPUTE_LIMITS } from './dispute-rules.ts';

describe('checking a dispute', () => {
  it('takes who disputes it and what they say, trimmed', () => {
    assert.deepEqual(checkDispute({ disputedBy: ' the mother, Jo Smith ', text: ' I was at work that day ' }), { ok: true, dispute: { disputedBy: 'the mother, Jo Smith', text: 'I was at work that day' } });
  });

  it('needs both, each at its own path', () => {
    assert.deepEqual(checkDispute({}), { ok: false, problems: [{ path: '/disputedBy', code: 'disputed-by-missing' }, { path: '/text', code: 'text-missing' }] });
    assert.deepEqual(checkDispute({ disputedBy: '  ', text: 'x' }), { ok: false, problems: [{ path: '/disputedBy', code: 'disputed-by-missing' }] });
  });

  it('refuses either too long', () => {
    assert.equal(checkDispute({ disputedBy: 'x'.repeat(DISPUTE_LIMITS.disputedBy), text: 'x' }).ok, true);
    assert.deepEqual(checkDispute({ disputedBy: 'x'.repeat(DISPUTE_LIMITS.disputedBy + 1), text: 'y'.repeat(DISPUTE_LIMITS.text + 1) }), {
      ok: false,
      problems: [{ path: '/disputedBy', code: 'disputed-by-too-long' }, { path: '/text', code: 'text-too-long' }],
    });
  });
});
