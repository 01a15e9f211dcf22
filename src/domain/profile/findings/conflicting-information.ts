// High: a factor whose evidence points both ways, e.g. excluded on the carer's word while a record,
// an observation or the family says otherwise (Infant 1; docs/domain.md, The carer's account is not independent evidence). Never pick one.
import { listInWords, pronounsOf } from '../plain-words.ts';
import { allSubjects, factorOf, makeFinding } from './rule-context.ts';
import type { EvaluatedFactor, SubjectProfile, Voices } from '../profile.types.ts';
import type { FactorId } from '../../catalogue/factor-ids.ts';
import type { FindingRule, RuleContext } from './rule-context.ts';

/** "a record from Police says", "a record from Police and a carer's account say". */
function voiced({ givers, speakers }: Voices): string {
  return `${listInWords(givers)} ${speakers.length === 1 ? 'says' : 'say'}`;
}

/** "a record from Police points", "a record from Police and a carer's account point". */
function pointing({ givers, speakers }: Voices): string {
  return `${listInWords(givers)} ${speakers.length === 1 ? 'points' : 'point'}`;
}

/** "a carer's account does not", "the mother and the father do not". */
function denying({ givers, speakers }: Voices): string {
  return `${listInWords(givers)} ${speakers.length === 1 ? 'does not' : 'do not'}`;
}

/** "on her own account" for an adult, "on the carers' account" for the baby or household. */
export function onWhoseAccount(context: RuleContext, profile: SubjectProfile): string {
  if (profile.subject !== 'adult') return "on the carers' account";
  const person = context.adults.find((a) => a.person.id === profile.personId)?.person;
  return `on ${pronounsOf(person).possessive} own account`;
}

function conflictInWords(context: RuleContext, profile: SubjectProfile, factor: EvaluatedFactor): string {
  const { presence, absence } = context.tallyOf(factor);
  const what = factorOf(profile, factor.factorId);
  if (factor.status === 'excluded') {
    const basis = absence.count === 0 ? ' without evidence' : factor.excludedOnCarerAccountOnly ? ` ${onWhoseAccount(context, profile)}` : '';
    return `${what} was excluded${basis}, but ${voiced(presence)} otherwise`;
  }
  if (factor.status === 'present') return `${what} is recorded as present, but ${voiced(absence)} otherwise`;
  return `${pointing(presence)} to ${what}, but ${denying(absence)}`;
}

export const conflictingInformation: FindingRule = (context) => {
  const facts: string[] = [];
  const factorIds: FactorId[] = [];
  const personIds: string[] = [];
  for (const profile of allSubjects(context)) {
    for (const factor of [...profile.risk, ...profile.protective]) {
      if (!factor.conflict) continue;
      facts.push(conflictInWords(context, profile, factor));
      factorIds.push(factor.factorId);
      if (profile.personId !== undefined) personIds.push(profile.personId);
    }
  }
  if (facts.length === 0) return null;
  return makeFinding('conflicting-information', { facts, factorIds, personIds });
};
