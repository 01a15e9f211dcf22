// Body measurements an Observation carries, for the baby's growth: weight, length (or height) and
// head circumference, found by their LOINC or SNOMED CT code and normalised to grams and
// centimetres. A unit that cannot be converted is refused with the reason, never guessed: the
// Observation still reaches the chronology in words.
import { listAt, objectAt, stringAt, type JsonObject } from './fhir-json.ts';

const LOINC = 'http://loinc.org';
const SNOMED_CT = 'http://snomed.info/sct';

export type MeasurementKind = 'weight' | 'length' | 'head-circumference';

export interface Measurement {
  kind: MeasurementKind;
  value: number;
  unit: 'g' | 'cm';
}

export type MeasurementProblemCode = 'measurement-unit-unknown' | 'measurement-no-value';

export const MEASUREMENT_PROBLEM_MESSAGES: Readonly<Record<MeasurementProblemCode, string>> = {
  'measurement-unit-unknown': 'Give the measurement in a unit the growth record converts: g or kg for a weight, cm, mm or m for a length or head circumference (UCUM codes)',
  'measurement-no-value': 'Give the measurement as a number greater than zero in valueQuantity',
};

const KIND_BY_CODE: Readonly<Record<string, Readonly<Record<string, MeasurementKind>>>> = {
  [LOINC]: {
    '29463-7': 'weight', // Body weight
    '3141-9': 'weight', // Body weight Measured
    '8339-4': 'weight', // Birth weight Measured
    '8302-2': 'length', // Body height
    '8306-3': 'length', // Body height --lying
    '9843-4': 'head-circumference', // Head Occipital-frontal circumference
    '8287-5': 'head-circumference', // Head Occipital-frontal circumference by Tape measure
  },
  [SNOMED_CT]: {
    '27113001': 'weight', // Body weight
    '50373000': 'length', // Body height measure
    '363812007': 'head-circumference', // Head circumference
  },
};

/** Each unit (UCUM code, or the unit as people write it) and what one of it is in grams or centimetres. */
const GRAMS: Readonly<Record<string, number>> = { g: 1, gram: 1, grams: 1, kg: 1000, kilogram: 1000, kilograms: 1000 };
const CENTIMETRES: Readonly<Record<string, number>> = {
  cm: 1,
  centimeter: 1,
  centimetre: 1,
  centimeters: 1,
  centimetres: 1,
  mm: 0.1,
  millimeter: 0.1,
  millimetre: 0.1,
  millimeters: 0.1,
  millimetres: 0.1,
  m: 100,
  meter: 100,
  metre: 100,
  meters: 100,
  metres: 100,
};

/** Which measurement an Observation's code is, or undefined when it is none of them. */
export function measurementKindOf(code: unknown): MeasurementKind | undefined {
  for (const coding of listAt(code, 'coding')) {
    const kind = KIND_BY_CODE[stringAt(coding, 'system') ?? '']?.[stringAt(coding, 'code') ?? ''];
    if (kind !== undefined) return kind;
  }
  return undefined;
}

export type MeasurementReading = { ok: true; measurement: Measurement } | { ok: false; code: MeasurementProblemCode; path: string };

/** The measurement in an Observation of `kind`, normalised; or why it cannot be read. `path` is the resource's. */
export function readMeasurement(kind: MeasurementKind, resource: JsonObject, path: string): MeasurementReading {
  const quantity = objectAt(resource, 'valueQuantity');
  const value = quantity?.['value'];
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return { ok: false, code: 'measurement-no-value', path: `${path}/valueQuantity/value` };
  const factors = kind === 'weight' ? GRAMS : CENTIMETRES;
  // The UCUM code is what a system means; the unit is what it shows, read only when there is no code.
  const code = stringAt(quantity, 'code');
  const unit = code ?? stringAt(quantity, 'unit')?.toLowerCase();
  const factor = unit !== undefined && Object.hasOwn(factors, unit) ? factors[unit] : undefined;
  if (factor === undefined) return { ok: false, code: 'measurement-unit-unknown', path: `${path}/valueQuantity/${code === undefined ? 'unit' : 'code'}` };
  return { ok: true, measurement: { kind, value: Math.round(value * factor * 1000) / 1000, unit: kind === 'weight' ? 'g' : 'cm' } };
}

/** The chronology's words for a measurement: "Weighed 4,210 g". */
export function measurementSummary(measurement: Measurement): string {
  const amount = `${measurement.value.toLocaleString('en-GB', { maximumFractionDigits: 1 })} ${measurement.unit}`;
  switch (measurement.kind) {
    case 'weight':
      return `Weighed ${amount}`;
    case 'length':
      return `Measured ${amount} long`;
    case 'head-circumference':
      return `Head circumference ${amount}`;
  }
}
