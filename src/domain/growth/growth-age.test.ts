import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correctedAgeEndsOn, plottedAge } from './growth-age.ts';
import { readMeasurement } from './read-measurement.ts';

const BORN = '2026-01-05';

describe('the age a measurement is plotted at', () => {
  it('born at 24 weeks: corrected (16 weeks early) until corrected age reaches 2 years', () => {
    assert.deepEqual(plottedAge(BORN, 24, BORN), { days: -112, chronologicalDays: 0, corrected: true });
    // Due 27 April 2026; corrected age is 2 years on 27 April 2028.
    assert.equal(correctedAgeEndsOn(BORN, 24), '2028-04-27');
    assert.deepEqual(plottedAge(BORN, 24, '2028-04-26'), { days: 731 - 1 + 0, chronologicalDays: 842, corrected: true });
    assert.deepEqual(plottedAge(BORN, 24, '2028-04-27'), { days: 843, chronologicalDays: 843, corrected: false });
  });

  it('born at 32 weeks: corrected only until 1 year corrected', () => {
    assert.equal(correctedAgeEndsOn(BORN, 32), '2027-03-02'); // due 2 March 2026
    assert.equal(plottedAge(BORN, 32, '2027-03-01')!.corrected, true);
    assert.equal(plottedAge(BORN, 32, '2027-03-01')!.days, 364);
    assert.equal(plottedAge(BORN, 32, '2027-03-02')!.corrected, false);
    assert.equal(plottedAge(BORN, 32, '2027-03-02')!.days, 421);
  });

  it('born at 31 weeks: still to 2 years (the line is at 32)', () => {
    assert.equal(correctedAgeEndsOn(BORN, 31), '2028-03-09'); // due 9 March 2026
  });

  it('born at 36 weeks: corrected by 4 weeks until 1 year corrected', () => {
    assert.equal(plottedAge(BORN, 36, BORN)!.days, -28);
    assert.equal(correctedAgeEndsOn(BORN, 36), '2027-02-02');
    assert.equal(plottedAge(BORN, 36, '2027-02-01')!.corrected, true);
    assert.equal(plottedAge(BORN, 36, '2027-02-02')!.corrected, false);
  });

  it('born at 37 or 40 weeks: never corrected; the day of birth sits at its gestation in the term section', () => {
    assert.equal(correctedAgeEndsOn(BORN, 37), null);
    assert.deepEqual(plottedAge(BORN, 37, BORN), { days: -21, chronologicalDays: 0, corrected: false });
    assert.deepEqual(plottedAge(BORN, 37, '2026-01-06'), { days: 1, chronologicalDays: 1, corrected: false });
    assert.deepEqual(plottedAge(BORN, 40, BORN), { days: 0, chronologicalDays: 0, corrected: false });
    assert.deepEqual(plottedAge(BORN, 40, '2026-03-02'), { days: 56, chronologicalDays: 56, corrected: false });
  });

  it('has no age before the birth', () => {
    assert.equal(plottedAge(BORN, 40, '2026-01-04'), null);
  });
});

describe('centiles at the edges of gestation', () => {
  const baby = (gestationAtBirthWeeks: number) => ({ dateOfBirth: BORN, gestationAtBirthWeeks, sex: 'female' as const });
  const centile = (gestation: number, grams: number, on = BORN) => {
    const read = readMeasurement(baby(gestation), 'weight', grams, on);
    assert.ok(read.ok);
    return read.reading.centile;
  };

  it('reads a 24-week baby against UK90 at 24 weeks, where 660 g is near the median', () => {
    assert.ok(Math.abs(centile(24, 658) - 50) < 1);
    assert.ok(centile(24, 400) < 2);
  });

  it('reads the same weight very differently at 32, 36 and 40 weeks', () => {
    const at32 = centile(32, 1700);
    const at36 = centile(36, 1700);
    const at40 = centile(40, 1700);
    assert.ok(at32 > 25 && at36 < 2 && at40 < 0.4, `${at32}, ${at36}, ${at40}`);
  });

  it('switches a 32-week baby from corrected to chronological age at 1 year corrected: the same weight reads lower', () => {
    const before = centile(32, 9000, '2027-03-01');
    const after = centile(32, 9000, '2027-03-02');
    assert.ok(before > after + 10, `${before} then ${after}`);
  });

  it('cannot read a baby born before 23 weeks at birth, nor anyone after 4 years; reads a child between 2 and 4', () => {
    assert.equal(readMeasurement(baby(22), 'weight', 500, BORN).ok, false);
    assert.equal(readMeasurement(baby(40), 'weight', 16000, '2030-01-06').ok, false);
    assert.ok(readMeasurement(baby(40), 'weight', 16000, '2030-01-05').ok);
    assert.ok(readMeasurement(baby(40), 'weight', 12000, '2028-01-06').ok, 'just past 2 years');
  });

  it('cannot read a baby whose sex or gestation is not recorded, and says why', () => {
    const read = readMeasurement({ dateOfBirth: BORN, gestationAtBirthWeeks: 40, sex: null }, 'weight', 3000, BORN);
    assert.deepEqual(read, { ok: false, reason: "the baby's sex is not recorded (the charts differ for girls and boys)" });
    assert.equal(readMeasurement({ dateOfBirth: BORN, gestationAtBirthWeeks: null, sex: 'male' }, 'weight', 3000, BORN).ok, false);
  });
});
