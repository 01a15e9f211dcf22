import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessFalteringGrowth } from '../domain/growth/faltering-growth.ts';
import { checkMeasurement } from '../domain/growth/measurement-rules.ts';
import { daysFrom } from '../domain/shared/calendar-date.ts';
import { syntheticPartnership } from './generate-partnership.ts';
import type { SyntheticFamily, SyntheticOptions } from './synthetic.types.ts';

const TODAY = '2026-11-22';
const options: SyntheticOptions = { infants: 800, seed: 11, today: TODAY };
const families = [...syntheticPartnership(options).families()];
const born = families.filter((f) => f.record.status === 'born');

function faltering(family: SyntheticFamily) {
  const { dateOfBirth, gestationAtBirthWeeks, sex, birthWeightGrams } = family.record;
  const measurements = family.measurements.map((m) => ({ ...m, recordedBy: m.recordedByName }));
  return assessFalteringGrowth({ dateOfBirth, gestationAtBirthWeeks, sex, birthWeightGrams, measurements });
}

describe('synthetic weights', () => {
  it('are the same for the same seed, and different for another seed', () => {
    assert.deepEqual([...syntheticPartnership(options).families()].map((f) => f.measurements), families.map((f) => f.measurements));
    const other = [...syntheticPartnership({ ...options, seed: 12 }).families()];
    assert.notDeepEqual(other.map((f) => f.measurements.length), families.map((f) => f.measurements.length));
  });

  it('weigh every born baby older than a week, and no unborn baby, each weight one the growth page would accept', () => {
    assert.ok(families.filter((f) => f.record.status === 'unborn').every((f) => f.measurements.length === 0));
    for (const family of born) {
      const age = daysFrom(family.record.dateOfBirth!, TODAY);
      if (age > 7) assert.ok(family.measurements.length > 0, `family ${String(family.index)}, ${String(age)} days old`);
      const days = family.measurements.map((m) => m.measuredOn);
      assert.deepEqual(days, [...days].sort(), 'oldest first');
      for (const m of family.measurements) {
        const checked = checkMeasurement({ kind: m.kind, value: m.value, unit: 'g', measuredOn: m.measuredOn }, family.record.dateOfBirth, TODAY);
        assert.ok(checked.ok && m.measuredOn < TODAY, JSON.stringify(m));
      }
    }
    const ids = families.flatMap((f) => f.measurements.map((m) => m.id));
    assert.equal(new Set(ids).size, ids.length);
  });

  it('lose a little in the first days and regain it, with the baby clinics weighing older babies about monthly', () => {
    const firstDays = born.flatMap((f) => f.measurements.filter((m) => daysFrom(f.record.dateOfBirth!, m.measuredOn) < 14).map((m) => m.value / f.record.birthWeightGrams!));
    assert.ok(firstDays.every((share) => share > 0.9 && share < 1.05), 'within 10% of the birth weight');
    const yearOld = born.filter((f) => daysFrom(f.record.dateOfBirth!, TODAY) > 350);
    const perBaby = yearOld.reduce((sum, f) => sum + f.measurements.length, 0) / yearOld.length;
    assert.ok(perBaby > 7 && perBaby < 10, `${String(perBaby)} weights by a year`);
  });

  it('show most babies growing normally and a small share with faltering growth, as the profile derives it', () => {
    const assessed = born.map(faltering).filter((f) => f.status !== 'not-assessed');
    const present = assessed.filter((f) => f.status === 'present');
    const share = present.length / assessed.length;
    assert.ok(assessed.length > born.length * 0.8, `${String(assessed.length)} of ${String(born.length)} assessed`);
    assert.ok(share > 0.02 && share < 0.12, `faltering share ${String(share)}`);
    assert.ok(present.some((f) => f.status === 'present' && f.findings.some((finding) => finding.rule === 'fall-across-centile-spaces')));
  });
});
