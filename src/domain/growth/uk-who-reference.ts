// The UK-WHO growth reference (README.md in this folder): UK90 from 23 weeks of gestation to 2
// weeks after term, the WHO Child Growth Standards from 2 weeks to 2 years (length lying down) and
// from 2 to 4 years (height standing). Ages are decimal years from 40 weeks of gestation
// (days / 365.25), negative before term.
import data from './uk-who-lms.json' with { type: 'json' };
import { interpolateLms, type Lms } from './lms.ts';
import type { MeasurementKind, ReferenceSex } from './growth.types.ts';

type Row = readonly [number, number, number, number];
type Table = Readonly<Record<MeasurementKind, Readonly<Record<ReferenceSex, readonly Row[]>>>>;

const UK90 = data.uk90 as unknown as Table;
const WHO_2006 = data.who2006 as unknown as Table;
const WHO_2006_CHILDREN = data.who2006Children as unknown as Table;

export const DAYS_IN_A_YEAR = 365.25;
/** The data file's ages are rounded to 6 decimal places (under a minute): a day computed here within that is the row's day. */
const AGE_ROUNDING = 1e-5;
/** The reference's end: the charts here go to 4 years, as the UK-WHO 0-4 years chart does. */
export const REFERENCE_UNTIL_YEARS = 4;
/** The WHO standard's infant part (length, lying down) to 2 years; its children's part (height, standing) after. */
export const INFANT_PART_UNTIL_YEARS = 2;
/** UK90 is used to 2 weeks after term; the WHO standard from there on. */
export const UK90_UNTIL_YEARS = UK90.weight.male.at(-1)![0];

/** Where the reference starts for a kind of measurement (UK90 has weight and head circumference from 23 weeks, length from 25). */
export function referenceFromYears(kind: MeasurementKind): number {
  return UK90[kind].male[0]![0];
}

function lmsIn(rows: readonly Row[], age: number): Lms | null {
  const upper = rows.findIndex(([rowAge]) => rowAge >= age - AGE_ROUNDING);
  if (upper < 0) return null;
  const [b, L, M, S] = rows[upper]!;
  if (Math.abs(b - age) <= AGE_ROUNDING || upper === 0) return { L, M, S };
  const [a, La, Ma, Sa] = rows[upper - 1]!;
  return interpolateLms(age, [a, { L: La, M: Ma, S: Sa }], [b, { L, M, S }]);
}

/** The table an age is read from: UK90 to 2 weeks after term, then the WHO standard's infant part to 2 years, then its children's part. */
function tableAt(age: number): Table {
  if (age <= UK90_UNTIL_YEARS + AGE_ROUNDING) return UK90;
  return age <= INFANT_PART_UNTIL_YEARS + AGE_ROUNDING ? WHO_2006 : WHO_2006_CHILDREN;
}

/** The reference's L, M and S for a kind of measurement, a sex and an age in decimal years; null outside 23 weeks' gestation to 4 years. */
export function referenceAt(kind: MeasurementKind, sex: ReferenceSex, ageYears: number): Lms | null {
  const from = referenceFromYears(kind);
  if (!Number.isFinite(ageYears) || ageYears < from - AGE_ROUNDING || ageYears > REFERENCE_UNTIL_YEARS + AGE_ROUNDING) return null;
  const age = Math.min(Math.max(ageYears, from), REFERENCE_UNTIL_YEARS);
  return lmsIn(tableAt(age)[kind][sex], age);
}

/** The value of a measurement in the reference's units: weight in kilograms, the others in centimetres. */
export function inReferenceUnits(kind: MeasurementKind, value: number): number {
  return kind === 'weight' ? value / 1000 : value;
}

/** Back from the reference's units to the measurement's (grams for a weight). */
export function fromReferenceUnits(kind: MeasurementKind, value: number): number {
  return kind === 'weight' ? value * 1000 : value;
}
