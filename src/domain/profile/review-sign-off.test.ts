import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FindingInView } from './escalation.ts';
import { capReviewByClocks, decideSignOff, findingsWithoutDecision, levelRank, suggestedLevel, type ClockForReview, type SignOffFacts } from './review-sign-off.ts';

const injury: FindingInView = { id: 'non-mobile-injury', severity: 'critical' };
const abuse: FindingInView = { id: 'domestic-abuse', severity: 'high' };
const drink: FindingInView = { id: 'parental-alcohol', severity: 'high' };
const exclusion: FindingInView = { id: 'unverified-exclusion', severity: 'attention' };

const facts = (over: Partial<SignOffFacts>): SignOffFacts => ({ level: 'universal', findings: [], decisions: [], lastReviewedAt: null, levelLoweredAt: null, ...over });

describe('findings that need a decision before sign-off', () => {
  it('are the critical and the high findings when no decision was recorded', () => {
    assert.deepEqual(findingsWithoutDecision([injury, abuse, exclusion], [], null), [injury, abuse]);
  });
  it('never include an attention finding', () => {
    assert.deepEqual(findingsWithoutDecision([exclusion], [], null), []);
  });
  it('leave out those a decision since the last review had in view', () => {
    const decisions = [{ decidedAt: '2026-11-20T10:00:00Z', findings: [abuse] }];
    assert.deepEqual(findingsWithoutDecision([injury, abuse, drink], decisions, '2026-11-10T09:00:00Z'), [injury, drink]);
  });
  it('do not count a decision made before, or at the moment of, the last review', () => {
    for (const decidedAt of ['2026-11-01T10:00:00Z', '2026-11-10T09:00:00Z']) {
      assert.deepEqual(findingsWithoutDecision([abuse], [{ decidedAt, findings: [abuse] }], '2026-11-10T09:00:00Z'), [abuse]);
    }
    assert.deepEqual(findingsWithoutDecision([abuse], [{ decidedAt: '2026-11-10T09:00:01Z', findings: [abuse] }], '2026-11-10T09:00:00Z'), []);
  });
});

describe('the level the findings suggest', () => {
  it('is child protection for a critical finding, child in need for a high one, none for attention', () => {
    assert.deepEqual(suggestedLevel([abuse, injury, exclusion]), { level: 'child-protection', because: [injury] });
    assert.deepEqual(suggestedLevel([abuse, exclusion, drink]), { level: 'child-in-need', because: [abuse, drink] });
    assert.equal(suggestedLevel([exclusion]), null);
    assert.equal(suggestedLevel([]), null);
  });
  it('ranks looked after with child protection, above child in need', () => {
    assert.equal(levelRank('looked-after'), levelRank('child-protection'));
    assert.ok(levelRank('child-in-need') > levelRank('early-help'));
    assert.ok(levelRank('early-help') > levelRank('universal'));
  });
});

