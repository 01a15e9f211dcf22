// Attention: a V factor (substance use, domestic abuse, mental health, sleep...) excluded on the
// carer's word alone. It does not count as excluded until another source agrees (docs/domain.md, The carer's account is not independent evidence).
import { allSubjects, factorOf, makeFinding } from './rule-context.ts';
import { onWhoseAccount } from './conflicting-information.ts';
import type { FactorId } from '../../catalogue/factor-ids.ts';
import type { FindingRule } from './rule-context.ts';

export const unverifiedExclusion: FindingRule = (context) => {
  const facts: string[] = [];
  const factorIds: FactorId[] = [];
  const personIds: string[] = [];
  for (const profile of allSubjects(context)) {
    for (const factor of profile.risk) {
      if (factor.effectiveStatus !== 'unverified-exclusion') continue;
      facts.push(`${factorOf(profile, factor.factorId)} was excluded ${onWhoseAccount(context, profile)} alone`);
      factorIds.push(factor.factorId);
      if (profile.personId !== undefined) personIds.push(profile.personId);
    }
  }
  if (facts.length === 0) return null;
  return makeFinding('unverified-exclusion', { facts, factorIds, personIds });
};
