import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assess, everythingExcluded, facts, father, finding, mother, withAssessment } from '../profile.test-support.ts';
import type { Protection } from '../profile.types.ts';

const people = [mother(), father()];
const base = everythingExcluded(['mother', 'father']);
const claim = (protection?: Protection) =>
  facts({ people, assessments: withAssessment(base, assess('supportive-partner', 'present', { personId: 'father', detail: 'A protective factor', ...(protection ? { protection } : {}) })) });

describe('protective-claim-unsupported', () => {
  it('fires, attention, for a supportive partner recorded without how or when', () => {
    const found = finding(claim(), 'protective-claim-unsupported');
    assert.equal(found?.severity, 'attention');
    assert.equal(found?.rationale, 'Daniel Okafor is recorded as a supportive partner without saying how he protects the baby or when he is there.');
    assert.deepEqual(found?.personIds, ['father']);
  });

  it('fires when the how is given but not when the partner is there', () => {
    assert.match(finding(claim({ how: 'Does the night feeds', whenPresent: ' ' }), 'protective-claim-unsupported')?.rationale ?? '', /without saying when he is there\.$/);
  });

  it('does not fire when both how and when are said', () => {
    assert.equal(finding(claim({ how: 'Does the night feeds and bath time', whenPresent: 'Evenings and weekends; at work 8 to 6' }), 'protective-claim-unsupported'), undefined);
  });

  it('does not fire when no one is recorded as a supportive partner', () => {
    assert.equal(finding(facts({ people, assessments: base }), 'protective-claim-unsupported'), undefined);
    const excluded = withAssessment(base, assess('supportive-partner', 'excluded', { personId: 'father' }));
    assert.equal(finding(facts({ people, assessments: excluded }), 'protective-claim-unsupported'), undefined);
  });
});
