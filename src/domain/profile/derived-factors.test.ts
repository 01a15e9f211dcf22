import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveAdultFactors, deriveInfantFactors } from './derived-factors.ts';
import { TODAY, baby, person, unbornBaby } from './profile.test-support.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';
import type { InfantFacts, ProfilePerson } from './profile.types.ts';
import type { HouseholdChildren } from '../people/household-children.ts';

const infantFactor = (id: FactorId, infant: InfantFacts, people: ProfilePerson[] = []) => deriveInfantFactors(infant, people, TODAY).get(id)!;
const adultFactor = (id: FactorId, who: ProfilePerson, infant: InfantFacts = baby()) => deriveAdultFactors(who, infant, TODAY).get(id)!;

describe('prematurity fills itself from the gestation at birth', () => {
  it('is present before 37 weeks and says when very preterm', () => {
    assert.deepEqual([infantFactor('prematurity', baby({ gestationAtBirthWeeks: 36 })).status, infantFactor('prematurity', baby({ gestationAtBirthWeeks: 36 })).detail], ['present', 'Born at 36 weeks.']);
    assert.equal(infantFactor('prematurity', baby({ gestationAtBirthWeeks: 31 })).detail, 'Born at 31 weeks (very preterm).');
    assert.equal(infantFactor('prematurity', baby({ gestationAtBirthWeeks: 32 })).detail, 'Born at 32 weeks.');
  });

  it('is excluded from 37 weeks, on the record (which verifies it)', () => {
    const term = infantFactor('prematurity', baby({ gestationAtBirthWeeks: 37 }));
    assert.equal(term.status, 'excluded');
    assert.deepEqual(term.evidence.map((e) => [e.source, e.indicates]), [['agency-record', 'absent']]);
  });

  it('stays open when the gestation is not recorded, or the baby is not born yet', () => {
    assert.equal(infantFactor('prematurity', baby({ gestationAtBirthWeeks: null })).status, 'not-assessed');
    assert.equal(infantFactor('prematurity', baby({ gestationAtBirthWeeks: Number.NaN })).status, 'not-assessed');
    assert.equal(infantFactor('prematurity', unbornBaby('2027-02-01')).status, 'not-assessed');
  });
});

describe('low birth weight and multiple birth', () => {
  it('call a baby under 2,500 g low birth weight', () => {
    assert.equal(infantFactor('low-birth-weight', baby({ birthWeightGrams: 2499 })).status, 'present');
    assert.equal(infantFactor('low-birth-weight', baby({ birthWeightGrams: 2499 })).detail, 'Born weighing 2,499 g.');
    assert.equal(infantFactor('low-birth-weight', baby({ birthWeightGrams: 2500 })).status, 'excluded');
    assert.equal(infantFactor('low-birth-weight', baby({ birthWeightGrams: null })).status, 'not-assessed');
    assert.equal(infantFactor('low-birth-weight', baby({ birthWeightGrams: 0 })).status, 'not-assessed');
  });

  it('follow the multiple-birth flag, known before birth from scans', () => {
    assert.equal(infantFactor('multiple-birth', baby({ multipleBirth: true })).status, 'present');
    assert.equal(infantFactor('multiple-birth', baby({ multipleBirth: false })).status, 'excluded');
    assert.equal(infantFactor('multiple-birth', baby({ multipleBirth: null })).status, 'not-assessed');
    assert.equal(infantFactor('multiple-birth', unbornBaby('2027-02-01', { multipleBirth: true })).status, 'present');
  });
});

