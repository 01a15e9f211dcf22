// What a factor's evidence makes of its status: verified, in conflict, indicated, and the status as
// it counts (an exclusion of a V factor on the carer's word alone is not an exclusion).
import { isIndependentSource } from '../catalogue/evidence-sources.ts';
import { isFactorStatus } from '../catalogue/statuses.ts';
import type { FactorDefinition } from '../catalogue/factor-definition.ts';
import type { FactorStatus, SubstancePattern } from '../catalogue/statuses.ts';
import type { StressResponseId } from '../catalogue/stress-responses.ts';
import type { EffectiveStatus, EvaluatedFactor, Evidence, EvidenceDirection, Protection } from './profile.types.ts';

/** A factor as recorded (stored, derived or the default), before its evidence is weighed. */
export interface RecordedFactor {
  status: FactorStatus;
  detail?: string;
  pattern?: SubstancePattern;
  reason?: string;
  protection?: Protection;
  responses?: readonly StressResponseId[];
  evidence: readonly Evidence[];
}

/**
 * Which way a piece of evidence points. Evidence that does not say is read as supporting the status
 * it was recorded under; under `not-assessed` or `cannot-assess` it points nowhere.
 */
export function directionOf(evidence: Evidence, status: FactorStatus): EvidenceDirection | null {
  if (evidence.indicates === 'present' || evidence.indicates === 'absent') return evidence.indicates;
  if (status === 'present') return 'present';
  if (status === 'excluded') return 'absent';
  return null;
}

function effectiveStatus(status: FactorStatus, hasAbsence: boolean, verified: boolean, needsVerification: boolean): EffectiveStatus {
  if (status !== 'excluded') return status;
  // An exclusion needs evidence: without any evidence of absence it is still an open question.
  if (!hasAbsence) return 'not-assessed';
  return needsVerification && !verified ? 'unverified-exclusion' : 'excluded';
}

export function evaluateFactor(definition: FactorDefinition, recorded: RecordedFactor, personId?: string): EvaluatedFactor {
  const status: FactorStatus = isFactorStatus(recorded.status) ? recorded.status : 'not-assessed';
  const absence = recorded.evidence.filter((e) => directionOf(e, status) === 'absent');
  const presence = recorded.evidence.filter((e) => directionOf(e, status) === 'present');
  const excluded = status === 'excluded';
  // Only evidence of absence can verify an exclusion: a police record of drinking does not.
  const verified = excluded && absence.some((e) => isIndependentSource(e.source));
  const excludedOnCarerAccountOnly = excluded && absence.length > 0 && absence.every((e) => !isIndependentSource(e.source));
  const evidenceOfPresence = presence.length > 0;
  const pointsToPresence = status === 'present' || evidenceOfPresence;
  const pointsToAbsence = excluded || absence.length > 0;
  return {
    factorId: definition.id,
    subject: definition.subject,
    ...(personId === undefined ? {} : { personId }),
    kind: definition.kind,
    status,
    effectiveStatus: effectiveStatus(status, absence.length > 0, verified, definition.needsVerification),
    verified,
    conflict: pointsToPresence && pointsToAbsence,
    evidenceOfPresence,
    indicated: pointsToPresence,
    excludedOnCarerAccountOnly,
    derived: definition.derived,
    needsVerification: definition.needsVerification,
    ...(recorded.detail === undefined ? {} : { detail: recorded.detail }),
    ...(recorded.pattern === undefined ? {} : { pattern: recorded.pattern }),
    ...(recorded.reason === undefined ? {} : { reason: recorded.reason }),
    ...(recorded.protection === undefined ? {} : { protection: recorded.protection }),
    ...(recorded.responses === undefined ? {} : { responses: recorded.responses }),
    evidence: recorded.evidence,
  };
}
