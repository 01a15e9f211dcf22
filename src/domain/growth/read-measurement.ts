// A measurement read against the UK-WHO reference: the age it is plotted at, its z-score and centile.
import { plottedAge, type PlottedAge } from './growth-age.ts';
import { centileOfZ, zScore } from './lms.ts';
import { DAYS_IN_A_YEAR, inReferenceUnits, referenceAt } from './uk-who-reference.ts';
import type { GrowthSubject, MeasurementKind } from './growth.types.ts';

export interface Reading {
  age: PlottedAge;
  z: number;
  /** 0 to 100. */
  centile: number;
}

export type ReadingResult = { ok: true; reading: Reading } | { ok: false; reason: string };

/** Why a baby's measurements cannot be read against the charts at all; null when they can. */
export function whyNotReadable(subject: GrowthSubject): string | null {
  if (subject.dateOfBirth === null) return 'the date of birth is not recorded';
  if (subject.gestationAtBirthWeeks === null || !Number.isFinite(subject.gestationAtBirthWeeks)) return 'the gestation at birth is not recorded';
  if (subject.sex === null) return "the baby's sex is not recorded (the charts differ for girls and boys)";
  return null;
}

export function readMeasurement(subject: GrowthSubject, kind: MeasurementKind, value: number, on: string): ReadingResult {
  const why = whyNotReadable(subject);
  if (why !== null) return { ok: false, reason: why };
  const age = plottedAge(subject.dateOfBirth!, subject.gestationAtBirthWeeks!, on);
  if (age === null) return { ok: false, reason: 'it is dated before the birth' };
  const lms = referenceAt(kind, subject.sex!, age.days / DAYS_IN_A_YEAR);
  if (lms === null || !(value > 0)) return { ok: false, reason: 'it is outside the charts (23 weeks of gestation to 4 years)' };
  const z = zScore(inReferenceUnits(kind, value), lms);
  return { ok: true, reading: { age, z, centile: centileOfZ(z) } };
}
