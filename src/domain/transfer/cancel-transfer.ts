// Cancelling a transfer to another area (issue 21): when the receiving area refuses it, or it was
// sent by mistake, the sending side cancels it, with a reason, while its receipt is not confirmed.
// The lead professional may, and so may a manager or safeguarding lead of the organisation that sent
// it. The case is open again for changes here; the cancellation stays in the transfer's history.
// Pure: who is asking, the transfer on the case and the reason come in.
import type { AccessBasis } from '../access/case-access.ts';
import type { Role } from '../shared/roles.ts';

export const CANCEL_REASON_LIMIT = 2000;

export type CancelRefusal =
  /** Neither the lead professional nor a manager or safeguarding lead of the sending organisation. */
  | 'not-lead-or-manager'
  /** No transfer to cancel: never sent, or cancelled already. */
  | 'not-transferred'
  /** The receiving area has the record: the transfer stands. */
  | 'receipt-confirmed-already'
  | 'reason-missing'
  | 'reason-too-long';

export const CANCEL_REFUSAL_MESSAGES: Record<CancelRefusal, string> = {
  'not-lead-or-manager': 'Only the case’s lead professional, or a manager or safeguarding lead of the organisation that sent it, can cancel this transfer. Ask one of them.',
  'not-transferred': 'This case is not closed for transfer, so there is no transfer to cancel.',
  'receipt-confirmed-already': 'The receiving area has confirmed it has the pack, so the transfer cannot be cancelled. Ask that area to transfer the record back if the family returns.',
  'reason-missing': 'Enter why the transfer is cancelled',
  'reason-too-long': `Why the transfer is cancelled must be ${String(CANCEL_REASON_LIMIT)} characters or fewer`,
};

/** Who is asking: how they may change the case, their role and organisation. */
export interface Canceller {
  basis: AccessBasis;
  role: Role;
  organisationId: string;
}

/** The transfer in force on the case (sent and not cancelled), if any. */
export interface TransferToCancel {
  /** The organisation of whoever sent it. */
  sentFromOrganisationId: string;
  receiptConfirmed: boolean;
}

export type CancelDecided<T> = { ok: true; value: T } | { ok: false; refusal: CancelRefusal };

/** A slip in the form (audited as a failure, 422), as opposed to a refusal (denied, 403 or 409). */
export function isCancelSlip(refusal: CancelRefusal): boolean {
  return refusal === 'reason-missing' || refusal === 'reason-too-long';
}

/** A refusal about the transfer's state rather than who is asking: a conflict. */
export function isCancelConflict(refusal: CancelRefusal): boolean {
  return refusal === 'not-transferred' || refusal === 'receipt-confirmed-already';
}

function isCanceller(who: Canceller, transfer: TransferToCancel | null): boolean {
  if (who.basis === 'lead-professional') return true;
  if (who.basis === 'break-glass' || (who.role !== 'manager' && who.role !== 'safeguarding-lead')) return false;
  return transfer === null || transfer.sentFromOrganisationId === who.organisationId;
}

/** Whether the requester may cancel the transfer now: for the page to offer the form. */
export function mayCancelTransfer(who: Canceller, transfer: TransferToCancel | null): CancelDecided<null> {
  if (!isCanceller(who, transfer)) return { ok: false, refusal: 'not-lead-or-manager' };
  if (transfer === null) return { ok: false, refusal: 'not-transferred' };
  if (transfer.receiptConfirmed) return { ok: false, refusal: 'receipt-confirmed-already' };
  return { ok: true, value: null };
}

/** The transfer is cancelled, with the reason (trimmed). */
export function decideCancelTransfer(who: Canceller, transfer: TransferToCancel | null, reason: string | undefined): CancelDecided<{ reason: string }> {
  const may = mayCancelTransfer(who, transfer);
  if (!may.ok) return may;
  const trimmed = reason?.trim() ?? '';
  if (trimmed === '') return { ok: false, refusal: 'reason-missing' };
  if (trimmed.length > CANCEL_REASON_LIMIT) return { ok: false, refusal: 'reason-too-long' };
  return { ok: true, value: { reason: trimmed } };
}

/** What the case's chronology says of it. */
export function cancelledTransferSummary(toArea: string, reason: string): string {
  return `Transfer to ${toArea} cancelled; the case is open here again. Why: ${reason}`;
}
