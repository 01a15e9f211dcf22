// The age a measurement is plotted at on the UK-WHO charts. A baby born before 37 weeks is plotted
// at corrected age (age minus the weeks born early, counting 40 weeks as term) until corrected age
// reaches 1 year when born at 32 to 36 weeks, or 2 years when born before 32 weeks (the RCPCH's
// instructions for the UK-WHO charts); after that, at chronological age. A baby born at 37 weeks or
// later is plotted at chronological age, except that a measurement on the day of birth goes in the
// charts' term section at the gestation of birth.
import { PRETERM_BEFORE_WEEKS } from '../people/age.ts';
import { addDays, addMonths, daysFrom } from '../shared/calendar-date.ts';

export const TERM_WEEKS = 40;
/** Born before this, corrected age is used to 2 years; otherwise (before 37 weeks) to 1 year. */
export const CORRECT_TO_TWO_YEARS_BEFORE_WEEKS = 32;

export interface PlottedAge {
  /** Days from 40 weeks of gestation (negative before term) at which the measurement is read. */
  days: number;
  /** Days since birth. */
  chronologicalDays: number;
  /** Read at corrected age. */
  corrected: boolean;
}

/** The day corrected age stops being used; null for a baby not born preterm. */
export function correctedAgeEndsOn(dateOfBirth: string, gestationAtBirthWeeks: number): string | null {
  if (gestationAtBirthWeeks >= PRETERM_BEFORE_WEEKS) return null;
  const dueDate = addDays(dateOfBirth, Math.round((TERM_WEEKS - gestationAtBirthWeeks) * 7));
  return addMonths(dueDate, gestationAtBirthWeeks < CORRECT_TO_TWO_YEARS_BEFORE_WEEKS ? 24 : 12);
}

/** The age a measurement on `on` is plotted at; null before the birth. */
export function plottedAge(dateOfBirth: string, gestationAtBirthWeeks: number, on: string): PlottedAge | null {
  const chronologicalDays = daysFrom(dateOfBirth, on);
  if (chronologicalDays < 0) return null;
  const weeksEarly = TERM_WEEKS - gestationAtBirthWeeks;
  const endsOn = correctedAgeEndsOn(dateOfBirth, gestationAtBirthWeeks);
  if (endsOn !== null && on < endsOn) return { days: chronologicalDays - Math.round(weeksEarly * 7), chronologicalDays, corrected: true };
  if (endsOn === null && chronologicalDays === 0) return { days: Math.round((gestationAtBirthWeeks - TERM_WEEKS) * 7), chronologicalDays, corrected: false };
  return { days: chronologicalDays, chronologicalDays, corrected: false };
}
