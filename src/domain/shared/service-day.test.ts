import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serviceToday } from './service-day.ts';

describe('the service’s today', () => {
  it('is the London day: in summer an hour ahead of UTC, in winter the same', () => {
    assert.equal(serviceToday(new Date('2027-06-30T23:30:00Z')), '2027-07-01');
    assert.equal(serviceToday(new Date('2026-12-31T23:30:00Z')), '2026-12-31');
    assert.equal(serviceToday(new Date('2027-01-01T00:00:00Z')), '2027-01-01');
  });

  it('follows the clock change: 23:30 UTC is still the same day the night before summer time starts, and the next day the night after', () => {
    assert.equal(serviceToday(new Date('2027-03-27T23:30:00Z')), '2027-03-27');
    assert.equal(serviceToday(new Date('2027-03-28T23:30:00Z')), '2027-03-29');
  });
});