describe('signing off a review', () => {
  it('is allowed with no findings, or attention findings only, at any level', () => {
    assert.deepEqual(decideSignOff(facts({})), { ok: true });
    assert.deepEqual(decideSignOff(facts({ findings: [exclusion] })), { ok: true });
  });

  it('asks for a decision for a high finding with none, and says the level is below what it suggests', () => {
    assert.deepEqual(decideSignOff(facts({ level: 'early-help', findings: [abuse] })), {
      ok: false,
      problems: [
        { code: 'decision-needed', findings: [abuse] },
        { code: 'level-below-findings', level: 'early-help', suggested: 'child-in-need', findings: [abuse] },
      ],
    });
  });

  it('is allowed when a decision since the last review had the findings in view, whatever it decided', () => {
    const decisions = [{ decidedAt: '2026-11-20T10:00:00Z', findings: [abuse] }];
    assert.deepEqual(decideSignOff(facts({ level: 'universal', findings: [abuse], decisions, lastReviewedAt: '2026-11-10T09:00:00Z' })), { ok: true });
  });

  it('does not count a decision made before the last review (near miss)', () => {
    const decisions = [{ decidedAt: '2026-11-09T10:00:00Z', findings: [abuse] }];
    const outcome = decideSignOff(facts({ level: 'child-in-need', findings: [abuse], decisions, lastReviewedAt: '2026-11-10T09:00:00Z' }));
    assert.deepEqual(outcome, { ok: false, problems: [{ code: 'decision-needed', findings: [abuse] }] });
  });

  it('needs a decision after the level was last lowered to say why a level below the findings stays', () => {
    const decisions = [{ decidedAt: '2026-11-20T10:00:00Z', findings: [abuse] }];
    const outcome = decideSignOff(facts({ level: 'early-help', findings: [abuse], decisions, lastReviewedAt: '2026-11-10T09:00:00Z', levelLoweredAt: '2026-11-21T09:00:00Z' }));
    assert.deepEqual(outcome, { ok: false, problems: [{ code: 'level-below-findings', level: 'early-help', suggested: 'child-in-need', findings: [abuse] }] });
    const later = [...decisions, { decidedAt: '2026-11-22T10:00:00Z', findings: [abuse, exclusion] }];
    assert.deepEqual(decideSignOff(facts({ level: 'early-help', findings: [abuse], decisions: later, lastReviewedAt: '2026-11-10T09:00:00Z', levelLoweredAt: '2026-11-21T09:00:00Z' })), { ok: true });
  });

  it('does not raise the level rule at or above the suggested level (near miss)', () => {
    assert.deepEqual(decideSignOff(facts({ level: 'child-in-need', findings: [abuse] })), { ok: false, problems: [{ code: 'decision-needed', findings: [abuse] }] });
    assert.deepEqual(decideSignOff(facts({ level: 'looked-after', findings: [injury] })), { ok: false, problems: [{ code: 'decision-needed', findings: [injury] }] });
  });

  it('puts a critical finding below child protection, even at child in need', () => {
    const decisions = [{ decidedAt: '2026-11-20T10:00:00Z', findings: [abuse] }];
    const outcome = decideSignOff(facts({ level: 'child-in-need', findings: [injury, abuse], decisions }));
    assert.deepEqual(outcome, {
      ok: false,
      problems: [
        { code: 'decision-needed', findings: [injury] },
        { code: 'level-below-findings', level: 'child-in-need', suggested: 'child-protection', findings: [injury] },
      ],
    });
  });

  it('needs the decision to have had every suggesting finding in view', () => {
    const decisions = [{ decidedAt: '2026-11-20T10:00:00Z', findings: [abuse] }, { decidedAt: '2026-11-21T10:00:00Z', findings: [drink] }];
    const outcome = decideSignOff(facts({ level: 'universal', findings: [abuse, drink], decisions }));
    assert.deepEqual(outcome, { ok: false, problems: [{ code: 'level-below-findings', level: 'universal', suggested: 'child-in-need', findings: [abuse, drink] }] });
  });
});

describe('the next review capped by the clocks', () => {
  const clock = (id: string, dueOn: string, status: ClockForReview['status'] = 'due'): ClockForReview => ({ id, label: id, dueOn, status });
  const today = '2027-03-01';

  it('is the earliest clock not met, due today or later, when it is sooner than the review', () => {
    const clocks = [clock('first-core-group', '2027-03-20'), clock('first-review-conference', '2027-03-12', 'due-soon')];
    assert.deepEqual(capReviewByClocks('2027-03-29', clocks, today), { clockId: 'first-review-conference', label: 'first-review-conference', dueOn: '2027-03-12' });
  });
  it('can be a clock due today', () => {
    assert.deepEqual(capReviewByClocks('2027-03-29', [clock('assessment', today, 'due-soon')], today)?.dueOn, today);
  });
  it('leaves the review alone when no clock is sooner, or the clock falls on the same day (near miss)', () => {
    assert.equal(capReviewByClocks('2027-03-12', [clock('first-review-conference', '2027-03-12')], today), null);
    assert.equal(capReviewByClocks('2027-03-10', [clock('first-review-conference', '2027-03-12')], today), null);
    assert.equal(capReviewByClocks('2027-03-10', [], today), null);
  });
  it('ignores clocks met or already overdue, and a review due now', () => {
    assert.equal(capReviewByClocks('2027-03-29', [clock('assessment', '2027-03-05', 'met'), clock('referral-decision', '2027-02-27', 'overdue')], today), null);
    assert.equal(capReviewByClocks(null, [clock('assessment', '2027-03-05')], today), null);
  });
});
