// High: someone around the baby harmed a child before, or had a child removed (docs/profile-catalogue.md, previous-child-removed). Any
// significant adult, not only carers: a visitor with that history may be alone with the baby.
import { factorIn, makeFinding } from './rule-context.ts';
import { relationshipInWords } from '../plain-words.ts';
import type { FindingRule } from './rule-context.ts';

export const previousChildRemoved: FindingRule = (context) => {
  const facts: string[] = [];
  const personIds: string[] = [];
  for (const adult of context.adults) {
    const factor = factorIn(adult.profile, 'previous-child-harmed-or-removed');
    if (!factor?.indicated) continue;
    const detail = factor.detail?.trim() ? `: ${factor.detail.trim()}` : '';
    facts.push(`${adult.person.name} (${relationshipInWords(adult.person.relationshipToInfant)}) has harmed a child before or had a child removed${detail}`);
    personIds.push(adult.person.id);
  }
  if (facts.length === 0) return null;
  return makeFinding('previous-child-removed', { facts, factorIds: ['previous-child-harmed-or-removed'], personIds });
};
