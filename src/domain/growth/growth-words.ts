// Measurements and ages in the words the growth page and the profile use.
import { describeAgeInDays } from '../people/age.ts';
import type { PlottedAge } from './growth-age.ts';
import type { MeasurementKind } from './growth.types.ts';

/** 2500 as "2,500", without depending on the runtime's locale data. */
function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "3,400 g", "52.5 cm". */
export function measurementInWords(kind: MeasurementKind, value: number): string {
  return kind === 'weight' ? `${withThousands(Math.round(value))} g` : `${Math.round(value * 10) / 10} cm`;
}

export const KIND_NAMES: Readonly<Record<MeasurementKind, string>> = { weight: 'Weight', length: 'Length', 'head-circumference': 'Head circumference' };

/** "at birth", "at 10 weeks", "at 10 weeks corrected", "at 30 weeks of gestation". */
export function plottedAgeInWords(age: PlottedAge): string {
  if (age.chronologicalDays === 0 && !age.corrected) return 'at birth';
  if (age.corrected && age.days < 0) return `at ${Math.floor((280 + age.days) / 7)} weeks of gestation (corrected)`;
  return `at ${describeAgeInDays(age.days)}${age.corrected ? ' corrected' : ''}`;
}
