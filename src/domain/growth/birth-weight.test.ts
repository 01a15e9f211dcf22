import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../shared/calendar-date.ts';
import { BIRTH_WEIGHT_ID, birthWeightOf, birthWeightToShow, recordedBirthWeight } from './birth-weight.ts';
import { assessFalteringGrowth } from './faltering-growth.ts';
import { BORN, boy, weight } from './growth.test-support.ts';
import type { GrowthMeasurement } from './growth.types.ts';

const born = (birthWeightGrams: number | null) => ({ dateOfBirth: BORN, birthWeightGrams });
const length = (value: number, measuredOn: string): GrowthMeasurement => ({ id: `l${String(value)}`, kind: 'length', value, measuredOn, recordedBy: 'Nell Hart', agency: 'Health visiting' });

describe('the birth weight as the first point of growth', () => {
  it("is the record's birth weight, on the day of birth", () => {
    const first = recordedBirthWeight(born(3400));
    assert.deepEqual(first && { id: first.id, kind: first.kind, value: first.value, measuredOn: first.measuredOn }, { id: BIRTH_WEIGHT_ID, kind: 'weight', value: 3400, measuredOn: BORN });
  });

  it('is none before the birth, without a weight, or with a weight of nothing', () => {
    assert.equal(recordedBirthWeight({ dateOfBirth: null, birthWeightGrams: 3400 }), null);
    assert.equal(recordedBirthWeight(born(null)), null);
    assert.equal(recordedBirthWeight(born(0)), null);
    assert.equal(recordedBirthWeight(born(Number.NaN)), null);
  });

  it("is shown beside the weights measured, and first in them when it is the record's", () => {
    const later = weight(3300, addDays(BORN, 5));
    assert.equal(birthWeightToShow(born(3400), [later])?.value, 3400);
    assert.equal(birthWeightToShow(born(3400), [])?.value, 3400, 'shown with no weight measured yet');
    assert.equal(birthWeightToShow(born(3400), [length(50, BORN)])?.value, 3400, 'a length on the day of birth is not a weight');
    assert.equal(birthWeightToShow(born(3400), [weight(3350, BORN)])?.value, 3400, 'a different weight measured on the day is shown as well');
  });

  it('is not shown twice: a weight measured on the day of birth that says the same stands for it; nor when the record has none', () => {
    assert.equal(birthWeightToShow(born(3400), [weight(3400, BORN)]), null);
    assert.equal(birthWeightToShow(born(null), [weight(3400, BORN)]), null);
    assert.equal(birthWeightToShow({ dateOfBirth: null, birthWeightGrams: 3400 }, []), null);
  });

  it("is what the rules measure from: the record's, else the first weight measured on the day of birth", () => {
    const onTheDay = weight(3350, BORN);
    assert.equal(birthWeightOf(born(3400), [onTheDay])?.id, BIRTH_WEIGHT_ID);
    assert.equal(birthWeightOf(born(null), [length(50, BORN), onTheDay, weight(3300, BORN)])?.id, onTheDay.id);
    assert.equal(birthWeightOf(born(null), [weight(3300, addDays(BORN, 1))]), null, 'a weight the next day is not the birth weight');
    assert.equal(birthWeightOf({ dateOfBirth: null, birthWeightGrams: null }, [onTheDay]), null);
  });
});

describe('faltering growth measured from the birth weight on the record', () => {
  const day5 = addDays(BORN, 5);
  const facts = (birthWeightGrams: number | null, measurements: GrowthMeasurement[]) => ({ ...boy(), birthWeightGrams, measurements });
  const status = (birthWeightGrams: number | null, measurements: GrowthMeasurement[]) => {
    const result = assessFalteringGrowth(facts(birthWeightGrams, measurements));
    return result.status === 'present' ? result.findings.map((f) => f.rule) : result.status;
  };

  it('fires on a loss of 10% from the recorded birth weight with no weight measured on the day of birth', () => {
    assert.deepEqual(status(3600, [weight(3240, day5)]), ['early-weight-loss']);
  });

  it('must not fire on a loss under 10% of it, nor without any birth weight to measure from', () => {
    assert.equal(status(3600, [weight(3250, day5)]), 'excluded');
    assert.equal(status(null, [weight(3240, day5)]), 'not-assessed');
  });

  it("measures from the record's birth weight, not a different weight measured that day, so a correction of it is followed", () => {
    const measuredOnTheDay = weight(3500, BORN);
    assert.deepEqual(status(3600, [measuredOnTheDay, weight(3240, day5)]), ['early-weight-loss'], '10% of 3,600 g');
    assert.equal(status(3580, [measuredOnTheDay, weight(3240, day5)]), 'excluded', 'the birth weight corrected: 9.5% of 3,580 g');
    assert.equal(status(null, [measuredOnTheDay, weight(3240, day5)]), 'excluded', 'from the weight measured that day: 7.4% of 3,500 g');
  });
});
