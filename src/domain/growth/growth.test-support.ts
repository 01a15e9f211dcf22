// Weights made from the reference itself, so a test says "on the 50th centile at 10 weeks" and not a number of grams.
import { plottedAge } from './growth-age.ts';
import { valueAtZ } from './lms.ts';
import { DAYS_IN_A_YEAR, fromReferenceUnits, referenceAt } from './uk-who-reference.ts';
import type { GrowthMeasurement, GrowthSubject, MeasurementKind } from './growth.types.ts';

export const BORN = '2026-06-01';
export const boy = (gestationAtBirthWeeks = 40): GrowthSubject => ({ dateOfBirth: BORN, gestationAtBirthWeeks, sex: 'male' });

/** The measurement with z-score `z` on `on`, for this baby, in grams or centimetres (unrounded). */
export function valueAt(subject: GrowthSubject, on: string, z: number, kind: MeasurementKind = 'weight'): number {
  const age = plottedAge(subject.dateOfBirth!, subject.gestationAtBirthWeeks!, on)!;
  return fromReferenceUnits(kind, valueAtZ(z, referenceAt(kind, subject.sex!, age.days / DAYS_IN_A_YEAR)!));
}

let made = 0;
export function weight(value: number, measuredOn: string, entryId?: string): GrowthMeasurement {
  made += 1;
  return { id: `m${made}`, kind: 'weight', value, measuredOn, recordedBy: 'Nell Hart', agency: 'Health visiting', ...(entryId ? { entryId } : {}) };
}
