// The baby's stage for the dashboards (issue 16): unborn, under 6 months, 6 to 12 months, or a year
// or more (a case still open past the first birthday). Whole calendar months from the birth.
import { wholeMonths } from '../shared/calendar-date.ts';

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
