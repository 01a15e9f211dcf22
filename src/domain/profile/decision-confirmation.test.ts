// H1 (ADR 0027): a decision below the level a critical finding in view suggests awaits a safeguarding
// lead's confirmation, and counts as no decision until a lead other than the decider confirms it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { confirmationNeeded, confirmRefusal, criticalFindingsWithoutDecision, DECISION_LEVELS, decisionStanding, ESCALATION_DECISION_IDS, leadChoiceProblem, standingInForce, type FindingInView } from './escalation.ts';
import { decideSignOff, findingsWithoutDecision } from './review-sign-off.ts';

const injury: FindingInView = { id: 'non-mobile-injury', severity: 'critical' };
const abuse: FindingInView = { id: 'domestic-abuse', severity: 'high' };
const attention: FindingInView = { id: 'unverified-exclusion', severity: 'attention' };

describe('a decision that needs a safeguarding lead to confirm it', () => {
  it('fires for each decision below child protection with a critical finding in view', () => {
    for (const decision of ['no-further-action', 'universal-plus', 'early-help-assessment', 'referral-to-childrens-social-care'] as const) {
      assert.deepEqual(confirmationNeeded(decision, [injury, abuse]), { level: DECISION_LEVELS[decision], suggested: 'child-protection', findings: [injury] }, decision);
    }
  });

  it('does not fire for a strategy discussion, at the level a critical finding suggests (near miss)', () => {
    assert.equal(confirmationNeeded('strategy-discussion', [injury]), null);
  });

  it('does not fire for high findings alone, even for no further action: the decision is in force on the decider\'s reasoning', () => {
    assert.equal(confirmationNeeded('no-further-action', [abuse]), null);
    assert.equal(confirmationNeeded('no-further-action', [abuse, attention]), null);
  });

  it('does not fire with nothing in view', () => {
    assert.equal(confirmationNeeded('no-further-action', []), null);
  });

  it('maps every decision to a level, lowest first', () => {
    assert.deepEqual(ESCALATION_DECISION_IDS.map((d) => DECISION_LEVELS[d]), ['universal', 'universal', 'early-help', 'child-in-need', 'child-protection']);
  });
});

describe('where a decision stands', () => {
  it('is in force when it needed nobody, confirmed or overturned once a lead answered, awaiting before', () => {
    assert.equal(decisionStanding(false, null), 'in-force');
    assert.equal(decisionStanding(true, null), 'awaiting-confirmation');
    assert.equal(decisionStanding(true, 'confirmed'), 'confirmed');
    assert.equal(decisionStanding(true, 'overturned'), 'overturned');
  });

  it('counts only in force or confirmed', () => {
    assert.deepEqual((['in-force', 'awaiting-confirmation', 'confirmed', 'overturned'] as const).map(standingInForce), [true, false, true, false]);
  });
});

describe('a decision awaiting confirmation counts as no decision', () => {
  const at = '2026-11-20T10:00:00.000Z';
  it('leaves the critical finding without a decision while awaiting, and after it is overturned', () => {
    assert.deepEqual(criticalFindingsWithoutDecision([injury], [{ decidedAt: at, findings: [injury], inForce: false }], null), [injury]);
    assert.deepEqual(findingsWithoutDecision([injury, abuse], [{ decidedAt: at, findings: [injury, abuse], inForce: false }], null), [injury, abuse]);
  });

  it('counts it once in force (confirmed) (near miss)', () => {
    assert.deepEqual(criticalFindingsWithoutDecision([injury], [{ decidedAt: at, findings: [injury], inForce: true }], null), []);
    assert.deepEqual(findingsWithoutDecision([injury], [{ decidedAt: at, findings: [injury] }], null), []);
  });

  it('stops the review being signed off, and does not explain a level below the findings', () => {
    const signOff = decideSignOff({ level: 'universal', findings: [injury], decisions: [{ decidedAt: at, findings: [injury], inForce: false }], lastReviewedAt: null, levelLoweredAt: null });
    assert.deepEqual(signOff, {
      ok: false,
      problems: [
        { code: 'decision-needed', findings: [injury] },
        { code: 'level-below-findings', level: 'universal', suggested: 'child-protection', findings: [injury] },
      ],
    });
  });

  it('lets the review be signed off once confirmed', () => {
    assert.deepEqual(decideSignOff({ level: 'universal', findings: [injury], decisions: [{ decidedAt: at, findings: [injury], inForce: true }], lastReviewedAt: null, levelLoweredAt: null }), { ok: true });
  });
});

describe('who may confirm or overturn', () => {
  const awaiting = { userId: 'lead', role: 'safeguarding-lead', decidedBy: 'practitioner', standing: 'awaiting-confirmation' as const };
  it('is a safeguarding lead other than the decider, on a decision awaiting confirmation', () => {
    assert.equal(confirmRefusal(awaiting), null);
  });
  it('is never the decider, even a lead', () => {
    assert.equal(confirmRefusal({ ...awaiting, userId: 'practitioner' }), 'own-decision');
  });
  it('is never someone without the lead role', () => {
    assert.equal(confirmRefusal({ ...awaiting, role: 'practitioner' }), 'not-a-lead');
    assert.equal(confirmRefusal({ ...awaiting, role: 'manager' }), 'not-a-lead');
  });
  it('is nobody once answered, or for a decision that needed no confirmation', () => {
    for (const standing of ['in-force', 'confirmed', 'overturned'] as const) assert.equal(confirmRefusal({ ...awaiting, standing }), 'not-awaiting');
  });
});

describe('the lead chosen to confirm', () => {
  const offered = [{ userId: 'lead-a' }, { userId: 'lead-b' }];
  it('must be given when a confirmation is needed', () => {
    assert.equal(leadChoiceProblem(true, undefined, offered, 'me'), 'lead-needed');
    assert.equal(leadChoiceProblem(true, '', offered, 'me'), 'lead-needed');
  });
  it('says when no lead other than the decider can see the case', () => {
    assert.equal(leadChoiceProblem(true, undefined, [], 'me'), 'no-lead-can-see');
    assert.equal(leadChoiceProblem(true, undefined, [{ userId: 'me' }], 'me'), 'no-lead-can-see');
  });
  it('must be one of those offered, and not the decider', () => {
    assert.equal(leadChoiceProblem(true, 'typed name', offered, 'me'), 'not-a-lead-offered');
    assert.equal(leadChoiceProblem(true, 'lead-a', offered, 'lead-a'), 'own-confirmation');
    assert.equal(leadChoiceProblem(true, 'lead-b', offered, 'me'), null);
  });
  it('is not asked for when no confirmation is needed', () => {
    assert.equal(leadChoiceProblem(false, undefined, [], 'me'), null);
  });
});