describe('a sibling under two fills itself from the children at home, and an empty record is not evidence', () => {
  const toddler = person('toby', { name: 'Toby', relationshipToInfant: 'sibling', dateOfBirth: '2025-06-01' });
  const older = { ...toddler, name: 'Ava', dateOfBirth: '2024-11-22' };
  // Nobody has yet said who the children at home are (baby() has the answer "none").
  const fresh = (overrides: Partial<InfantFacts> = {}) => baby({ householdChildren: null, ...overrides });
  const freshUnborn = (due: string) => unbornBaby(due, { householdChildren: null });
  const answered = (answer: 'none' | 'recorded', extra: Partial<HouseholdChildren> = {}): Partial<InfantFacts> => ({
    householdChildren: { answer, source: 'observed', recordedAt: '2026-11-20T10:00:00.000Z', recordedBy: 'Nell Hart', agency: 'Health visiting', ...extra },
  });

  it('is present for a brother or sister at home under two, naming them, whatever the answer', () => {
    const factor = infantFactor('sibling-under-two', fresh(), [toddler]);
    assert.deepEqual([factor.status, factor.detail], ['present', 'Toby: under two.']);
    assert.deepEqual(factor.evidence.map((e) => [e.source, e.indicates]), [['agency-record', 'present']]);
    assert.equal(infantFactor('sibling-under-two', fresh(), [{ ...toddler, relationshipToInfant: 'half-sibling' }]).status, 'present');
    assert.equal(infantFactor('sibling-under-two', fresh(answered('none')), [toddler]).status, 'present');
    assert.equal(infantFactor('sibling-under-two', fresh(answered('recorded')), [older, toddler]).detail, 'Toby: under two.');
  });

  it('is not yet known on an empty record nobody has answered', () => {
    const factor = infantFactor('sibling-under-two', fresh(), []);
    assert.deepEqual([factor.status, factor.detail, factor.evidence], ['not-assessed', 'Not yet known whether other children live with the baby: record them, or that there are none.', []]);
    assert.equal(infantFactor('sibling-under-two', freshUnborn('2027-03-01'), []).status, 'not-assessed');
  });

  it('is not yet known when a child at home lives elsewhere or is older, until someone says those are all the children', () => {
    assert.equal(infantFactor('sibling-under-two', fresh(), [{ ...toddler, livesInHousehold: false }]).status, 'not-assessed');
    const factor = infantFactor('sibling-under-two', fresh(), [older]);
    assert.equal(factor.status, 'not-assessed');
    assert.match(factor.detail, /not yet known whether Ava is the only other child living with the baby/);
    assert.match(infantFactor('sibling-under-two', fresh(), [older, { ...older, id: 'ben', name: 'Ben' }]).detail, /whether Ava, Ben are all the other children/);
  });

  it('is excluded on the answer "none", with who said so as its evidence', () => {
    const factor = infantFactor('sibling-under-two', fresh(answered('none', { source: 'carer-account', givenBy: 'her mother' })), []);
    assert.deepEqual([factor.status, factor.detail], ['excluded', 'No other child lives with the baby.']);
    assert.deepEqual(factor.evidence, [
      { source: 'carer-account', note: 'No other child lives with the baby.', recordedAt: '2026-11-20T10:00:00.000Z', recordedBy: 'Nell Hart', agency: 'Health visiting', indicates: 'absent', givenBy: 'her mother' },
    ]);
    assert.equal(infantFactor('sibling-under-two', fresh(answered('none')), [{ ...toddler, livesInHousehold: false }]).status, 'excluded');
  });

  it('is excluded on the answer "all recorded" when none recorded at home is under two', () => {
    const factor = infantFactor('sibling-under-two', fresh(answered('recorded')), [older]);
    assert.deepEqual([factor.status, factor.detail], ['excluded', 'No other child living with the baby is under two, and all of them are recorded.']);
    assert.deepEqual(factor.evidence.map((e) => [e.source, e.indicates, e.recordedBy]), [['observed', 'absent', 'Nell Hart']]);
    assert.equal(infantFactor('sibling-under-two', fresh(answered('recorded')), []).detail, 'No other child lives with the baby.');
  });

  it('is open again when "none" was answered and a child at home has been added since', () => {
    const factor = infantFactor('sibling-under-two', fresh(answered('none')), [older]);
    assert.equal(factor.status, 'not-assessed');
    assert.match(factor.detail, /Recorded that no other child lives with the baby, but Ava does/);
  });

  it('is open while a child at home has no date of birth, answered or not', () => {
    assert.equal(infantFactor('sibling-under-two', fresh(), [{ ...toddler, dateOfBirth: null }]).status, 'not-assessed');
    assert.equal(infantFactor('sibling-under-two', fresh(answered('recorded')), [{ ...toddler, dateOfBirth: null }]).status, 'not-assessed');
  });

  it('counts an unborn baby’s siblings at the expected date of delivery', () => {
    // Turns two on 2027-06-01: under two at a March birth, two at a July birth.
    assert.equal(infantFactor('sibling-under-two', freshUnborn('2027-03-01'), [toddler]).status, 'present');
    assert.equal(infantFactor('sibling-under-two', unbornBaby('2027-07-01', answered('recorded')), [toddler]).status, 'excluded');
    assert.equal(infantFactor('sibling-under-two', freshUnborn('2027-07-01'), [toddler]).status, 'not-assessed');
  });
});

