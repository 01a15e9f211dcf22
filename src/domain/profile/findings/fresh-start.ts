// High: the "fresh start" (docs/domain.md, Professional curiosity): a carer with a child harmed or removed, a hard
// childhood or an earlier plan, whose other factors are excluded on their own word alone.
import { listInWords, pronounsOf } from '../plain-words.ts';
import { factorDefinition } from '../../catalogue/catalogue.ts';
import { factorIn, makeFinding } from './rule-context.ts';
import type { FactorId } from '../../catalogue/factor-ids.ts';
import type { FindingRule } from './rule-context.ts';

const HISTORY: readonly [FactorId, (possessive: string) => string][] = [
  ['previous-child-harmed-or-removed', () => 'has harmed a child or had a child removed before'],
  ['childhood-adversity', (possessive) => `had abuse or neglect in ${possessive} own childhood`],
];

export const freshStart: FindingRule = (context) => {
  const earlierPlan = factorIn(context.infantProfile, 'sibling-on-plan')?.indicated === true;
  const facts: string[] = [];
  const factorIds: FactorId[] = [];
  const personIds: string[] = [];
  for (const { person, profile, carer } of context.adults) {
    if (!carer) continue;
    const history = HISTORY.filter(([id]) => factorIn(profile, id)?.indicated === true);
    if (history.length === 0 && !earlierPlan) continue;
    const historyIds = HISTORY.map(([id]) => id);
    const ownWord = profile.risk.filter((f) => !f.derived && !historyIds.includes(f.factorId) && f.excludedOnCarerAccountOnly);
    if (ownWord.length === 0) continue;
    const p = pronounsOf(person);
    const past = [...history.map(([, words]) => words(p.possessive)), ...(earlierPlan ? ['a brother or sister of the baby was on a plan'] : [])];
    const phrases = ownWord.map((f) => factorDefinition(f.factorId).phrase);
    facts.push(
      `${person.name} ${listInWords(past)}, yet ${p.possessive} ${listInWords(phrases)} ${ownWord.length === 1 ? 'was' : 'were'} excluded on ${p.possessive} own account alone`,
    );
    factorIds.push(...history.map(([id]) => id), ...(earlierPlan ? (['sibling-on-plan'] as const) : []), ...ownWord.map((f) => f.factorId));
    personIds.push(person.id);
  }
  if (facts.length === 0) return null;
  return makeFinding('fresh-start', { facts, factorIds, personIds });
};
