// Critical: unsafe sleep together with what makes it deadlier: a carer's drinking or drug use,
// smoking, a premature or small baby (docs/domain.md, Safe sleep; Infant 1 died in an armchair).
import { babyName, factorIn, factorOf, makeFinding } from './rule-context.ts';
import { capitalise, listInWords } from '../plain-words.ts';
import type { FactorId } from '../../catalogue/factor-ids.ts';
import type { FindingRule } from './rule-context.ts';

const SUBSTANCES: readonly FactorId[] = ['alcohol-misuse', 'drug-misuse'];

export const unsafeSleepCombination: FindingRule = (context) => {
  const sleep = factorIn(context.household, 'unsafe-sleep');
  if (!sleep?.indicated) return null;
  const adds: string[] = [];
  const factorIds: FactorId[] = ['unsafe-sleep'];
  const personIds: string[] = [];
  for (const adult of context.adults.filter((a) => a.carer)) {
    for (const id of SUBSTANCES) {
      if (!factorIn(adult.profile, id)?.indicated) continue;
      adds.push(factorOf(adult.profile, id));
      factorIds.push(id);
      personIds.push(adult.person.id);
    }
  }
  if (factorIn(context.household, 'smoking-in-home')?.indicated) {
    adds.push('a carer who smokes');
    factorIds.push('smoking-in-home');
  }
  for (const id of ['prematurity', 'low-birth-weight'] as const) {
    const factor = factorIn(context.infantProfile, id);
    if (!factor?.indicated) continue;
    adds.push(`${factorOf(context.infantProfile, id)}${factor.detail ? ` (${factor.detail.replace(/\.$/, '')})` : ''}`);
    factorIds.push(id);
  }
  if (adds.length === 0) return null;
  const how = sleep.detail?.trim() ? ` (${sleep.detail.trim()})` : '';
  const main = `unsafe sleep is recorded for ${babyName(context.infant)}${how}`;
  return makeFinding('unsafe-sleep-combination', {
    facts: [capitalise(main), ...adds.map(capitalise)],
    rationale: `${capitalise(main)}, together with ${listInWords(adds)}.`,
    factorIds,
    personIds,
  });
};
