// The baby's stage for the dashboards (issue 16): unborn, under 6 months, 6 to 12 months, or a year
// or more (a case still open past the first birthday). Whole calendar months from the birth.
import { addDays, addMonths, wholeMonths } from '../shared/calendar-date.ts';

export const STAGES = {
  unborn: 'Unborn',
  'under-6-months': 'Under 6 months',
  '6-to-12-months': '6 to 12 months',
  'over-12-months': '12 months or older',
} as const;

export type Stage = keyof typeof STAGES;
export const STAGE_IDS = Object.keys(STAGES) as Stage[];

export function isStage(value: string): value is Stage {
  return Object.hasOwn(STAGES, value);
}

/** A born case with no date of birth on the record counts as under 6 months: it was born, and the record is new. */
export function stageOf(status: 'unborn' | 'born', dateOfBirth: string | null, today: string): Stage {
  if (status === 'unborn') return 'unborn';
  if (dateOfBirth === null) return 'under-6-months';
  const months = wholeMonths(dateOfBirth, today);
  if (months < 6) return 'under-6-months';
  if (months < 12) return '6-to-12-months';
  return 'over-12-months';
}

/** The first day on which a baby born on `dateOfBirth` is `months` whole calendar months old (wholeMonths). */
function firstDayAged(dateOfBirth: string, months: number): string {
  let day = addMonths(dateOfBirth, months);
  // addMonths keeps the 31st as the shorter month's last day; wholeMonths counts the month only on the next day.
  while (wholeMonths(dateOfBirth, day) < months) day = addDays(day, 1);
  return day;
}

export interface StageDays {
  /** The first day the baby is 6 months old; null when unborn or the date of birth is not known. */
  sixMonthsOn: string | null;
  twelveMonthsOn: string | null;
}

/** The days a born baby moves to the next stage, so that a stored case's stage can be told on any day (stageOnDay). */
export function stageDays(status: 'unborn' | 'born', dateOfBirth: string | null): StageDays {
  if (status === 'unborn' || dateOfBirth === null) return { sixMonthsOn: null, twelveMonthsOn: null };
  return { sixMonthsOn: firstDayAged(dateOfBirth, 6), twelveMonthsOn: firstDayAged(dateOfBirth, 12) };
}

/** The stage on `today` from the stage days: stageOf's answer (the dashboards' SQL says the same). */
export function stageOnDay(status: 'unborn' | 'born', days: StageDays, today: string): Stage {
  if (status === 'unborn') return 'unborn';
  if (days.sixMonthsOn === null || today < days.sixMonthsOn) return 'under-6-months';
  if (days.twelveMonthsOn === null || today < days.twelveMonthsOn) return '6-to-12-months';
  return 'over-12-months';
}