describe('a young parent fills itself from the parent’s date of birth', () => {
  it('is present for a mother or father under 20 at the birth', () => {
    const young = adultFactor('young-parent', person('m', { dateOfBirth: '2007-01-01' }));
    assert.deepEqual([young.status, young.detail], ['present', 'Aged 19 at the birth.']);
    assert.equal(adultFactor('young-parent', person('f', { relationshipToInfant: 'father', dateOfBirth: '2006-08-23' })).status, 'present');
    assert.equal(adultFactor('young-parent', person('f', { relationshipToInfant: 'father', dateOfBirth: '2006-08-22' })).status, 'excluded');
  });

  it('uses today for an unborn baby', () => {
    const factor = adultFactor('young-parent', person('m', { dateOfBirth: '2007-01-01' }), unbornBaby('2027-03-01'));
    assert.deepEqual([factor.status, factor.detail], ['present', 'Aged 19 now.']);
  });

  it('does not apply to a partner, grandparent or friend, and stays open without a date of birth', () => {
    assert.equal(adultFactor('young-parent', person('p', { relationshipToInfant: 'mothers-partner', dateOfBirth: '2008-01-01' })).status, 'excluded');
    assert.equal(adultFactor('young-parent', person('m', { dateOfBirth: null })).status, 'not-assessed');
  });
});

describe('identity unknown fills itself from the record', () => {
  it('is present when the identity is not known or the history has not been checked', () => {
    assert.equal(adultFactor('identity-unknown', person('x', { identityKnown: false })).detail, 'Identity not known.');
    assert.equal(adultFactor('identity-unknown', person('x', { historyChecked: false })).detail, 'History not checked.');
    assert.equal(adultFactor('identity-unknown', person('x', { identityKnown: false, historyChecked: false })).detail, 'Identity not known; history not checked.');
  });

  it('is excluded when both are known', () => {
    assert.equal(adultFactor('identity-unknown', person('x')).status, 'excluded');
  });
});

describe('faltering growth fills itself from the weights recorded', () => {
  const weighed = (value: number, measuredOn: string, entryId?: string) => ({ id: `w-${measuredOn}`, kind: 'weight' as const, value, measuredOn, recordedBy: 'Nell Hart', agency: 'Health visiting', ...(entryId ? { entryId } : {}) });

  it('is present when the weights fall across the centiles, with the weights as evidence', () => {
    const factor = infantFactor('faltering-growth', baby({ measurements: [weighed(4300, '2026-11-15', 'entry-7')] }));
    assert.equal(factor.status, 'present');
    assert.match(factor.detail, /^The latest weight, 4,300 g on 15 November 2026 \(at 12 weeks 1 day, between the 0.4th and 2nd centiles\), is below the 2nd centile for age, whatever the birth weight\. Weight has fallen/);
    assert.deepEqual(factor.evidence.map((e) => [e.note, e.recordedBy, e.agency, e.indicates, e.eventId]), [
      ['Weight 4,300 g on 15 November 2026 (at 12 weeks 1 day, between the 0.4th and 2nd centiles).', 'Nell Hart', 'Health visiting', 'present', 'entry-7'],
      ['Weight 3,400 g on 22 August 2026 (at birth, on the 50th centile).', 'Infant Care Profile', 'This record', 'present', undefined],
    ]);
  });

  it('is excluded when the latest weight follows its centile, and says so', () => {
    const factor = infantFactor('faltering-growth', baby());
    assert.equal(factor.status, 'excluded');
    assert.equal(factor.detail, 'The latest weight, 5,700 g on 15 November 2026 (at 12 weeks 1 day, on the 50th centile), is not faltering. Since the birth weight, 3,400 g on 22 August 2026 (at birth, on the 50th centile), it has moved along its centile.');
    assert.ok(factor.evidence.every((e) => e.indicates === 'absent'));
  });

  it('stays open with no weight after the birth, an unknown sex, or before the birth', () => {
    assert.equal(infantFactor('faltering-growth', baby({ measurements: [] })).status, 'not-assessed');
    assert.equal(infantFactor('faltering-growth', baby({ sex: 'unknown' })).status, 'not-assessed');
    assert.equal(infantFactor('faltering-growth', unbornBaby('2027-02-01')).status, 'not-assessed');
  });
});
