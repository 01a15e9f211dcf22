// High: a carer known to respond to stress harmfully (anger, aggression, drink, drugs) while a
// stress is present at home: the combination the Derby review says went unassessed (§4.3, §7.8).
import { STRESSOR_FACTOR_IDS, factorDefinition } from '../../catalogue/catalogue.ts';
import { listInWords } from '../plain-words.ts';
import { factorIn, makeFinding } from './rule-context.ts';
import type { FactorId } from '../../catalogue/factor-ids.ts';
import type { FindingRule } from './rule-context.ts';

export const stressResponse: FindingRule = (context) => {
  const stressors = STRESSOR_FACTOR_IDS.filter(
    (id) => factorIn(context.infantProfile, id)?.indicated === true || factorIn(context.household, id)?.indicated === true,
  );
  if (stressors.length === 0) return null;
  const facts: string[] = [];
  const personIds: string[] = [];
  for (const adult of context.adults.filter((a) => a.carer)) {
    const response = factorIn(adult.profile, 'harmful-stress-response');
    if (!response?.indicated) continue;
    const how = response.detail?.trim() ? ` (${response.detail.trim().replace(/\.$/, '')})` : '';
    facts.push(`${adult.person.name} is known to respond to stress harmfully${how}`);
    personIds.push(adult.person.id);
  }
  if (facts.length === 0) return null;
  const pressures = `the home is under pressure from ${listInWords(stressors.map((id) => factorDefinition(id).phrase))}`;
  const factorIds: FactorId[] = ['harmful-stress-response', ...stressors];
  return makeFinding('stress-response', {
    facts: [...facts, pressures],
    rationale: `${facts.join('; ')}, and ${pressures}.`,
    factorIds,
    personIds,
  });
};
