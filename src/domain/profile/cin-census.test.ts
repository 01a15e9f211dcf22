import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cinCensusFactors } from './cin-census.ts';
import { evaluateProfile } from './evaluate-profile.ts';
import { assess, everythingExcluded, facts, father, mother, person, withAssessment } from './profile.test-support.ts';
import type { FactorAssessment } from './profile.types.ts';

const lodger = person('lodger', { name: 'Kim', relationshipToInfant: 'friend', caresForInfant: false });
const visitor = person('friend', { name: 'Lee', relationshipToInfant: 'friend', livesInHousehold: false, caresForInfant: false, visitsRegularly: true });
const people = [mother(), father(), lodger, visitor];
const census = (...changes: FactorAssessment[]) =>
  cinCensusFactors(evaluateProfile(facts({ people, assessments: changes.reduce(withAssessment, everythingExcluded(people.map((p) => p.id))) })));

describe('Children in Need census factors from a profile', () => {
  it('give B for a parent or carer and C for another household member, sorted', () => {
    const result = census(
      assess('mental-health', 'present', { personId: 'mother' }),
      assess('alcohol-misuse', 'present', { personId: 'lodger', pattern: 'stable' }),
      assess('domestic-abuse-perpetrator', 'present', { personId: 'father' }),
      assess('domestic-abuse-victim', 'present', { personId: 'mother' }),
    );
    assert.deepEqual(result, { codes: ['1C', '3B', '4B'], toConfirm: [] });
  });

  it('give nothing for a visitor who neither lives with nor cares for the baby', () => {
    assert.deepEqual(census(assess('drug-misuse', 'present', { personId: 'friend', pattern: 'stable' })), { codes: [], toConfirm: [] });
  });

  it('give the baby’s disability 6A, and an injury or unsafe sleep only for the social worker to confirm', () => {
    assert.deepEqual(census(assess('disability-or-complex-health', 'present'), assess('injury', 'present'), assess('unsafe-sleep', 'present')), {
      codes: ['6A'],
      toConfirm: ['16A', '18C'],
    });
  });

  it('give 21 (no factors identified) only for a complete profile with nothing present', () => {
    assert.deepEqual(census(), { codes: ['21'], toConfirm: [] });
    assert.deepEqual(cinCensusFactors(evaluateProfile(facts({ assessments: [] }))), { codes: [], toConfirm: [] });
  });
});
