// Assessments received from another area and not yet confirmed here (issue 21; docs/domain.md,
// Transfer to another area). A factor assessment that came in a transfer is the sending area's until
// someone here confirms or re-assesses it (transfer-record.ts, isUnverifiedReceived). It is counted
// apart from the unverified exclusions, which mean excluded on the carer's word alone: the lead
// decided the two are not mixed, so the evaluation, its summary and its findings use a received
// assessment as sent, and this count says how many of the profile's factors still wait for here.
import type { SubjectProfile } from './profile.types.ts';

/** The key a stored assessment is known by: the factor and 'infant', 'household' or the adult's person id. */
export function receivedKey(factorId: string, subjectKey: string): string {
  return `${factorId}|${subjectKey}`;
}

/**
 * How many of the profile's factors, risk and protective, rest on an assessment received from another
 * area and not yet confirmed here. `received` holds those assessments by receivedKey; one for a factor
 * the profile no longer has (an adult who left it) is not counted.
 */
export function countReceivedNotConfirmed(subjects: readonly SubjectProfile[], received: ReadonlyMap<string, unknown>): number {
  if (received.size === 0) return 0;
  return subjects
    .flatMap((subject) => [...subject.risk, ...subject.protective])
    .filter((factor) => received.has(receivedKey(factor.factorId, factor.personId ?? factor.subject))).length;
}
