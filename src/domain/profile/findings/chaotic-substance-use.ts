// High: drinking or drug use that is chaotic (less predictable, so riskier: docs/domain.md, Statuses) by someone
// who cares for the baby. Use with no pattern recorded is treated as chaotic until shown stable.
import { factorIn, factorOf, makeFinding } from './rule-context.ts';
import type { FactorId } from '../../catalogue/factor-ids.ts';
import type { FindingRule } from './rule-context.ts';

const SUBSTANCES: readonly FactorId[] = ['alcohol-misuse', 'drug-misuse'];

export const chaoticSubstanceUse: FindingRule = (context) => {
  const facts: string[] = [];
  const factorIds: FactorId[] = [];
  const personIds: string[] = [];
  for (const adult of context.adults.filter((a) => a.carer)) {
    for (const id of SUBSTANCES) {
      const factor = factorIn(adult.profile, id);
      if (!factor?.indicated || factor.pattern === 'stable') continue;
      const what = factorOf(adult.profile, id);
      facts.push(
        factor.pattern === 'chaotic'
          ? `${what} is chaotic`
          : `${what} is indicated with no pattern recorded, so it is treated as chaotic until shown to be stable`,
      );
      factorIds.push(id);
      personIds.push(adult.person.id);
    }
  }
  if (facts.length === 0) return null;
  return makeFinding('chaotic-substance-use', { facts, factorIds, personIds });
};
