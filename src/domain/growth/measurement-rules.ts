// What a measurement must be before it is stored: a weight in grams, a length or head circumference
// in centimetres, within what a child up to 4 years can measure, dated on or after the birth and not
// in the future.
import { isRealIsoDate } from '../shared/calendar-date.ts';
import { isMeasurementKind, UNIT_OF, type MeasurementKind } from './growth.types.ts';

/** Plausible for a baby from 23 weeks of gestation to 4 years (beyond the charts' 0.4th and 99.6th centiles). */
export const PLAUSIBLE_RANGES: Readonly<Record<MeasurementKind, { min: number; max: number }>> = {
  weight: { min: 250, max: 25000 },
  length: { min: 20, max: 120 },
  'head-circumference': { min: 15, max: 60 },
};

export interface MeasurementInput {
  kind: unknown;
  value: unknown;
  unit: unknown;
  /** YYYY-MM-DD. */
  measuredOn: unknown;
}

export interface MeasurementProblem {
  field: 'kind' | 'value' | 'unit' | 'measuredOn';
  message: string;
}

export interface ValidMeasurement {
  kind: MeasurementKind;
  value: number;
  measuredOn: string;
}

export type MeasurementCheck = { ok: true; measurement: ValidMeasurement } | { ok: false; problems: MeasurementProblem[] };

const WORDS: Readonly<Record<MeasurementKind, string>> = { weight: 'weight', length: 'length', 'head-circumference': 'head circumference' };

function rangeInWords(kind: MeasurementKind): string {
  const { min, max } = PLAUSIBLE_RANGES[kind];
  const unit = UNIT_OF[kind];
  const n = (v: number) => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `between ${n(min)} ${unit} and ${n(max)} ${unit}`;
}

/** The baby the measurement is of: its date of birth, null while unborn. */
export function checkMeasurement(input: MeasurementInput, dateOfBirth: string | null, today: string): MeasurementCheck {
  const problems: MeasurementProblem[] = [];
  const kind = isMeasurementKind(input.kind) ? input.kind : null;
  if (kind === null) problems.push({ field: 'kind', message: 'Select what was measured' });
  const value = typeof input.value === 'number' && Number.isFinite(input.value) ? input.value : null;
  if (kind !== null) {
    if (input.unit !== UNIT_OF[kind]) problems.push({ field: 'unit', message: `Give the ${WORDS[kind]} in ${UNIT_OF[kind] === 'g' ? 'grams (g)' : 'centimetres (cm)'}` });
    else if (value === null) problems.push({ field: 'value', message: `Enter the ${WORDS[kind]} as a number` });
    else if (value < PLAUSIBLE_RANGES[kind].min || value > PLAUSIBLE_RANGES[kind].max) {
      problems.push({ field: 'value', message: `The ${WORDS[kind]} must be ${rangeInWords(kind)}` });
    }
  }
  const measuredOn = typeof input.measuredOn === 'string' && isRealIsoDate(input.measuredOn) ? input.measuredOn : null;
  if (measuredOn === null) problems.push({ field: 'measuredOn', message: 'Enter the date it was measured as a real date' });
  else if (dateOfBirth === null) problems.push({ field: 'measuredOn', message: 'Record the birth before recording measurements' });
  else if (measuredOn < dateOfBirth) problems.push({ field: 'measuredOn', message: 'The date measured must be on or after the date of birth' });
  else if (measuredOn > today) problems.push({ field: 'measuredOn', message: 'The date measured must be today or in the past' });
  if (problems.length > 0 || kind === null || value === null || measuredOn === null) return { ok: false, problems };
  return { ok: true, measurement: { kind, value: kind === 'weight' ? Math.round(value) : Math.round(value * 10) / 10, measuredOn } };
}
