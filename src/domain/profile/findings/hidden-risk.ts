// High: risk that cannot be seen: a factor nobody can assess (the carer is not accessible or not
// open: docs/domain.md, Assume risk until it is excluded), or an adult whose identity or history is unknown ("invisible men": docs/domain.md, Fathers and other men).
import { allSubjects, factorIn, factorOf, makeFinding } from './rule-context.ts';
import { relationshipInWords } from '../plain-words.ts';
import type { FactorId } from '../../catalogue/factor-ids.ts';
import type { FindingRule } from './rule-context.ts';

export const hiddenRisk: FindingRule = (context) => {
  const facts: string[] = [];
  const factorIds: FactorId[] = [];
  const personIds: string[] = [];
  for (const profile of allSubjects(context)) {
    for (const factor of profile.risk) {
      if (factor.status !== 'cannot-assess') continue;
      const reason = factor.reason?.trim() ? `: ${factor.reason.trim()}` : '';
      facts.push(`${factorOf(profile, factor.factorId)} cannot be assessed${reason}`);
      factorIds.push(factor.factorId);
      if (profile.personId !== undefined) personIds.push(profile.personId);
    }
  }
  for (const { person, profile } of context.adults) {
    if (factorIn(profile, 'identity-unknown')?.status !== 'present') continue;
    const who = `${person.name} (${relationshipInWords(person.relationshipToInfant)})`;
    const gaps = [!person.identityKnown && 'who they are is not known', !person.historyChecked && 'their history has not been checked'].filter(
      (gap): gap is string => typeof gap === 'string',
    );
    facts.push(`${who}: ${gaps.join(', and ')}`);
    factorIds.push('identity-unknown');
    personIds.push(person.id);
  }
  if (facts.length === 0) return null;
  return makeFinding('hidden-risk', { facts, factorIds, personIds });
};
