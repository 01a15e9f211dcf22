// The first day a record from another agency can be about this baby: the start of the pregnancy.
// Counted as the due date counts it (40 weeks before the due date, from the first day of the last
// period); for a baby already born, the gestation at birth back from the birthday, or 42 weeks (the
// longest a pregnancy is let run) when the gestation is not recorded. A date before it is not part
// of this baby's life: a year-old admission of the mother's, or a date typed wrongly.
import { addDays } from '../../shared/calendar-date.ts';

export interface BabysDates {
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  gestationAtBirthWeeks: number | null;
}

const FULL_TERM_WEEKS = 40;
const LONGEST_PREGNANCY_WEEKS = 42;

/** YYYY-MM-DD, or null when the record gives neither a birthday nor a due date. */
export function pregnancyStart(baby: BabysDates): string | null {
  if (baby.dateOfBirth !== null) return addDays(baby.dateOfBirth, -7 * (baby.gestationAtBirthWeeks ?? LONGEST_PREGNANCY_WEEKS));
  if (baby.expectedDeliveryDate !== null) return addDays(baby.expectedDeliveryDate, -7 * FULL_TERM_WEEKS);
  return null;
}

/** Whether a day (YYYY-MM-DD) is before the pregnancy began. */
export function isBeforePregnancy(day: string, baby: BabysDates): boolean {
  const start = pregnancyStart(baby);
  return start !== null && day < start;
}
