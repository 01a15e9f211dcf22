import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAfter } from './profile-dates.ts';

describe('profile dates', () => {
  it('say whether an event came after a review: on the same day only when times say so', () => {
    assert.equal(isAfter('2026-11-10', '2026-11-09'), true);
    assert.equal(isAfter('2026-11-10', '2026-11-10'), false);
    assert.equal(isAfter('2026-11-10T10:00:00Z', '2026-11-10T09:00:00Z'), true);
    assert.equal(isAfter('2026-11-10T10:00:00Z', '2026-11-10'), false);
    assert.equal(isAfter('not a date', '2026-11-10'), false);
  });
});
