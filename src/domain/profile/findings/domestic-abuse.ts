// High: domestic abuse, experienced or perpetrated, by any adult around the baby. Counts police
// incidents too: three or more in twelve months is a common MARAC threshold (SafeLives).
import { addDays, dayOf } from '../../shared/calendar-date.ts';
import { countBetween } from '../../shared/sorted-list.ts';
import { countOf, listInWords } from '../plain-words.ts';
import { factorIn, makeFinding } from './rule-context.ts';
import type { FactorId } from '../../catalogue/factor-ids.ts';
import type { EvaluatedFactor, EvidenceTally } from '../profile.types.ts';
import type { FindingRule } from './rule-context.ts';

export const MARAC_INCIDENTS_IN_A_YEAR = 3;

const ROLES: readonly [FactorId, string][] = [
  ['domestic-abuse-victim', 'is experiencing domestic abuse'],
  ['domestic-abuse-perpetrator', 'is perpetrating domestic abuse'],
];

function basis(factor: EvaluatedFactor, { presence }: EvidenceTally): string {
  if (factor.status === 'present' && factor.detail?.trim()) return `: ${factor.detail.trim()}`;
  return presence.count > 0 ? ` (according to ${listInWords(presence.givers)})` : '';
}

export const domesticAbuse: FindingRule = (context) => {
  const facts: string[] = [];
  const factorIds: FactorId[] = [];
  const personIds: string[] = [];
  for (const adult of context.adults) {
    for (const [id, words] of ROLES) {
      const factor = factorIn(adult.profile, id);
      if (!factor?.indicated) continue;
      facts.push(`${adult.person.name} ${words}${basis(factor, context.tallyOf(factor))}`);
      factorIds.push(id);
      personIds.push(adult.person.id);
    }
  }
  if (facts.length === 0) return null;
  const today = dayOf(context.today);
  if (today !== null) {
    // The incidents' days are kept in day order (abuse-incidents.ts): counted by halving, not by walking every event.
    const recent = countBetween(context.abuseIncidentDays, addDays(today, -365), today);
    if (recent >= MARAC_INCIDENTS_IN_A_YEAR) {
      facts.push(`${countOf(recent, 'police domestic abuse incident')} in the last 12 months: consider MARAC whatever the DASH score`);
    }
  }
  return makeFinding('domestic-abuse', { facts, factorIds, personIds });
};
