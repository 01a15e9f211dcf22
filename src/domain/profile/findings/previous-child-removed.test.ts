import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assess, everythingExcluded, facts, finding, mother, person, withAssessment } from '../profile.test-support.ts';

const partner = person('partner', { name: 'Dean Marsh', relationshipToInfant: 'mothers-partner', livesInHousehold: false, caresForInfant: false, visitsRegularly: true, sex: 'male' });
const base = everythingExcluded(['mother', 'partner']);
const people = [mother(), partner];

describe('previous-child-removed', () => {
  it('fires, high, when a carer had a child removed, with the detail', () => {
    const input = facts({ people, assessments: withAssessment(base, assess('previous-child-harmed-or-removed', 'present', { personId: 'mother', detail: 'Two children adopted in 2021' })) });
    const found = finding(input, 'previous-child-removed');
    assert.equal(found?.severity, 'high');
    assert.equal(found?.rationale, 'Grace Okafor (mother) has harmed a child before or had a child removed: Two children adopted in 2021.');
    assert.deepEqual(found?.personIds, ['mother']);
  });

  it('fires for a regular visitor with that history: he may be alone with the baby', () => {
    const input = facts({ people, assessments: withAssessment(base, assess('previous-child-harmed-or-removed', 'present', { personId: 'partner' })) });
    assert.deepEqual(finding(input, 'previous-child-removed')?.personIds, ['partner']);
  });

  it('does not fire when excluded, not yet assessed, or not assessable (that is hidden risk)', () => {
    assert.equal(finding(facts({ people, assessments: base }), 'previous-child-removed'), undefined);
    const open = base.filter((a) => a.factorId !== 'previous-child-harmed-or-removed');
    assert.equal(finding(facts({ people, assessments: open }), 'previous-child-removed'), undefined);
    const hidden = withAssessment(base, assess('previous-child-harmed-or-removed', 'cannot-assess', { personId: 'partner' }));
    assert.equal(finding(facts({ people, assessments: hidden }), 'previous-child-removed'), undefined);
    assert.ok(finding(facts({ people, assessments: hidden }), 'hidden-risk'));
  });

  it('does not fire for someone in the record who is not around the baby', () => {
    const grandfather = person('grandad', { relationshipToInfant: 'grandparent', livesInHousehold: false, caresForInfant: false, visitsRegularly: false });
    const input = facts({ people: [...people, grandfather], assessments: withAssessment(base, assess('previous-child-harmed-or-removed', 'present', { personId: 'grandad' })) });
    assert.equal(finding(input, 'previous-child-removed'), undefined);
  });
});
