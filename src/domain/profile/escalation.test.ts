import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESCALATION_DECISION_IDS, criticalFindingsWithoutDecision, isEscalationDecision, type FindingInView } from './escalation.ts';

const injury: FindingInView = { id: 'non-mobile-injury', severity: 'critical' };
const sleep: FindingInView = { id: 'unsafe-sleep-combination', severity: 'critical' };
const abuse: FindingInView = { id: 'domestic-abuse', severity: 'high' };

describe('escalation decisions', () => {
  it('are the five the issue names, with stable ids', () => {
    assert.deepEqual(ESCALATION_DECISION_IDS, ['no-further-action', 'universal-plus', 'early-help-assessment', 'referral-to-childrens-social-care', 'strategy-discussion']);
    assert.equal(isEscalationDecision('strategy-discussion'), true);
    assert.equal(isEscalationDecision('toString'), false);
    assert.equal(isEscalationDecision(''), false);
  });
});

describe('critical findings that stop the profile being marked reviewed', () => {
  it('are every critical finding when no decision has been recorded', () => {
    assert.deepEqual(criticalFindingsWithoutDecision([injury, sleep, abuse], [], null), [injury, sleep]);
  });

  it('never include high or attention findings', () => {
    assert.deepEqual(criticalFindingsWithoutDecision([abuse, { id: 'unverified-exclusion', severity: 'attention' }], [], null), []);
  });

  it('leave out a critical finding a decision had in view', () => {
    const decisions = [{ decidedAt: '2026-11-20T10:00:00.000Z', findings: [injury, abuse] }];
    assert.deepEqual(criticalFindingsWithoutDecision([injury, sleep, abuse], decisions, null), [sleep]);
  });

  it('do not count a decision made before the last review: each review needs its own', () => {
    const decisions = [{ decidedAt: '2026-11-01T10:00:00.000Z', findings: [injury] }];
    assert.deepEqual(criticalFindingsWithoutDecision([injury], decisions, '2026-11-10T09:00:00.000Z'), [injury]);
    assert.deepEqual(criticalFindingsWithoutDecision([injury], decisions, '2026-10-31T09:00:00.000Z'), []);
  });

  it('do not count a decision made at the very moment of the last review', () => {
    const decisions = [{ decidedAt: '2026-11-10T09:00:00.000Z', findings: [injury] }];
    assert.deepEqual(criticalFindingsWithoutDecision([injury], decisions, '2026-11-10T09:00:00.000Z'), [injury]);
  });

  it('are empty when there is nothing critical', () => {
    assert.deepEqual(criticalFindingsWithoutDecision([], [], null), []);
  });
});
