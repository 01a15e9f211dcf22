// Profile assessments at every stage: none yet, partly done (a few factors), or complete (every
// factor a practitioner records, for the baby, the household and each adult). Most factors are
// excluded on evidence, some on the carer's word alone, a few present or impossible to assess.
import { FACTORS } from '../domain/catalogue/catalogue.ts';
import type { EvidenceSource } from '../domain/catalogue/evidence-sources.ts';
import type { FactorDefinition } from '../domain/catalogue/factor-definition.ts';
import { isChildRelationship } from '../domain/people/relationships.ts';
import type { Random } from '../domain/shared/seeded-random.ts';
import type { FamilyWorker } from './synthetic-staff.ts';
import type { SyntheticAssessment, SyntheticPerson } from './synthetic.types.ts';

export type ProfileStage = 'none' | 'partial' | 'complete';

// Derived factors fill themselves; a harmful stress response is recorded with its responses.
const RECORDABLE = FACTORS.filter((factor) => !factor.derived && factor.id !== 'harmful-stress-response');

export interface ProfilePlan {
  random: Random;
  stage: ProfileStage;
  escalating: boolean;
  people: readonly SyntheticPerson[];
  assessor: FamilyWorker;
  /** When the assessment was made: an ISO moment in the past. */
  at: string;
  nextEvidenceId(): string;
}

function targets(people: readonly SyntheticPerson[]): { factor: FactorDefinition; personId: string | null }[] {
  const adults = people.filter((p) => !isChildRelationship(p.relationship));
  return RECORDABLE.flatMap((factor): { factor: FactorDefinition; personId: string | null }[] =>
    factor.subject === 'adult' ? adults.map((person) => ({ factor, personId: person.id })) : [{ factor, personId: null }],
  );
}

export function syntheticAssessments(plan: ProfilePlan): SyntheticAssessment[] {
  const { random, assessor } = plan;
  if (plan.stage === 'none') return [];
  let chosen = targets(plan.people);
  if (plan.stage === 'partial') chosen = chosen.filter(() => random.chance(0.12));
  const unknownIds = new Set(plan.people.filter((p) => !p.identityKnown).map((p) => p.id));
  return chosen.map(({ factor, personId }) => {
    const status = personId !== null && unknownIds.has(personId) ? 'cannot-assess' : random.weighted({ excluded: 85, present: plan.escalating ? 12 : 5, 'cannot-assess': 3 });
    const source: EvidenceSource = random.weighted({ observed: 40, 'agency-record': 35, 'carer-account': 20, 'professional-judgement': 5 });
    const evidence =
      status === 'cannot-assess'
        ? []
        : [
            {
              id: plan.nextEvidenceId(),
              source,
              note: status === 'excluded' ? `No sign of ${factor.phrase}` : `${factor.label} seen`,
              indicates: status === 'excluded' ? ('absent' as const) : ('present' as const),
              recordedAt: plan.at,
              recordedBy: assessor.user.id,
              recordedByName: assessor.user.name,
              agency: assessor.organisation.name,
            },
          ];
    return {
      factorId: factor.id,
      subjectKey: personId ?? factor.subject,
      personId,
      status,
      detail: status === 'present' ? `${factor.label}: recorded at assessment` : null,
      pattern: status === 'present' && factor.substanceUse ? random.pick(['stable', 'chaotic'] as const) : null,
      reason: status === 'cannot-assess' ? 'Not seen: the family did not let us in or the person is not known' : null,
      protection: status === 'present' && factor.id === 'supportive-partner' ? { how: 'Does night feeds and settles the baby', whenPresent: 'Evenings and weekends' } : null,
      updatedAt: plan.at,
      updatedBy: assessor.user.id,
      evidence,
    };
  });
}
