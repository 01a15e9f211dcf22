import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CENTILE_SPACE_SD, NINETY_FIRST_CENTILE, NINTH_CENTILE, SECOND_CENTILE } from './centile-lines.ts';
import { assessFalteringGrowth, type FalteringFacts } from './faltering-growth.ts';
import { BORN, boy, valueAt, weight } from './growth.test-support.ts';
import { addDays } from '../shared/calendar-date.ts';
import type { GrowthMeasurement, GrowthSubject } from './growth.types.ts';

const TEN_WEEKS = addDays(BORN, 70);
const facts = (subject: GrowthSubject, birthWeightGrams: number | null, measurements: GrowthMeasurement[]): FalteringFacts => ({ ...subject, birthWeightGrams, measurements });
const rules = (f: FalteringFacts) => {
  const result = assessFalteringGrowth(f);
  return result.status === 'present' ? result.findings.map((x) => x.rule) : result.status;
};
/** A birth weight at `birthZ` and a weight at 10 weeks `spaces` centile spaces lower. */
function fall(birthZ: number, spaces: number, subject = boy()): FalteringFacts {
  const birth = Math.round(valueAt(subject, BORN, birthZ));
  return facts(subject, birth, [weight(valueAt(subject, TEN_WEEKS, birthZ - spaces * CENTILE_SPACE_SD), TEN_WEEKS)]);
}

describe('faltering growth: a fall across centile spaces (NICE NG75)', () => {
  it('born between the 9th and 91st centiles: fires at 2 spaces, not at 1.95', () => {
    assert.deepEqual(rules(fall(0, 2.01)), ['fall-across-centile-spaces']);
    assert.equal(rules(fall(0, 1.95)), 'excluded');
  });

  it('born below the 9th centile: fires at 1 space, not at 0.95', () => {
    const z = NINTH_CENTILE.z - 0.01; // a fall of 1 space from here also ends below the 2nd centile
    assert.deepEqual(rules(fall(z, 1.02)), ['below-second-centile', 'fall-across-centile-spaces']);
    assert.equal(rules(fall(z, 0.95)), 'excluded');
  });

  it('born above the 91st centile: fires at 3 spaces, not at 2.95 (which would count for a baby born lower)', () => {
    const z = NINETY_FIRST_CENTILE.z + 0.05;
    assert.deepEqual(rules(fall(z, 3.02)), ['fall-across-centile-spaces']);
    assert.equal(rules(fall(z, 2.95)), 'excluded');
  });

  it('says the fall, where the weights sit and the threshold that counts', () => {
    const result = assessFalteringGrowth(fall(0, 2.2));
    assert.equal(result.status, 'present');
    if (result.status !== 'present') return;
    const [finding] = result.findings;
    assert.equal(
      finding!.detail,
      'Weight has fallen 2.2 centile spaces, from 3,555 g on 1 June 2026 (at birth, on the 50th centile) to 4,867 g on 10 August 2026 (at 10 weeks, on the 9th centile). ' +
        'With a birth weight between the 9th and 91st centiles, a fall of 2 or more is faltering growth.',
    );
    assert.deepEqual(finding!.weights.map((w) => w.measurement.id), ['birth-weight', result.findings[0]!.weights[1]!.measurement.id]);
  });

  it('reads a premature baby at corrected age: the same weights fall at chronological age but not at corrected age', () => {
    const preterm = boy(30);
    const born = Math.round(valueAt(preterm, BORN, 0));
    const later = weight(valueAt(preterm, TEN_WEEKS, -0.5), TEN_WEEKS);
    assert.equal(rules(facts(preterm, born, [later])), 'excluded');
    // Read as if born at term, the same weight at 10 weeks would be far below the 2nd centile.
    assert.ok(later.value < valueAt(boy(40), TEN_WEEKS, SECOND_CENTILE.z));
  });

  it('uses a weight measured on the day of birth when the record has no birth weight', () => {
    const subject = boy();
    const atBirth = weight(valueAt(subject, BORN, 0), BORN);
    assert.deepEqual(rules(facts(subject, null, [atBirth, weight(valueAt(subject, TEN_WEEKS, -2.1 * CENTILE_SPACE_SD), TEN_WEEKS)])), ['fall-across-centile-spaces']);
  });

  it('goes by the latest weight: a fall that has recovered is not faltering now', () => {
    const subject = boy();
    const birth = Math.round(valueAt(subject, BORN, 0));
    const dipped = weight(valueAt(subject, addDays(BORN, 42), -1.5), addDays(BORN, 42));
    const recovered = weight(valueAt(subject, TEN_WEEKS, -0.3), TEN_WEEKS);
    assert.deepEqual(rules(facts(subject, birth, [dipped])), ['fall-across-centile-spaces']);
    assert.equal(rules(facts(subject, birth, [recovered, dipped])), 'excluded');
  });
});

