import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assess, everythingExcluded, facts, finding, mother, person, withAssessment } from '../profile.test-support.ts';
import type { FactorAssessment } from '../profile.types.ts';

const visitor = person('gran', { name: 'Ada Okafor', relationshipToInfant: 'grandparent', livesInHousehold: false, caresForInfant: false, visitsRegularly: true });
const people = [mother(), visitor];
const base = everythingExcluded(['mother', 'gran']);
const withAll = (...changes: FactorAssessment[]) => facts({ people, assessments: changes.reduce(withAssessment, base) });
const angry = (personId = 'mother') => assess('harmful-stress-response', 'present', { personId, detail: 'Shouts and throws things when tired' });

describe('stress-response', () => {
  it('fires, high, for a carer’s harmful response to stress and a baby who is hard to settle', () => {
    const found = finding(withAll(angry(), assess('hard-to-soothe', 'present')), 'stress-response');
    assert.equal(found?.severity, 'high');
    assert.equal(found?.rationale, 'Grace Okafor is known to respond to stress harmfully (Shouts and throws things when tired), and the home is under pressure from crying or being hard to settle.');
    assert.deepEqual(found?.factorIds, ['harmful-stress-response', 'hard-to-soothe']);
  });

  it('fires for a toddler at home, filled in from the record', () => {
    const toddler = person('toby', { name: 'Toby', relationshipToInfant: 'sibling', dateOfBirth: '2025-09-01' });
    const found = finding({ ...withAll(angry()), people: [...people, toddler] }, 'stress-response');
    assert.match(found?.rationale ?? '', /another child under two at home/);
  });

  it('fires for a household pressure: poverty, housing, conflict, a child with additional needs', () => {
    for (const id of ['material-hardship', 'housing-instability', 'parental-conflict', 'child-with-additional-needs', 'bereavement'] as const) {
      assert.ok(finding(withAll(angry(), assess(id, 'present')), 'stress-response'), id);
    }
  });

  it('fires for feeding difficulty or a baby’s complex health needs', () => {
    assert.ok(finding(withAll(angry(), assess('feeding-difficulty', 'present')), 'stress-response'));
    assert.ok(finding(withAll(angry(), assess('disability-or-complex-health', 'present')), 'stress-response'));
  });

  it('does not fire for a harmful response with no stressor present', () => {
    assert.equal(finding(withAll(angry()), 'stress-response'), undefined);
  });

  it('does not count unsafe sleep or smoking as stressors: they are hazards', () => {
    assert.equal(finding(withAll(angry(), assess('unsafe-sleep', 'present'), assess('smoking-in-home', 'present')), 'stress-response'), undefined);
  });

  it('does not fire for stressors when no carer’s response is harmful', () => {
    assert.equal(finding(withAll(assess('hard-to-soothe', 'present'), assess('material-hardship', 'present')), 'stress-response'), undefined);
  });

  it('does not fire for a visitor’s harmful response', () => {
    assert.equal(finding(withAll(angry('gran'), assess('hard-to-soothe', 'present')), 'stress-response'), undefined);
  });
});
