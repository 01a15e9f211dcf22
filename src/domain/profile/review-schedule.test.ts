import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DUE_SOON_DAYS, REVIEW_INTERVAL_WEEKS, byReviewUrgency, nextReviewDate, reviewState, type NextReview, type ReviewStatus } from './review-schedule.ts';
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

describe('how pressing the next review is', () => {
  const today = '2026-11-22';
  const due = (dueOn: string): NextReview => ({ reason: 'scheduled', dueOn });

  it('is never reviewed, so due now, when the profile was never reviewed', () => {
    assert.equal(reviewState({ reason: 'never-reviewed', dueOn: null }, today), 'never-reviewed');
  });

  it('is overdue once the due day has passed, however long ago', () => {
    assert.equal(reviewState(due('2026-11-21'), today), 'overdue');
    assert.equal(reviewState(due('2026-10-29'), today), 'overdue');
    assert.equal(reviewState(due('2025-11-22'), today), 'overdue');
  });

  it('is due soon, not overdue, on the due day itself', () => {
    assert.equal(reviewState(due('2026-11-22'), today), 'due-soon');
  });

  it('is due soon up to and including seven days from today', () => {
    assert.equal(DUE_SOON_DAYS, 7);
    assert.equal(reviewState(due('2026-11-23'), today), 'due-soon');
    assert.equal(reviewState(due('2026-11-29'), today), 'due-soon');
    assert.equal(reviewState(due('2026-11-30'), today), 'scheduled');
    assert.equal(reviewState(due('2027-02-01'), today), 'scheduled');
  });

  it('counts across month and year ends', () => {
    assert.equal(reviewState(due('2027-01-07'), '2026-12-31'), 'due-soon');
    assert.equal(reviewState(due('2027-01-08'), '2026-12-31'), 'scheduled');
    assert.equal(reviewState(due('2026-12-31'), '2027-01-01'), 'overdue');
    assert.equal(reviewState(due('2028-03-07'), '2028-02-29'), 'due-soon');
    assert.equal(reviewState(due('2028-03-08'), '2028-02-29'), 'scheduled');
  });

  it('treats a review brought forward by a trigger event like any other due date', () => {
    assert.equal(reviewState({ reason: 'trigger-event', dueOn: '2026-11-20', eventId: 'e' }, today), 'overdue');
    assert.equal(reviewState({ reason: 'trigger-event', dueOn: '2026-11-22', eventId: 'e' }, today), 'due-soon');
  });

  it('classifies what nextReviewDate gives', () => {
    assert.equal(reviewState(nextReviewDate('child-protection', '2026-10-24', []), today), 'overdue');
    assert.equal(reviewState(nextReviewDate('child-protection', '2026-10-25', []), today), 'due-soon');
    assert.equal(reviewState(nextReviewDate('child-protection', '2026-11-01', []), today), 'due-soon');
    assert.equal(reviewState(nextReviewDate('child-protection', '2026-11-02', []), today), 'scheduled');
    assert.equal(reviewState(nextReviewDate('universal', null, []), today), 'never-reviewed');
  });
});

describe('ordering reviews by how pressing they are', () => {
  const status = (state: ReviewStatus['state'], dueOn: string | null): ReviewStatus => ({ state, dueOn });

  it('puts overdue first, then never reviewed, then due soon, then the rest', () => {
    const sorted = [status('scheduled', '2026-12-01'), status('due-soon', '2026-11-25'), status('never-reviewed', null), status('overdue', '2026-11-01')].sort(byReviewUrgency);
    assert.deepEqual(
      sorted.map((s) => s.state),
      ['overdue', 'never-reviewed', 'due-soon', 'scheduled'],
    );
  });

  it('orders within a state by due date, the longest overdue first', () => {
    const sorted = [status('overdue', '2026-11-10'), status('overdue', '2026-09-30'), status('scheduled', '2027-01-01'), status('scheduled', '2026-12-13'), status('due-soon', '2026-11-29'), status('due-soon', '2026-11-22')].sort(byReviewUrgency);
    assert.deepEqual(
      sorted.map((s) => s.dueOn),
      ['2026-09-30', '2026-11-10', '2026-11-22', '2026-11-29', '2026-12-13', '2027-01-01'],
    );
  });

  it('compares equal reviews as equal, so a stable sort keeps the order they came in', () => {
    assert.equal(byReviewUrgency(status('never-reviewed', null), status('never-reviewed', null)), 0);
    assert.equal(byReviewUrgency(status('overdue', '2026-11-01'), status('overdue', '2026-11-01')), 0);
    const first = { name: 'first', ...status('due-soon', '2026-11-25') };
    const second = { name: 'second', ...status('due-soon', '2026-11-25') };
    assert.deepEqual(
      [first, second].sort(byReviewUrgency).map((s) => s.name),
      ['first', 'second'],
    );
  });
});
