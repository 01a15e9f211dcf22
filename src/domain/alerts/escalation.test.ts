import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acknowledgedAutomatically, escalationCutoff } from './escalation.ts';

const raisedAt = new Date('2026-11-22T09:00:00Z');

describe('escalation of an alert nobody has acknowledged', () => {
  it('is due for alerts raised the configured hours ago or earlier', () => {
    assert.deepEqual(escalationCutoff(new Date('2026-11-22T13:00:00Z'), 4), raisedAt);
    assert.deepEqual(escalationCutoff(new Date('2026-11-23T09:00:00Z'), 24), raisedAt);
    assert.deepEqual(escalationCutoff(new Date('2026-11-22T10:30:00Z'), 1), new Date('2026-11-22T09:30:00Z'));
  });

  it('tells the automatic acknowledgement of whoever raised it (no note) from a person’s', () => {
    assert.equal(acknowledgedAutomatically({ acknowledgedAt: raisedAt, note: null }), true);
    assert.equal(acknowledgedAutomatically({ acknowledgedAt: raisedAt, note: 'Visit booked' }), false);
    assert.equal(acknowledgedAutomatically({ acknowledgedAt: null, note: null }), false);
  });
});
