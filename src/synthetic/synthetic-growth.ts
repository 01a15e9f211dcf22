// A born baby's weights from its birth weight, at the ages a baby is usually weighed: by the
// midwife (or, born preterm, the hospital) at about 5 days, at the health visitor's new birth visit,
// at the 6 to 8 week review, then at the baby clinic monthly to 6 months and every 2 months after,
// a few clinics missed. The first days lose a little of the birth weight and regain it, so at 2
// weeks a baby sits a little below its birth centile (the chart has moved on while it regained);
// from there a weight follows a path on the UK-WHO chart (domain/growth): most babies drift towards
// the middle (small babies catch up), and a few (FALTERING_SHARE) fall across more centile spaces than
// faltering growth allows for their birth weight, so the profile derives faltering growth for them.
import { spacesThatCount } from '../domain/growth/faltering-growth.ts';
import { CENTILE_SPACE_SD } from '../domain/growth/centile-lines.ts';
import { plottedAge } from '../domain/growth/growth-age.ts';
import { valueAtZ } from '../domain/growth/lms.ts';
import { readMeasurement } from '../domain/growth/read-measurement.ts';
import { DAYS_IN_A_YEAR, fromReferenceUnits, referenceAt } from '../domain/growth/uk-who-reference.ts';
import { addDays, daysFrom } from '../domain/shared/calendar-date.ts';
import type { OrganisationKind } from '../domain/shared/organisation-kinds.ts';
import type { Random } from '../domain/shared/seeded-random.ts';
import { momentOn } from './synthetic-days.ts';
import type { FamilyWorker } from './synthetic-staff.ts';
import type { SyntheticCase, SyntheticMeasurement } from './synthetic.types.ts';

/** About this share of born babies falls across centile spaces after the first days. */
export const FALTERING_SHARE = 0.06;

/** The usual ages (in days) of weighing, each moved by up to `jitter` days either way. */
const WEIGHINGS: readonly { day: number; jitter: number }[] = [
  { day: 5, jitter: 1 },
  { day: 12, jitter: 2 },
  ...[49, 75, 105, 135, 165, 225, 285, 345].map((day) => ({ day, jitter: 5 })),
];
const MISSED_CLINIC = 0.15;
/** The first days: weights are a share of the birth weight, not a path on the chart. */
const FIRST_DAYS = 14;
/** At 2 weeks the birth weight is just regained: so much above it. */
const REGAINED_BY_TWO_WEEKS = 1.03;
/** The most a growing baby sits below its birth centile at 2 weeks (three quarters of a centile space). */
const MOST_BELOW_AT_TWO_WEEKS_Z = 0.5;
/** A path on the chart settles over about 5 months. */
const SETTLES_OVER_DAYS = 150;
/** However small at birth, a growing baby catches up to at least about the 5th centile. */
const CATCH_UP_TO_Z = -1.7;

const between = (random: Random, min: number, max: number) => min + random.next() * (max - min);

/** The days weighed, oldest first: before today, and the clinics from 6 weeks each sometimes missed. */
function daysWeighed(random: Random, dateOfBirth: string, today: string): string[] {
  const days: string[] = [];
  for (const { day, jitter } of WEIGHINGS) {
    const on = addDays(dateOfBirth, day + random.int(-jitter, jitter));
    const missed = day > FIRST_DAYS && random.chance(MISSED_CLINIC);
    if (on < today && !missed) days.push(on);
  }
  return days;
}

export interface GrowthOptions {
  random: Random;
  today: string;
  record: Pick<SyntheticCase, 'dateOfBirth' | 'gestationAtBirthWeeks' | 'sex' | 'birthWeightGrams'>;
  worker: (kind: OrganisationKind) => FamilyWorker;
  nextId: () => string;
}

/** Weights for a born baby with a sex, a gestation and a birth weight; none for anyone else. */
export function syntheticGrowth({ random, today, record, worker, nextId }: GrowthOptions): SyntheticMeasurement[] {
  const { dateOfBirth, gestationAtBirthWeeks: weeks, sex, birthWeightGrams: birthWeight } = record;
  if (dateOfBirth === null || weeks === null || sex === null || birthWeight === null) return [];
  const subject = { dateOfBirth, gestationAtBirthWeeks: weeks, sex };
  const birth = readMeasurement(subject, 'weight', birthWeight, dateOfBirth);
  const regained = readMeasurement(subject, 'weight', birthWeight * REGAINED_BY_TWO_WEEKS, addDays(dateOfBirth, FIRST_DAYS));
  if (!birth.ok || !regained.ok) return [];
  const birthZ = birth.reading.z;
  // Where the path starts at 2 weeks: no lower than the catch-up centile for a baby born above it.
  const startZ = Math.max(regained.reading.z, birthZ - MOST_BELOW_AT_TWO_WEEKS_Z, Math.min(birthZ, CATCH_UP_TO_Z));
  const falters = random.chance(FALTERING_SHARE);
  const days = daysWeighed(random, dateOfBirth, today);
  const lastAge = days.length === 0 ? 0 : daysFrom(dateOfBirth, days.at(-1)!);
  // Where the path ends: a faltering baby falls by more than the spaces that count, over the days it is weighed.
  const endZ = falters
    ? birthZ - (spacesThatCount(birthZ).spaces + between(random, 0.3, 1)) * CENTILE_SPACE_SD
    : Math.max(CATCH_UP_TO_Z, birthZ * between(random, 0.5, 0.8) + between(random, -0.2, 0.2));
  const settlesOver = falters ? Math.max(1, lastAge - FIRST_DAYS) : SETTLES_OVER_DAYS;
  const firstDaysLoss = between(random, 0.03, 0.08);
  const bornPreterm = weeks < 37;
  const measurements: SyntheticMeasurement[] = [];
  for (const on of days) {
    const age = daysFrom(dateOfBirth, on);
    let grams: number;
    if (age < FIRST_DAYS) {
      grams = birthWeight * (age <= 7 ? 1 - firstDaysLoss : 1 + between(random, -0.01, 0.04));
    } else {
      const z = startZ + (endZ - startZ) * Math.min(1, (age - FIRST_DAYS) / settlesOver) + between(random, -0.1, 0.1);
      const lms = referenceAt('weight', sex, plottedAge(dateOfBirth, weeks, on)!.days / DAYS_IN_A_YEAR);
      if (lms === null) continue;
      grams = fromReferenceUnits('weight', valueAtZ(z, lms));
    }
    const by = worker(age <= 7 ? (bornPreterm ? 'hospital' : 'midwifery') : 'health-visiting');
    measurements.push({
      id: nextId(),
      kind: 'weight',
      value: Math.max(250, Math.round(grams / 10) * 10),
      measuredOn: on,
      recordedAt: momentOn(on, random.int(60, 480)),
      recordedBy: by.user.id,
      recordedByName: by.user.name,
      organisationId: by.organisation.id,
      agency: by.organisation.name,
    });
  }
  return measurements;
}
