// Attention: a partner called protective without saying how, or when they are there. Infant 1's
// father was a "protective factor" while out at work all day (docs/domain.md, Fathers and other men).
import { pronounsOf, verbFor } from '../plain-words.ts';
import { factorIn, makeFinding } from './rule-context.ts';
import type { FindingRule } from './rule-context.ts';

const blank = (text: string | undefined) => text === undefined || text.trim() === '';

export const protectiveClaimUnsupported: FindingRule = (context) => {
  const facts: string[] = [];
  const personIds: string[] = [];
  for (const { person, profile } of context.adults) {
    const claim = factorIn(profile, 'supportive-partner');
    if (!claim?.indicated) continue;
    const p = pronounsOf(person);
    const missing = [
      blank(claim.protection?.how) && `how ${p.subject} ${verbFor(p, 'protect')} the baby`,
      blank(claim.protection?.whenPresent) && `when ${p.subject} ${p.plural ? 'are' : 'is'} there`,
    ].filter((gap): gap is string => typeof gap === 'string');
    if (missing.length === 0) continue;
    facts.push(`${person.name} is recorded as a supportive partner without saying ${missing.join(' or ')}`);
    personIds.push(person.id);
  }
  if (facts.length === 0) return null;
  return makeFinding('protective-claim-unsupported', { facts, factorIds: ['supportive-partner'], personIds });
};
