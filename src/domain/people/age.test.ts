import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageInDays, correctedAge, describeAgeInDays, gestationInWords, gestationToday, isPreterm } from './age.ts';

describe('age in words', () => {
  it('counts days for the first two weeks, then weeks, then months, then years', () => {
    assert.equal(describeAgeInDays(0), '0 days');
    assert.equal(describeAgeInDays(1), '1 day');
    assert.equal(describeAgeInDays(13), '13 days');
    assert.equal(describeAgeInDays(14), '2 weeks');
    assert.equal(describeAgeInDays(37), '5 weeks 2 days');
    assert.equal(describeAgeInDays(91), '2 months');
    assert.equal(describeAgeInDays(365), '11 months');
    assert.equal(describeAgeInDays(366), '1 year');
    assert.equal(describeAgeInDays(800), '2 years 2 months');
  });

  it('counts whole days between dates, across a clock change', () => {
    assert.equal(ageInDays('2026-03-20', '2026-04-03'), 14);
    assert.equal(ageInDays('2026-10-20', '2026-11-03'), 14);
  });
});

describe('corrected age', () => {
  it('does not apply to a baby born at 37 weeks or later, or with gestation unknown', () => {
    assert.deepEqual(correctedAge('2026-10-01', 37, '2026-11-22'), { applies: false });
    assert.deepEqual(correctedAge('2026-10-01', null, '2026-11-22'), { applies: false });
  });

  it('takes the weeks born early off the age of a preterm baby', () => {
    // Born at 34 weeks, 8 weeks ago: corrected age 2 weeks.
    assert.deepEqual(correctedAge('2026-09-27', 34, '2026-11-22'), { applies: true, days: 14, description: '2 weeks' });
  });

  it('says a very preterm baby is not yet at term before the due date', () => {
    // Born at 28 weeks, 4 weeks ago: due date is 8 weeks away.
    const result = correctedAge('2026-10-25', 28, '2026-11-22');
    assert.deepEqual(result, { applies: true, days: -56, description: 'not yet at term (due date in 8 weeks)' });
  });

  it('stops correcting at two years', () => {
    assert.deepEqual(correctedAge('2024-06-01', 30, '2026-11-22'), { applies: false });
  });

  it('calls a baby preterm only when born before 37 weeks', () => {
    assert.equal(isPreterm(36), true);
    assert.equal(isPreterm(37), false);
    assert.equal(isPreterm(null), false);
  });
});

describe('gestation of an unborn baby', () => {
  it('counts back from the expected date of delivery at 40 weeks', () => {
    assert.deepEqual(gestationToday('2027-01-31', '2026-11-22'), { weeks: 30, days: 0 });
    assert.deepEqual(gestationToday('2027-01-28', '2026-11-22'), { weeks: 30, days: 3 });
    assert.deepEqual(gestationToday('2026-11-22', '2026-11-22'), { weeks: 40, days: 0 });
  });

  it('says gestation with a singular week or day where there is one', () => {
    assert.equal(gestationInWords({ weeks: 28, days: 1 }), '28 weeks 1 day');
    assert.equal(gestationInWords({ weeks: 1, days: 0 }), '1 week 0 days');
    assert.equal(gestationInWords({ weeks: 30, days: 6 }), '30 weeks 6 days');
  });
});
