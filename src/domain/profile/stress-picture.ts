// Stress and response (docs/domain.md, Stress and response: nobody asked how the parents respond to stress):
// the pressures on the home and, for each carer, how they are known to respond. The
// `stress-response` finding and the "Stress and response" page read the same picture.
import { STRESSOR_FACTOR_IDS, factorDefinition } from '../catalogue/catalogue.ts';
import { STRESS_RESPONSE_IDS, isHarmfulStressResponse } from '../catalogue/stress-responses.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';
import type { FactorStatus } from '../catalogue/statuses.ts';
import type { StressResponseId } from '../catalogue/stress-responses.ts';
import type { Subject } from '../catalogue/subjects.ts';
import type { EffectiveStatus, EvaluatedFactor, ProfileEvaluation, SubjectProfile } from './profile.types.ts';

/** A pressure on the home that is there: recorded as present, or evidence says so. */
export interface Stressor {
  factorId: FactorId;
  subject: Subject;
  label: string;
  /** As recorded (or, for a derived factor, as the record fills it). */
  status: FactorStatus;
  /** Evidence (an event, a record, a relative) says it is there, though it is not recorded as present. */
  onEvidenceOnly: boolean;
  /** Filled in from the record (a sibling under two), so there is nothing to record by hand. */
  derived: boolean;
}

/** How one carer is known to respond to stress. */
export interface CarerStressResponse {
  personId: string;
  name: string;
  relationshipToInfant?: string;
  /** Of `harmful-stress-response`. */
  status: EffectiveStatus;
  conflict: boolean;
  detail?: string;
  /** In catalogue order, each once. */
  harmful: StressResponseId[];
  helpful: StressResponseId[];
  /** What the `stress-response` finding counts: the factor is indicated, or a harmful response is named. */
  respondsHarmfully: boolean;
}

export interface StressPicture {
  stressors: Stressor[];
  carers: CarerStressResponse[];
}

/** The stressors indicated for the baby or the household, in catalogue order. */
export function stressorsIn(subjects: readonly SubjectProfile[]): Stressor[] {
  const factors = subjects.filter((s) => s.subject !== 'adult').flatMap((s) => s.risk);
  return STRESSOR_FACTOR_IDS.flatMap((id) => {
    const factor = factors.find((f) => f.factorId === id);
    if (!factor?.indicated) return [];
    return [{ factorId: id, subject: factor.subject, label: factorDefinition(id).label, status: factor.status, onEvidenceOnly: factor.status !== 'present', derived: factor.derived }];
  });
}

const responsesOf = (factor: EvaluatedFactor | undefined, harmful: boolean): StressResponseId[] =>
  STRESS_RESPONSE_IDS.filter((id) => isHarmfulStressResponse(id) === harmful && (factor?.responses ?? []).includes(id));

export const harmfulResponsesOf = (factor: EvaluatedFactor | undefined) => responsesOf(factor, true);

/**
 * A named harmful response is knowledge of the risk whatever the status says (the assumption of
 * risk, as for evidence of presence); a helpful one never is.
 */
export function respondsHarmfully(factor: EvaluatedFactor | undefined): boolean {
  return factor !== undefined && (factor.indicated || harmfulResponsesOf(factor).length > 0);
}

function carerResponse(subject: SubjectProfile): CarerStressResponse {
  const factor = subject.risk.find((f) => f.factorId === 'harmful-stress-response');
  return {
    personId: subject.personId ?? '',
    name: subject.name,
    ...(subject.relationshipToInfant === undefined ? {} : { relationshipToInfant: subject.relationshipToInfant }),
    status: factor?.effectiveStatus ?? 'not-assessed',
    conflict: factor?.conflict ?? false,
    ...(factor?.detail?.trim() ? { detail: factor.detail.trim() } : {}),
    harmful: harmfulResponsesOf(factor),
    helpful: responsesOf(factor, false),
    respondsHarmfully: respondsHarmfully(factor),
  };
}

/** The stressors on the baby and the household, and each carer's known responses, in record order. */
export function stressPicture(evaluation: Pick<ProfileEvaluation, 'subjects'>): StressPicture {
  return {
    stressors: stressorsIn(evaluation.subjects),
    carers: evaluation.subjects.filter((s) => s.subject === 'adult' && s.carer === true).map(carerResponse),
  };
}
