import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openWorkKeeping, type OpenWorkFacts } from './open-work.ts';

describe('the open work that keeps a case from disposal', () => {
  const none: OpenWorkFacts = { alertNotTakenUp: false, openPlanAction: false, clocksRunning: [], receiptAwaited: null };

  it('keeps nothing when there is no open work (a transfer whose receipt was confirmed is not waiting)', () => {
    assert.deepEqual(openWorkKeeping(none), []);
  });

  it('keeps a case whose transfer receipt is not confirmed, naming the area and the day it was due', () => {
    assert.deepEqual(openWorkKeeping({ ...none, receiptAwaited: { toArea: 'Northshire County Council', dueOn: '2026-11-30' } }), [
      'a transfer to Northshire County Council whose receipt is not confirmed (due 30 November 2026)',
    ]);
  });

  it('names each kind of open work, in order', () => {
    assert.deepEqual(openWorkKeeping({ alertNotTakenUp: true, openPlanAction: true, clocksRunning: ['Initial conference', 'Core group'], receiptAwaited: { toArea: 'Eastshire', dueOn: '2026-12-01' } }), [
      'an alert nobody has taken up',
      'an open action in the plan',
      'a clock still running: Initial conference',
      'a clock still running: Core group',
      'a transfer to Eastshire whose receipt is not confirmed (due 1 December 2026)',
    ]);
  });
});