describe('faltering growth: the current weight below the 2nd centile', () => {
  it('fires whatever the birth weight, and not just above the line', () => {
    const low = (z: number) => facts(boy(), Math.round(valueAt(boy(), BORN, -2.2)), [weight(valueAt(boy(), TEN_WEEKS, z), TEN_WEEKS)]);
    assert.deepEqual(rules(low(SECOND_CENTILE.z - 0.02)), ['below-second-centile']);
    assert.equal(rules(low(SECOND_CENTILE.z + 0.02)), 'excluded');
  });

  it('fires without a birth weight', () => {
    assert.deepEqual(rules(facts(boy(), null, [weight(valueAt(boy(), TEN_WEEKS, -2.1), TEN_WEEKS)])), ['below-second-centile']);
  });
});

describe('faltering growth: early weight loss', () => {
  const day = (n: number) => addDays(BORN, n);

  it('fires at a loss of 10% of the birth weight in the first days, not at 9.9%', () => {
    assert.deepEqual(rules(facts(boy(), 3500, [weight(3150, day(4))])), ['early-weight-loss']);
    assert.equal(rules(facts(boy(), 3500, [weight(3151, day(4))])), 'excluded');
  });

  it('says the loss, the day and the birth weight', () => {
    const result = assessFalteringGrowth(facts(boy(), 3500, [weight(3100, day(4))]));
    assert.equal(result.status === 'present' && result.findings[0]!.detail, 'Weight 3,100 g on 5 June 2026 (day 4) is 11.4% below the birth weight of 3,500 g: a loss of 10% or more in the first days, and the birth weight is not yet regained.');
  });

  it('counts only the first 13 days, and stops once the birth weight is regained', () => {
    assert.deepEqual(rules(facts(boy(), 3500, [weight(3150, day(13))])), ['early-weight-loss']);
    assert.notDeepEqual(rules(facts(boy(), 3500, [weight(3150, day(14))])), ['early-weight-loss']);
    assert.equal(rules(facts(boy(), 3500, [weight(3150, day(4)), weight(3500, day(12))])), 'excluded');
  });
});

describe('faltering growth: when it cannot be said', () => {
  it('is not assessed with no weight after the birth, and says so', () => {
    assert.deepEqual(assessFalteringGrowth(facts(boy(), 3500, [])), { status: 'not-assessed', detail: 'No weight recorded after the birth yet.' });
    assert.equal(assessFalteringGrowth(facts({ ...boy(), dateOfBirth: null }, 3500, [])).status, 'not-assessed');
  });

  it('is not assessed when a later weight cannot be read against the charts (sex not recorded)', () => {
    const result = assessFalteringGrowth(facts({ ...boy(), sex: null }, 3500, [weight(4000, TEN_WEEKS)]));
    assert.deepEqual(result, { status: 'not-assessed', detail: "The latest weight cannot be read against the centiles: the baby's sex is not recorded (the charts differ for girls and boys)." });
  });

  it('still finds early weight loss without the sex or gestation', () => {
    assert.deepEqual(rules(facts({ dateOfBirth: BORN, gestationAtBirthWeeks: null, sex: null }, 3500, [weight(3100, addDays(BORN, 3))])), ['early-weight-loss']);
  });

  it('ignores lengths, head circumferences and anything dated before the birth', () => {
    const length: GrowthMeasurement = { ...weight(10, TEN_WEEKS), kind: 'length' };
    assert.equal(rules(facts(boy(), 3500, [length, weight(1000, addDays(BORN, -1))])), 'not-assessed');
  });
});
