// The success banner after a correction of the birth details: what changed, each from what to what,
// in the words the page uses ("Birth details corrected: gestation at birth from 34 weeks to
// 34 weeks 3 days."). The gestation's weeks and days are one detail on the page, so one here.
import type { BirthDetails, DetailChanged } from '../../../domain/people/birth-details.ts';
import { gestationAtBirthForReading } from '../../../domain/people/birth-details.ts';
import { formatNhsNumber } from '../../../domain/people/nhs-number.ts';
import { listInWords } from '../../../domain/profile/plain-words.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';

type Shown = 'givenName' | 'familyName' | 'sex' | 'dateOfBirth' | 'nhsNumber' | 'gestation' | 'birthWeightGrams';

const ORDER: readonly Shown[] = ['givenName', 'familyName', 'sex', 'dateOfBirth', 'nhsNumber', 'gestation', 'birthWeightGrams'];

const NAMES: Record<Shown, string> = {
  givenName: 'first name',
  familyName: 'family name',
  sex: 'sex',
  dateOfBirth: 'date of birth',
  nhsNumber: 'NHS number',
  gestation: 'gestation at birth',
  birthWeightGrams: 'birth weight',
};

/** One detail as the page reads it; "not recorded" when the record has none. */
function detailInWords(detail: Shown, details: BirthDetails, sexLabels: Record<string, string>): string {
  const words = {
    givenName: details.givenName,
    familyName: details.familyName,
    sex: details.sex === null ? null : (sexLabels[details.sex] ?? details.sex).toLowerCase(),
    dateOfBirth: dayInWords(details.dateOfBirth),
    nhsNumber: details.nhsNumber === null ? null : formatNhsNumber(details.nhsNumber),
    gestation: gestationAtBirthForReading(details.gestationAtBirthWeeks, details.gestationAtBirthDays),
    birthWeightGrams: details.birthWeightGrams === null ? null : `${String(details.birthWeightGrams)} g`,
  }[detail];
  return words === null || words === '' ? 'not recorded' : words;
}

/** "Birth details corrected: date of birth from 20 November 2026 to 21 November 2026 and birth weight from 3200 g to 3250 g." */
export function correctionInWords(changed: readonly DetailChanged[], before: BirthDetails, after: BirthDetails, sexLabels: Record<string, string>): string {
  const fields = new Set<Shown>(changed.map(({ field }) => (field === 'gestationAtBirthWeeks' || field === 'gestationAtBirthDays' ? 'gestation' : field)));
  const parts = ORDER.filter((detail) => fields.has(detail)).map((detail) => `${NAMES[detail]} from ${detailInWords(detail, before, sexLabels)} to ${detailInWords(detail, after, sexLabels)}`);
  return `Birth details corrected: ${listInWords(parts)}.`;
}
