import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assess, baby, carerSays, event, everythingExcluded, facts, finding, mother, person, record, seen, withAssessment } from '../profile.test-support.ts';
import type { FactorAssessment, ProfileFacts } from '../profile.types.ts';

const base = everythingExcluded(['mother', 'visitor']);
const withAll = (...changes: FactorAssessment[]): FactorAssessment[] => changes.reduce(withAssessment, base);
const people = [mother(), person('visitor', { name: 'Lee Carter', relationshipToInfant: 'friend', livesInHousehold: false, caresForInfant: false, visitsRegularly: true, sex: 'male' })];
const input = (overrides: Partial<ProfileFacts>) => facts({ people, assessments: base, ...overrides });

const unsafeSleep = assess('unsafe-sleep', 'present', { detail: 'Falls asleep with the baby on the sofa' });
const motherDrinks = assess('alcohol-misuse', 'present', { personId: 'mother', pattern: 'stable', detail: 'Drinks most evenings' });

describe('unsafe-sleep-combination', () => {
  it('fires, critical, for unsafe sleep and a carer who misuses alcohol, naming her', () => {
    const found = finding(input({ assessments: withAll(unsafeSleep, motherDrinks) }), 'unsafe-sleep-combination');
    assert.equal(found?.severity, 'critical');
    assert.equal(found?.rationale, "Unsafe sleep is recorded for Ruby Okafor (Falls asleep with the baby on the sofa), together with Grace Okafor's alcohol misuse.");
    assert.deepEqual(found?.personIds, ['mother']);
    assert.deepEqual(found?.factorIds, ['unsafe-sleep', 'alcohol-misuse']);
  });

  it('fires for unsafe sleep and drug misuse', () => {
    assert.ok(finding(input({ assessments: withAll(unsafeSleep, assess('drug-misuse', 'present', { personId: 'mother', pattern: 'stable' })) }), 'unsafe-sleep-combination'));
  });

  it('fires for unsafe sleep and smoking', () => {
    assert.match(finding(input({ assessments: withAll(unsafeSleep, assess('smoking-in-home', 'present')) }), 'unsafe-sleep-combination')?.rationale ?? '', /a carer who smokes/);
  });

  it('fires for unsafe sleep with a premature or small baby', () => {
    const premature = finding(input({ infant: baby({ gestationAtBirthWeeks: 35 }), assessments: withAll(unsafeSleep) }), 'unsafe-sleep-combination');
    assert.match(premature?.rationale ?? '', /birth before 37 weeks \(Born at 35 weeks\)/);
    assert.ok(finding(input({ infant: baby({ birthWeightGrams: 2300 }), assessments: withAll(unsafeSleep) }), 'unsafe-sleep-combination'));
  });

  it('does not fire for unsafe sleep alone', () => {
    assert.equal(finding(input({ assessments: withAll(unsafeSleep) }), 'unsafe-sleep-combination'), undefined);
  });

  it('does not fire for drinking when sleep is safe', () => {
    assert.equal(finding(input({ assessments: withAll(motherDrinks) }), 'unsafe-sleep-combination'), undefined);
  });

  it('does not fire for unsafe sleep excluded on the carers’ word (that is an unverified exclusion instead)', () => {
    const sleepDenied = assess('unsafe-sleep', 'excluded', { evidence: [carerSays('absent', 'Baby sleeps in the cot')] });
    const evaluation = input({ assessments: withAll(sleepDenied, motherDrinks) });
    assert.equal(finding(evaluation, 'unsafe-sleep-combination'), undefined);
    assert.ok(finding(evaluation, 'unverified-exclusion'));
  });

  it('does not count a visitor who neither lives with nor cares for the baby as the carer', () => {
    const visitorDrinks = assess('alcohol-misuse', 'present', { personId: 'visitor', pattern: 'chaotic' });
    assert.equal(finding(input({ assessments: withAll(unsafeSleep, visitorDrinks) }), 'unsafe-sleep-combination'), undefined);
  });

  it('fires when drinking was excluded on the mother’s word but a police record says she drinks', () => {
    const disputed = assess('alcohol-misuse', 'excluded', { personId: 'mother', evidence: [carerSays('absent'), record('present', 'Arrested drunk')] });
    assert.ok(finding(input({ assessments: withAll(unsafeSleep, disputed) }), 'unsafe-sleep-combination'));
  });

  it('fires on an observation of unsafe sleep not yet assessed, and a rise in drinking reported by an event', () => {
    const sleepSeen = assess('unsafe-sleep', 'not-assessed', { evidence: [seen('present', 'Baby asleep on the sofa beside mother')] });
    const drinking = event('e1', 'substance-use-increase', { personIds: ['mother'], substance: 'alcohol' });
    assert.ok(finding(input({ assessments: withAll(sleepSeen), events: [drinking] }), 'unsafe-sleep-combination'));
  });
});
