// Growth measurements as the rules read them: a weight, a length or a head circumference on a day.
export const MEASUREMENT_KINDS = ['weight', 'length', 'head-circumference'] as const;
export type MeasurementKind = (typeof MEASUREMENT_KINDS)[number];

export const MEASUREMENT_UNITS = ['g', 'cm'] as const;
export type MeasurementUnit = (typeof MEASUREMENT_UNITS)[number];

/** Weight in grams; length and head circumference in centimetres. */
export const UNIT_OF: Readonly<Record<MeasurementKind, MeasurementUnit>> = { weight: 'g', length: 'cm', 'head-circumference': 'cm' };

/** Where a measurement came from: the growth page, the API, or an agency's FHIR message. */
export const MEASUREMENT_SOURCES = ['page', 'api', 'fhir'] as const;
export type MeasurementSource = (typeof MEASUREMENT_SOURCES)[number];

export function isMeasurementKind(value: unknown): value is MeasurementKind {
  return typeof value === 'string' && (MEASUREMENT_KINDS as readonly string[]).includes(value);
}

/** The charts are drawn for girls and for boys: a baby whose sex is not recorded cannot be read against them. */
export type ReferenceSex = 'female' | 'male';

export function referenceSexOf(sex: string | null | undefined): ReferenceSex | null {
  return sex === 'female' || sex === 'male' ? sex : null;
}

/** A measurement as stored and as the profile reads it. */
export interface GrowthMeasurement {
  id: string;
  kind: MeasurementKind;
  /** Grams for a weight, centimetres otherwise. */
  value: number;
  /** YYYY-MM-DD. */
  measuredOn: string;
  recordedBy: string;
  agency: string;
  /** The chronology entry it came with, if any. */
  entryId?: string | null;
}

/** What a measurement is read against: the baby's birth, gestation and sex. */
export interface GrowthSubject {
  dateOfBirth: string | null;
  gestationAtBirthWeeks: number | null;
  sex: ReferenceSex | null;
}
