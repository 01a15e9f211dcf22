// The birth weight as the first point of a baby's growth (docs/domain.md, "Faltering growth (NICE NG75)"):
// the weight the record holds from the birth (recorded with the birth, or corrected since) is the
// baby's first weight, on the day of birth. The growth page plots it first and the faltering rules
// measure a loss and a fall across centile spaces from it; without one on the record, a weight
// measured on the day of birth stands for it. Pure.
import type { GrowthMeasurement } from './growth.types.ts';

/** The id the birth weight carries among the measurements: it is the record's, not a stored measurement. */
export const BIRTH_WEIGHT_ID = 'birth-weight';

export interface BirthFacts {
  /** YYYY-MM-DD; null before the birth is recorded. */
  dateOfBirth: string | null;
  birthWeightGrams: number | null;
}

/** The record's birth weight as a weight on the day of birth; null when the birth or its weight is not recorded. */
export function recordedBirthWeight(facts: BirthFacts): GrowthMeasurement | null {
  if (facts.dateOfBirth === null || facts.birthWeightGrams === null || !(facts.birthWeightGrams > 0)) return null;
  return { id: BIRTH_WEIGHT_ID, kind: 'weight', value: facts.birthWeightGrams, measuredOn: facts.dateOfBirth, recordedBy: 'Infant Care Profile', agency: 'This record' };
}

/** The weight the rules measure from: the record's birth weight, else the first weight measured on the day of birth. */
export function birthWeightOf(facts: BirthFacts, measurements: readonly GrowthMeasurement[]): GrowthMeasurement | null {
  const recorded = recordedBirthWeight(facts);
  if (recorded !== null || facts.dateOfBirth === null) return recorded;
  return measurements.find((m) => m.kind === 'weight' && m.measuredOn === facts.dateOfBirth) ?? null;
}

/**
 * The record's birth weight to show as the first weight of the growth, beside the weights measured;
 * null when there is none, or when a weight measured on the day of birth is the same weight already
 * (it is shown once).
 */
export function birthWeightToShow(facts: BirthFacts, measurements: readonly GrowthMeasurement[]): GrowthMeasurement | null {
  const recorded = recordedBirthWeight(facts);
  if (recorded === null) return null;
  const measuredTheSame = measurements.some((m) => m.kind === 'weight' && m.measuredOn === recorded.measuredOn && m.value === recorded.value);
  return measuredTheSame ? null : recorded;
}
