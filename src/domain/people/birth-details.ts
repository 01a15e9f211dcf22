// The birth as the record holds it (docs/domain.md, "Recording the birth"): gestation kept as weeks
// and days, the Birth chronology entry's words, and what a correction of the birth details changed.
// Pure: `today` comes in as an ISO date.
import { dayInWords } from '../shared/calendar-date.ts';
import { gestationInWords, weeksInWords } from './age.ts';
import { GESTATION_WEEKS } from './record-matching.ts';

/** Gestation at birth as midwives write it: completed weeks and, when given, the days past them ("38+4"). */
export interface Gestation {
  weeks: number;
  /** 0 to 6; null when only the weeks were given ("38"). */
  days: number | null;
}

const GESTATION_TEXT = /^\s*(\d{1,2})\s*(?:\+\s*(\d))?\s*$/;

/** "38" is 38 completed weeks, "38+4" is 38 weeks and 4 days; anything else is not a gestation (null). */
export function parseGestation(text: string): Gestation | null {
  const match = GESTATION_TEXT.exec(text);
  if (!match) return null;
  return { weeks: Number(match[1]), days: match[2] === undefined ? null : Number(match[2]) };
}

/** "38+4" or "38", as it was typed and as the forms give it back. */
export function gestationText(weeks: number | null, days: number | null): string {
  if (weeks === null) return '';
  return days === null ? String(weeks) : `${String(weeks)}+${String(days)}`;
}

/** "38+4 weeks", "38 weeks", or null when not recorded. */
export function gestationAtBirthInWords(weeks: number | null, days: number | null): string | null {
  return weeks === null ? null : `${gestationText(weeks, days)} weeks`;
}

/** Gestation at birth for reading, as the case page says gestation today: "29 weeks 3 days", "29 weeks" when only the completed weeks were recorded; null when not recorded. */
export function gestationAtBirthForReading(weeks: number | null, days: number | null): string | null {
  if (weeks === null) return null;
  return days === null ? weeksInWords(weeks) : gestationInWords({ weeks, days });
}

/** Days of pregnancy at birth: what a chart or corrected age counts from (38+4 is 270 days). */
export function gestationInDays(weeks: number, days: number | null): number {
  return weeks * 7 + (days ?? 0);
}

export const GESTATION_WORDS = `Enter gestation at birth as completed weeks from ${String(GESTATION_WEEKS.min)} to ${String(GESTATION_WEEKS.max)}, with any days after a plus from 0 to 6, like 38 or 38+4`;

/** The gestation's problem, or null: whole weeks in range, days 0 to 6 and only beside weeks. */
export function gestationProblem(weeks: number | null | undefined, days: number | null | undefined): string | null {
  const hasWeeks = weeks !== null && weeks !== undefined;
  const hasDays = days !== null && days !== undefined;
  if (!hasWeeks) return hasDays ? GESTATION_WORDS : null;
  if (!Number.isInteger(weeks) || weeks < GESTATION_WEEKS.min || weeks > GESTATION_WEEKS.max) return GESTATION_WORDS;
  if (hasDays && (!Number.isInteger(days) || days < 0 || days > 6)) return GESTATION_WORDS;
  return null;
}

/** What the Birth entry recorded with the birth says of it. */
export interface BirthForEntry {
  dateOfBirth: string;
  gestationAtBirthWeeks?: number | null;
  gestationAtBirthDays?: number | null;
  birthWeightGrams?: number | null;
  multipleBirth?: boolean | null;
}

/** "Born on 20 November 2026 at 38+4 weeks, weighing 3,200 g (a twin, triplet or more)." */
export function birthEntrySummary(birth: BirthForEntry): string {
  const parts = [`Born on ${dayInWords(birth.dateOfBirth)}`];
  const gestation = gestationAtBirthInWords(birth.gestationAtBirthWeeks ?? null, birth.gestationAtBirthDays ?? null);
  if (gestation) parts.push(` at ${gestation}`);
  if (birth.birthWeightGrams !== null && birth.birthWeightGrams !== undefined) parts.push(`${gestation ? ',' : ''} weighing ${birth.birthWeightGrams.toLocaleString('en-GB')} g`);
  if (birth.multipleBirth === true) parts.push(' (a twin, triplet or more)');
  return `${parts.join('')}.`;
}

// ---------------------------------------------------------------------------------------------
// Correcting the birth details.

/** The birth details a correction may change, as the record holds them. */
export interface BirthDetails {
  dateOfBirth: string;
  nhsNumber: string | null;
  gestationAtBirthWeeks: number | null;
  gestationAtBirthDays: number | null;
  birthWeightGrams: number | null;
  sex: string | null;
  givenName: string | null;
  familyName: string | null;
}

export type BirthDetail = keyof BirthDetails;

/** The fields in the order the correction page shows them. */
export const BIRTH_DETAIL_FIELDS: readonly BirthDetail[] = ['givenName', 'familyName', 'sex', 'dateOfBirth', 'nhsNumber', 'gestationAtBirthWeeks', 'gestationAtBirthDays', 'birthWeightGrams'];

export interface DetailChanged {
  field: BirthDetail;
  from: string | number | null;
  to: string | number | null;
}

/** Each detail that differs, from and to, in the page's order. */
export function birthDetailsChanged(before: BirthDetails, after: BirthDetails): DetailChanged[] {
  return BIRTH_DETAIL_FIELDS.filter((field) => before[field] !== after[field]).map((field) => ({ field, from: before[field], to: after[field] }));
}

export const CORRECTION_REASON_MAX_LENGTH = 2000;

export type CorrectionProblem = { field: 'reason' | 'changes'; message: string };

/** A correction says why, and changes something. */
export function checkCorrection(reason: string | null | undefined, changed: readonly DetailChanged[]): CorrectionProblem[] {
  const problems: CorrectionProblem[] = [];
  const why = (reason ?? '').trim();
  if (why === '') problems.push({ field: 'reason', message: 'Say why the birth details are being corrected, and where the right ones come from' });
  else if (why.length > CORRECTION_REASON_MAX_LENGTH) problems.push({ field: 'reason', message: `The reason must be ${String(CORRECTION_REASON_MAX_LENGTH)} characters or fewer` });
  if (changed.length === 0) problems.push({ field: 'changes', message: 'Nothing has changed: change the details that are wrong, or go back to the record' });
  return problems;
}

