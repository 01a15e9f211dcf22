import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAYS_IN_A_YEAR, referenceAt, referenceFromYears, UK90_UNTIL_YEARS } from './uk-who-reference.ts';

const weeksFromTerm = (weeks: number) => (weeks * 7) / DAYS_IN_A_YEAR;

describe('the UK-WHO reference', () => {
  it('gives the published values at a row: UK90 at term, WHO at 1 year', () => {
    assert.deepEqual(referenceAt('weight', 'male', 0), { L: 0.782, M: 3.5551, S: 0.12851 });
    assert.deepEqual(referenceAt('weight', 'male', 1), { L: 0.0644, M: 9.6479, S: 0.10925 });
  });

  it('starts at 23 weeks of gestation for weight and head circumference, 25 for length', () => {
    assert.ok(Math.abs(referenceFromYears('weight') - weeksFromTerm(-17)) < 1e-5);
    assert.deepEqual(referenceAt('weight', 'female', referenceFromYears('weight')), { L: 1.326, M: 0.5589, S: 0.17378 });
    assert.equal(referenceAt('weight', 'female', weeksFromTerm(-17.2)), null);
    assert.equal(referenceAt('length', 'female', weeksFromTerm(-16)), null);
    assert.notEqual(referenceAt('length', 'female', weeksFromTerm(-15)), null);
  });

  it('uses UK90 to 2 weeks after term and the WHO standard after it', () => {
    assert.ok(Math.abs(UK90_UNTIL_YEARS - weeksFromTerm(2)) < 1e-5);
    assert.equal(referenceAt('weight', 'male', UK90_UNTIL_YEARS)!.M, 3.8702); // UK90, 42 weeks
    const justAfter = referenceAt('weight', 'male', UK90_UNTIL_YEARS + 1e-4)!;
    assert.ok(Math.abs(justAfter.M - 3.7529) < 0.01, `WHO's 2 weeks is 3.7529 kg, not ${justAfter.M}`);
  });

  it('interpolates between rows and ends at 4 years', () => {
    const halfway = referenceAt('weight', 'male', weeksFromTerm(-16.5))!;
    assert.ok(halfway.M > 0.6145 && halfway.M < referenceAt('weight', 'male', weeksFromTerm(-16))!.M);
    assert.notEqual(referenceAt('head-circumference', 'female', 4), null);
    assert.equal(referenceAt('weight', 'male', 4.001), null);
    assert.equal(referenceAt('weight', 'male', Number.NaN), null);
  });

  it('reads 2 to 4 years from the WHO standard’s children’s part: published values at 3 and 4 years', () => {
    assert.deepEqual(referenceAt('weight', 'female', 4), { L: -0.3361, M: 16.0697, S: 0.13884 });
    assert.deepEqual(referenceAt('length', 'male', 4), { L: 1, M: 103.3273, S: 0.04059 });
    assert.deepEqual(referenceAt('head-circumference', 'male', 4), { L: 1, M: 50.2115, S: 0.02912 });
    const three = referenceAt('weight', 'male', 3)!;
    assert.ok(three.M > 12.1515 && three.M < 16.3489, `between 2 and 4 years' medians, not ${three.M}`);
  });

  it('changes from length lying down to height standing at 2 years (0.7 cm lower), weight and head circumference carrying on', () => {
    assert.equal(referenceAt('length', 'male', 2)!.M, 87.8161, 'length at 2 years');
    const justAfter = referenceAt('length', 'male', 2 + 1e-4)!;
    assert.ok(Math.abs(justAfter.M - 87.1161) < 0.01, `height just after 2 years is about 87.12 cm, not ${justAfter.M}`);
    assert.ok(Math.abs(referenceAt('weight', 'male', 2 + 1e-4)!.M - 12.1515) < 0.01);
    assert.ok(Math.abs(referenceAt('head-circumference', 'female', 2 + 1e-4)!.M - 47.1822) < 0.01);
  });
});
