// High: a carer known to respond to stress harmfully (anger, aggression, drink, drugs) while a
// stress is present at home: the combination the Derby review says went unassessed (docs/domain.md, Stress and response).
// Each carer's harmful responses are named in plain words; helpful ones are never listed as risks.
import { factorDefinition } from '../../catalogue/catalogue.ts';
import { STRESS_RESPONSES } from '../../catalogue/stress-responses.ts';
import { listInWords } from '../plain-words.ts';
import { harmfulResponsesOf, respondsHarmfully, stressorsIn } from '../stress-picture.ts';
import { factorIn, makeFinding } from './rule-context.ts';
import type { FactorId } from '../../catalogue/factor-ids.ts';
import type { EvaluatedFactor } from '../profile.types.ts';
import type { FindingRule } from './rule-context.ts';

/** "with anger or aggression and drinking (Shouts when tired)", or "harmfully (Shouts when tired)". */
function howTheyRespond(factor: EvaluatedFactor): string {
  const harmful = harmfulResponsesOf(factor);
  const how = harmful.length > 0 ? `with ${listInWords(harmful.map((id) => STRESS_RESPONSES[id].phrase))}` : 'harmfully';
  const detail = factor.detail?.trim() ? ` (${factor.detail.trim().replace(/\.$/, '')})` : '';
  return `${how}${detail}`;
}

export const stressResponse: FindingRule = (context) => {
  const stressors = stressorsIn([context.infantProfile, context.household]).map((s) => s.factorId);
  if (stressors.length === 0) return null;
  const facts: string[] = [];
  const personIds: string[] = [];
  for (const adult of context.adults.filter((a) => a.carer)) {
    const response = factorIn(adult.profile, 'harmful-stress-response');
    if (!response || !respondsHarmfully(response)) continue;
    facts.push(`${adult.person.name} is known to respond to stress ${howTheyRespond(response)}`);
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
