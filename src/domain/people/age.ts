// Age of an infant in the words practitioners use, corrected age for babies born before 37 weeks
// (development is judged against it), and gestation for an unborn baby. Pure: `today` comes in.
import { daysFrom } from '../shared/calendar-date.ts';

const TERM_WEEKS = 40;
export const PRETERM_BEFORE_WEEKS = 37;
/** Corrected age is used until the child is two. */
const CORRECT_UNTIL_DAYS = 2 * 365;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "3 days", "5 weeks 2 days", "4 months", "1 year 3 months". */
export function describeAgeInDays(days: number): string {
  if (days < 14) return plural(days, 'day');
  if (days < 13 * 7) {
    const weeks = Math.floor(days / 7);
    const rest = days % 7;
    return rest ? `${plural(weeks, 'week')} ${plural(rest, 'day')}` : plural(weeks, 'week');
  }
  const months = Math.floor(days / 30.4375);
  if (months < 12) return plural(months, 'month');
  const years = Math.floor(months / 12);
  return months % 12 ? `${plural(years, 'year')} ${plural(months % 12, 'month')}` : plural(years, 'year');
}

export function ageInDays(dateOfBirth: string, today: string): number {
  return daysFrom(dateOfBirth, today);
}

export type CorrectedAge =
  | { applies: false }
  | { applies: true; days: number; description: string };

/** Corrected age = age minus the weeks born early. Before the due date it is negative: "not yet at term". */
export function correctedAge(dateOfBirth: string, gestationAtBirthWeeks: number | null, today: string): CorrectedAge {
  if (gestationAtBirthWeeks === null || gestationAtBirthWeeks >= PRETERM_BEFORE_WEEKS) return { applies: false };
  const days = ageInDays(dateOfBirth, today) - (TERM_WEEKS - gestationAtBirthWeeks) * 7;
  if (days >= CORRECT_UNTIL_DAYS) return { applies: false };
  const description = days < 0 ? `not yet at term (due date in ${describeAgeInDays(-days)})` : describeAgeInDays(days);
  return { applies: true, days, description };
}

/** Weeks and days of pregnancy today, counted back from the expected date of delivery (40 weeks). */
export function gestationToday(expectedDeliveryDate: string, today: string): { weeks: number; days: number } {
  const total = TERM_WEEKS * 7 - daysFrom(today, expectedDeliveryDate);
  return { weeks: Math.floor(total / 7), days: total % 7 };
}

/** "1 week", "29 weeks". */
export function weeksInWords(weeks: number): string {
  return plural(weeks, 'week');
}

/** Gestation in words: "28 weeks 1 day", "30 weeks 0 days" (the days always said, as midwives write 28+1). */
export function gestationInWords(gestation: { weeks: number; days: number }): string {
  return `${plural(gestation.weeks, 'week')} ${plural(gestation.days, 'day')}`;
}

export function isPreterm(gestationAtBirthWeeks: number | null): boolean {
  return gestationAtBirthWeeks !== null && gestationAtBirthWeeks < PRETERM_BEFORE_WEEKS;
}
