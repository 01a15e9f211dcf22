import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assess, everythingExcluded, facts, father, finding, mother, person, withAssessment } from '../profile.test-support.ts';

const people = [mother(), father()];
const base = everythingExcluded(['mother', 'father', 'stranger']);

describe('hidden-risk', () => {
  it('fires, high, for a factor that cannot be assessed, with the reason', () => {
    const input = facts({ people, assessments: withAssessment(base, assess('mental-health', 'cannot-assess', { personId: 'father', reason: 'Will not speak to the social worker' })) });
    const found = finding(input, 'hidden-risk');
    assert.equal(found?.severity, 'high');
    assert.equal(found?.rationale, "Daniel Okafor's mental ill health cannot be assessed: Will not speak to the social worker.");
  });

  it('fires for an adult whose identity is not known', () => {
    const stranger = person('stranger', { name: "Mother's new partner, name unknown", relationshipToInfant: 'mothers-partner', identityKnown: false, historyChecked: false, sex: 'male' });
    const found = finding(facts({ people: [...people, stranger], assessments: base }), 'hidden-risk');
    assert.equal(found?.rationale, "Mother's new partner, name unknown (mother's partner): who they are is not known, and their history has not been checked.");
    assert.deepEqual(found?.personIds, ['stranger']);
  });

  it('fires for a known adult whose history has not been checked', () => {
    const found = finding(facts({ people: [mother(), father({ historyChecked: false })], assessments: base }), 'hidden-risk');
    assert.equal(found?.rationale, 'Daniel Okafor (father): their history has not been checked.');
  });

  it('does not fire when every adult is known and checked and everything is assessed', () => {
    assert.equal(finding(facts({ people, assessments: base }), 'hidden-risk'), undefined);
  });

  it('does not fire for a protective factor that cannot be assessed', () => {
    const input = facts({ people, assessments: withAssessment(base, assess('supportive-partner', 'cannot-assess', { personId: 'father' })) });
    assert.equal(finding(input, 'hidden-risk'), undefined);
  });
});
