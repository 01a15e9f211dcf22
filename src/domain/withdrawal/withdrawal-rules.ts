// Withdrawing a record made in error (issue 21): a record created for the wrong baby is taken out of
// every view and export by two people. The lead professional proposes it, with the reason; a
// safeguarding lead or manager who oversees the case confirms it, and never the person who proposed
// it. Until it is confirmed nothing is hidden; once it is, the case is gone (its rows removed, a
// tombstone in the audit chain). Pure: who is asking and the proposal come in.
import type { AccessBasis } from '../access/case-access.ts';
import { OVERSIGHT_ROLES } from '../access/case-access.ts';
import type { Role } from '../shared/roles.ts';

export const WITHDRAWAL_REASON_LIMIT = 2000;

export interface WithdrawalRequester {
  userId: string;
  role: Role;
  /** Why the requester may open the case (access/case-access.ts). */
  basis: AccessBasis;
}

/** The proposal waiting on the case, if any. */
export interface WithdrawalProposal {
  proposedBy: string;
}

export type WithdrawalRefusal =
  /** Only the lead professional proposes. */
  | 'not-lead-professional'
  /** A proposal waits for its confirmation already. */
  | 'already-proposed'
  /** Nothing to confirm. */
  | 'no-proposal'
  /** The second person must be a different person. */
  | 'same-person'
  /** Only a safeguarding lead or manager who oversees the case confirms. */
  | 'not-entitled'
  | 'reason-missing'
  | 'reason-too-long';

export const WITHDRAWAL_REFUSAL_MESSAGES: Record<WithdrawalRefusal, string> = {
  'not-lead-professional': 'Only the lead professional can propose withdrawing this record. Ask them to propose it.',
  'already-proposed': 'Withdrawing this record has been proposed already. A safeguarding lead or manager must confirm it.',
  'no-proposal': 'Nobody has proposed withdrawing this record. The lead professional must propose it first.',
  'same-person': 'You proposed withdrawing this record, so someone else must confirm it: a safeguarding lead or manager who oversees the case.',
  'not-entitled': 'Only a safeguarding lead or manager who oversees the case can confirm withdrawing this record.',
  'reason-missing': 'Enter why the record was made in error',
  'reason-too-long': `Why the record was made in error must be ${String(WITHDRAWAL_REASON_LIMIT)} characters or fewer`,
};

/** A slip in the form, as opposed to a refusal of who is asking (audited as denied). */
export function isSlip(refusal: WithdrawalRefusal): boolean {
  return refusal === 'reason-missing' || refusal === 'reason-too-long';
}

export type Decided<T> = { ok: true; value: T } | { ok: false; refusal: WithdrawalRefusal };

/** Whether the requester may propose now, whatever the reason: for the page to offer the form. */
export function mayPropose(requester: WithdrawalRequester, existing: WithdrawalProposal | null): Decided<null> {
  if (requester.basis !== 'lead-professional') return { ok: false, refusal: 'not-lead-professional' };
  if (existing !== null) return { ok: false, refusal: 'already-proposed' };
  return { ok: true, value: null };
}

/** The lead professional proposes, with a reason, when no proposal is on the case. */
export function decideProposal(requester: WithdrawalRequester, existing: WithdrawalProposal | null, reason: string | undefined): Decided<{ reason: string }> {
  const may = mayPropose(requester, existing);
  if (!may.ok) return may;
  const trimmed = reason?.trim() ?? '';
  if (trimmed === '') return { ok: false, refusal: 'reason-missing' };
  if (trimmed.length > WITHDRAWAL_REASON_LIMIT) return { ok: false, refusal: 'reason-too-long' };
  return { ok: true, value: { reason: trimmed } };
}

/**
 * A safeguarding lead or manager who oversees the case, not the proposer, confirms a proposal waiting.
 * Who is asking is decided before whether anything waits, so that only those entitled learn that.
 */
export function decideConfirmation(requester: WithdrawalRequester, existing: WithdrawalProposal | null): Decided<null> {
  if (existing?.proposedBy === requester.userId) return { ok: false, refusal: 'same-person' };
  if (!OVERSIGHT_ROLES.includes(requester.role) || requester.basis === 'break-glass') return { ok: false, refusal: 'not-entitled' };
  if (existing === null) return { ok: false, refusal: 'no-proposal' };
  return { ok: true, value: null };
}
