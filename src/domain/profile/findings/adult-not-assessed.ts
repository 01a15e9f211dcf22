// Attention: an adult who lives with or cares for the baby, most of whose factors are still not
// assessed. Fathers and partners first: invisible adults are a known failure (docs/domain.md, Fathers and other men).
import { relationshipInWords } from '../plain-words.ts';
import { makeFinding } from './rule-context.ts';
import type { AdultSubject, FindingRule } from './rule-context.ts';

const FIRST: readonly string[] = ['father', 'mothers-partner', 'fathers-partner'];

function openCount(adult: AdultSubject): { open: number; total: number } {
  // Derived factors fill themselves, so they say nothing about whether anyone assessed the adult.
  const assessable = adult.profile.risk.filter((f) => !f.derived);
  return { open: assessable.filter((f) => f.effectiveStatus === 'not-assessed').length, total: assessable.length };
}

export const adultNotAssessed: FindingRule = (context) => {
  const unassessed = context.adults
    .filter((adult) => adult.carer)
    .map((adult) => ({ adult, ...openCount(adult) }))
    .filter(({ open, total }) => open * 2 > total)
    .sort((a, b) => Number(FIRST.includes(b.adult.person.relationshipToInfant)) - Number(FIRST.includes(a.adult.person.relationshipToInfant)));
  if (unassessed.length === 0) return null;
  const facts = unassessed.map(({ adult: { person }, open, total }) => {
    const role = person.livesInHousehold ? "lives in the baby's household" : person.caresForInfant ? 'cares for the baby' : "is the unborn baby's mother";
    return `${person.name} (${relationshipInWords(person.relationshipToInfant)}) ${role}, but ${open} of ${total} factors are not assessed`;
  });
  const factorIds = [...new Set(unassessed.flatMap(({ adult }) => adult.profile.risk.filter((f) => !f.derived && f.effectiveStatus === 'not-assessed').map((f) => f.factorId)))];
  return makeFinding('adult-not-assessed', { facts, factorIds, personIds: unassessed.map(({ adult }) => adult.person.id) });
};
