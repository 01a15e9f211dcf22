// Critical: any injury in a baby who is not independently mobile ("if they can't cruise they can't
// bruise": docs/domain.md, Bruising in non-mobile infants). Under 6 months (actual or corrected age) always counts as not mobile.
import { ageInDays, correctedAge, describeAgeInDays } from '../../people/age.ts';
import { addMonths, dayOf, daysFrom, wholeMonths } from '../../shared/calendar-date.ts';
import { capitalise } from '../plain-words.ts';
import { babyName, factorIn, makeFinding } from './rule-context.ts';
import type { EvaluatedFactor, EvidenceTally, InfantFacts } from '../profile.types.ts';
import type { FindingRule } from './rule-context.ts';

export const NON_MOBILE_UNDER_MONTHS = 6;

/** Why the baby counts as not independently mobile, or null when it is mobile. */
export function notMobileBecause(infant: InfantFacts, today: string): string | null {
  const born = dayOf(infant.dateOfBirth);
  const now = dayOf(today);
  if (born !== null && now !== null) {
    // In calendar months, so a baby a day short of six months is never called "6 months".
    const months = wholeMonths(born, now);
    const age = months >= 1 ? `${months} month${months === 1 ? '' : 's'}` : describeAgeInDays(Math.max(0, ageInDays(born, now)));
    if (now < addMonths(born, NON_MOBILE_UNDER_MONTHS)) return `${age} old, under ${NON_MOBILE_UNDER_MONTHS} months`;
    // A premature baby develops to corrected age: born at 28 weeks and 7 months old is 4 months corrected.
    const corrected = correctedAge(born, infant.gestationAtBirthWeeks, now);
    const sixMonthsInDays = daysFrom(born, addMonths(born, NON_MOBILE_UNDER_MONTHS));
    if (corrected.applies && corrected.days < sixMonthsInDays) return `${age} old, under ${NON_MOBILE_UNDER_MONTHS} months corrected age`;
  }
  if (infant.independentlyMobile === false) return 'recorded as not independently mobile';
  // Not recorded: assume the baby is not mobile until someone records that it is.
  if (infant.independentlyMobile !== true) return 'mobility not recorded';
  return null;
}

function whatWasSeen(injury: EvaluatedFactor, { latestPresence: latest }: EvidenceTally): string {
  if (injury.status === 'present' && injury.detail?.trim()) return injury.detail.trim();
  return latest ? `${latest.note} (${latest.agency})` : 'an injury';
}

export const nonMobileInjury: FindingRule = (context) => {
  const injury = factorIn(context.infantProfile, 'injury');
  if (!injury?.indicated || context.infant.status !== 'born') return null;
  const because = notMobileBecause(context.infant, context.today);
  if (because === null) return null;
  const fact = `${capitalise(babyName(context.infant))} (${because}) has an injury: ${whatWasSeen(injury, context.tallyOf(injury))}`;
  return makeFinding('non-mobile-injury', { facts: [fact], factorIds: ['injury'], personIds: [] });
};
