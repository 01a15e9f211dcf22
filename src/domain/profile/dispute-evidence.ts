// A disputed fact (issue 21) counts as conflicting information does: the person's word that an
// entry is wrong is evidence pointing the other way from the entry's own, on the same factors, for
// the same people. The entry's evidence stays (risk is assumed until excluded), so the factor is in
// conflict and the profile shows "Sources disagree" without picking one (docs/domain.md, Disputes
// and corrections). The dispute is a person's own account (`carer-account`): it can never verify
// an exclusion. It is dated as the entry is, so a day never shows the dispute as an improvement
// (chronology/relapse.ts reads a day with evidence both ways as presence). Pure.
import type { Evidence, ProfileEvent } from './profile.types.ts';

export type EventDispute = NonNullable<ProfileEvent['disputes']>[number];

/** Evidence against one piece of an event's evidence: one per dispute, pointing the other way. */
export function disputeEvidence(evidence: Evidence, disputes: readonly EventDispute[]): Evidence[] {
  if (evidence.indicates !== 'present' && evidence.indicates !== 'absent') return [];
  const other = evidence.indicates === 'present' ? 'absent' : 'present';
  return disputes.map((dispute) => ({
    source: 'carer-account',
    note: `Disputed by ${dispute.disputedBy}: ${dispute.text}`,
    recordedAt: evidence.recordedAt,
    recordedBy: dispute.recordedBy,
    agency: dispute.agency,
    ...(evidence.eventId === undefined ? {} : { eventId: evidence.eventId }),
    indicates: other,
    givenBy: dispute.disputedBy,
  }));
}
