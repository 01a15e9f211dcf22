import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBeforePregnancy, pregnancyStart } from './pregnancy-start.ts';

const born = (dateOfBirth: string, gestationAtBirthWeeks: number | null = null) => ({ dateOfBirth, expectedDeliveryDate: null, gestationAtBirthWeeks });
const unborn = (expectedDeliveryDate: string) => ({ dateOfBirth: null, expectedDeliveryDate, gestationAtBirthWeeks: null });

describe('the start of the pregnancy, before which nothing is about the baby', () => {
  it('is 40 weeks before the due date of an unborn baby', () => {
    assert.equal(pregnancyStart(unborn('2027-03-01')), '2026-05-25');
  });

  it('is the gestation at birth back from the birthday, or 42 weeks when it is not recorded', () => {
    assert.equal(pregnancyStart(born('2026-11-01', 32)), '2026-03-22');
    assert.equal(pregnancyStart(born('2026-11-01')), '2026-01-11');
  });

  it('is unknown when the record gives neither date, and then nothing is refused for it', () => {
    const neither = { dateOfBirth: null, expectedDeliveryDate: null, gestationAtBirthWeeks: null };
    assert.equal(pregnancyStart(neither), null);
    assert.equal(isBeforePregnancy('1990-01-01', neither), false);
  });

  it('refuses the day before it and not the day itself', () => {
    assert.equal(isBeforePregnancy('2026-05-24', unborn('2027-03-01')), true);
    assert.equal(isBeforePregnancy('2026-05-25', unborn('2027-03-01')), false);
    assert.equal(isBeforePregnancy('2019-12-10', born('2026-11-01', 39)), true);
    assert.equal(isBeforePregnancy('2026-11-20', born('2026-11-01', 39)), false);
  });
});
