import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { event, facts, finding } from '../profile.test-support.ts';

describe('reassessment-due', () => {
  it('fires, attention, for a trigger event since the last review, naming it', () => {
    const input = facts({ lastReviewedAt: '2026-11-01', events: [event('e1', 'hospital-discharge', { occurredAt: '2026-11-10' })] });
    const found = finding(input, 'reassessment-due');
    assert.equal(found?.severity, 'attention');
    assert.equal(found?.rationale, '1 trigger event since the last review on 1 November 2026: discharged from hospital.');
  });

  it('does not fire for an event that is not a trigger', () => {
    assert.equal(finding(facts({ lastReviewedAt: '2026-11-01', events: [event('e1', 'home-visit', { occurredAt: '2026-11-10' })] }), 'reassessment-due'), undefined);
  });

  it('does not fire for a trigger the last review already saw', () => {
    assert.equal(finding(facts({ lastReviewedAt: '2026-11-15', events: [event('e1', 'change-of-address', { occurredAt: '2026-11-10' })] }), 'reassessment-due'), undefined);
    assert.equal(finding(facts({ lastReviewedAt: '2026-11-10', events: [event('e1', 'change-of-address', { occurredAt: '2026-11-10' })] }), 'reassessment-due'), undefined);
  });

  it('uses times when both have them: an event later on the day of the review re-opens it', () => {
    const later = event('e1', 'police-incident', { occurredAt: '2026-11-10T18:30:00Z' });
    assert.ok(finding(facts({ lastReviewedAt: '2026-11-10T09:00:00Z', events: [later] }), 'reassessment-due'));
    assert.equal(finding(facts({ lastReviewedAt: '2026-11-10T20:00:00Z', events: [later] }), 'reassessment-due'), undefined);
  });

  it('fires for a trigger when the profile was never reviewed', () => {
    assert.match(finding(facts({ lastReviewedAt: null, events: [event('e1', 'birth')] }), 'reassessment-due')?.rationale ?? '', /never been reviewed: birth/);
  });

  it('fires when the review date has passed or is today, not before', () => {
    assert.equal(finding(facts({ reviewDueOn: '2026-11-01' }), 'reassessment-due')?.rationale, 'The review was due on 1 November 2026.');
    assert.equal(finding(facts({ reviewDueOn: '2026-11-22' }), 'reassessment-due')?.rationale, 'The review is due today.');
    assert.equal(finding(facts({ reviewDueOn: '2026-11-23' }), 'reassessment-due'), undefined);
  });
});
