import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REVIEW_INTERVAL_WEEKS, nextReviewDate } from './review-schedule.ts';
import { event } from './profile.test-support.ts';

describe('the next review date', () => {
  it('adds the level’s interval to the last review', () => {
    assert.deepEqual(nextReviewDate('child-protection', '2026-11-01', []), { reason: 'scheduled', dueOn: '2026-11-29' });
    assert.deepEqual(nextReviewDate('child-in-need', '2026-11-01', []), { reason: 'scheduled', dueOn: '2026-12-13' });
    assert.deepEqual(nextReviewDate('early-help', '2026-11-01', []), { reason: 'scheduled', dueOn: '2026-12-27' });
    assert.deepEqual(nextReviewDate('universal', '2026-11-01', []), { reason: 'scheduled', dueOn: '2027-01-31' });
    assert.deepEqual(nextReviewDate('looked-after', '2026-11-01', []), { reason: 'scheduled', dueOn: '2026-12-13' });
  });

  it('reviews more often the higher the level', () => {
    const { universal, 'early-help': earlyHelp, 'child-in-need': cin, 'child-protection': cp } = REVIEW_INTERVAL_WEEKS;
    assert.ok(cp < cin && cin < earlyHelp && earlyHelp < universal);
  });

  it('brings the review forward to the day of the first trigger event after the last review', () => {
    const events = [event('later', 'change-of-address', { occurredAt: '2026-11-20' }), event('first', 'hospital-discharge', { occurredAt: '2026-11-12T15:00:00Z' })];
    assert.deepEqual(nextReviewDate('universal', '2026-11-01', events), { reason: 'trigger-event', dueOn: '2026-11-12', eventId: 'first' });
  });

  it('ignores events that are not triggers, and triggers the last review saw', () => {
    const events = [event('visit', 'home-visit', { occurredAt: '2026-11-05' }), event('seen', 'birth', { occurredAt: '2026-10-30' })];
    assert.deepEqual(nextReviewDate('child-protection', '2026-11-01', events), { reason: 'scheduled', dueOn: '2026-11-29' });
  });

  it('keeps the scheduled date when a trigger falls after it', () => {
    assert.deepEqual(nextReviewDate('child-protection', '2026-11-01', [event('e', 'police-incident', { occurredAt: '2026-12-10' })]), { reason: 'scheduled', dueOn: '2026-11-29' });
  });

  it('is due now when the profile was never reviewed', () => {
    assert.deepEqual(nextReviewDate('universal', null, []), { reason: 'never-reviewed', dueOn: null });
  });

  it('takes the intervals as configuration', () => {
    assert.deepEqual(nextReviewDate('universal', '2026-11-01', [], { ...REVIEW_INTERVAL_WEEKS, universal: 1 }), { reason: 'scheduled', dueOn: '2026-11-08' });
  });
});
