// What a factor's evidence makes of its status: verified, in conflict, indicated, and the status as
// it counts (an exclusion of a V factor on the carer's word alone is not an exclusion).
import { isFactorStatus } from '../catalogue/statuses.ts';
import { tallyEvidence } from './evidence-tally.ts';
import type { FactorDefinition } from '../catalogue/factor-definition.ts';
import type { FactorStatus, SubstancePattern } from '../catalogue/statuses.ts';
import type { StressResponseId } from '../catalogue/stress-responses.ts';
import type { EffectiveStatus, EvaluatedFactor, Evidence, EvidenceTally, Protection } from './profile.types.ts';

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

function effectiveStatus(status: FactorStatus, hasAbsence: boolean, verified: boolean, needsVerification: boolean): EffectiveStatus {
  if (status !== 'excluded') return status;
  // An exclusion needs evidence: without any evidence of absence it is still an open question.
  if (!hasAbsence) return 'not-assessed';
  return needsVerification && !verified ? 'unverified-exclusion' : 'excluded';
}

/** The status a factor counts under: as recorded, or not assessed when what is stored is not a status. */
export function statusOf(recorded: Pick<RecordedFactor, 'status'>): FactorStatus {
  return isFactorStatus(recorded.status) ? recorded.status : 'not-assessed';
}

/**
 * `tally`: the tally of `recorded.evidence` under its status (evidence-tally.ts), when the caller
 * kept it with the evidence, so that a long list is not read again; else it is counted here.
 */
export function evaluateFactor(definition: FactorDefinition, recorded: RecordedFactor, personId?: string, tally?: EvidenceTally): EvaluatedFactor {
  const status = statusOf(recorded);
  const { presence, absence, independentAbsence } = tally ?? tallyEvidence(recorded.evidence, status, new Set());
  const excluded = status === 'excluded';
  // Only evidence of absence can verify an exclusion: a police record of drinking does not.
  const verified = excluded && independentAbsence > 0;
  const excludedOnCarerAccountOnly = excluded && absence.count > 0 && independentAbsence === 0;
  const evidenceOfPresence = presence.count > 0;
  const pointsToPresence = status === 'present' || evidenceOfPresence;
  const pointsToAbsence = excluded || absence.count > 0;
  // The optional parts are set on the object made, not spread into it: a spread of a small object
  // for each is a slow path in V8, and this runs for every factor of every subject (issue 12: with
  // spreads, evaluateFactor was a third of evaluating a batch's 80 profiles).
  const factor: EvaluatedFactor = {
    factorId: definition.id,
    subject: definition.subject,
    kind: definition.kind,
    status,
    effectiveStatus: effectiveStatus(status, absence.count > 0, verified, definition.needsVerification),
    verified,
    conflict: pointsToPresence && pointsToAbsence,
    evidenceOfPresence,
    indicated: pointsToPresence,
    excludedOnCarerAccountOnly,
    derived: definition.derived,
    needsVerification: definition.needsVerification,
    evidence: recorded.evidence,
  };
  if (personId !== undefined) factor.personId = personId;
  if (recorded.detail !== undefined) factor.detail = recorded.detail;
  if (recorded.pattern !== undefined) factor.pattern = recorded.pattern;
  if (recorded.reason !== undefined) factor.reason = recorded.reason;
  if (recorded.protection !== undefined) factor.protection = recorded.protection;
  if (recorded.responses !== undefined) factor.responses = recorded.responses;
  return factor;
}
