// Transfer when a family moves to another area (issue 21; docs/domain.md, "Transfer to another
// area"). The lead professional closes the case for transfer, naming the receiving area and the
// contact there; the service sends the pack and raises a task to confirm receipt within five working
// days; the lead professional closes the task by recording how receipt was confirmed. Pure: who is
// asking, the transfer already on the case and the day come in.
import type { AccessBasis } from '../access/case-access.ts';
import { addWorkingDays } from '../timescales/working-days.ts';

export const TRANSFER_AREA_LIMIT = 200;
export const TRANSFER_CONTACT_LIMIT = 500;
export const RECEIPT_NOTE_LIMIT = 2000;
/** Working days the receiving area has to confirm it received the pack. */
export const RECEIPT_WORKING_DAYS = 5;

/**
 * The case's newest transfer, if any: sent, whether its receipt is confirmed, and whether the sending
 * side cancelled it (cancel-transfer.ts). A cancelled transfer stays in the case's history but is no
 * longer in force: the case may be closed for transfer again, and it has no receipt to record.
 */
export interface TransferOnCase {
  receiptConfirmed: boolean;
  cancelled: boolean;
}

const inForce = (existing: TransferOnCase | null): existing is TransferOnCase => existing !== null && !existing.cancelled;

export type TransferRefusal =
  /** Only the lead professional closes the case for transfer, and records the receipt. */
  | 'not-lead-professional'
  /** The case is closed for transfer already (a transfer not cancelled). */
  | 'already-transferred'
  /** No transfer to confirm the receipt of. */
  | 'not-transferred'
  | 'receipt-confirmed-already'
  | 'area-missing'
  | 'area-too-long'
  | 'contact-missing'
  | 'contact-too-long'
  | 'note-missing'
  | 'note-too-long';

export const TRANSFER_REFUSAL_MESSAGES: Record<TransferRefusal, string> = {
  'not-lead-professional': 'Only the lead professional can close this case for transfer or record its receipt. Ask them to do it.',
  'already-transferred': 'This case is closed for transfer already. Its pack was sent; record the receipt when the receiving area confirms it.',
  'not-transferred': 'This case has not been closed for transfer, so there is no receipt to record.',
  'receipt-confirmed-already': 'The receipt of this transfer is recorded already.',
  'area-missing': 'Enter the area the family has moved to',
  'area-too-long': `The area must be ${String(TRANSFER_AREA_LIMIT)} characters or fewer`,
  'contact-missing': 'Enter who at the receiving authority the pack goes to',
  'contact-too-long': `The contact must be ${String(TRANSFER_CONTACT_LIMIT)} characters or fewer`,
  'note-missing': 'Enter how the receiving area confirmed it has the pack',
  'note-too-long': `How receipt was confirmed must be ${String(RECEIPT_NOTE_LIMIT)} characters or fewer`,
};

/** The form's field each slip belongs to; a refusal of who is asking, or of the case's state, has none. */
export const TRANSFER_SLIP_FIELDS: Partial<Record<TransferRefusal, 'toArea' | 'contact' | 'note'>> = {
  'area-missing': 'toArea',
  'area-too-long': 'toArea',
  'contact-missing': 'contact',
  'contact-too-long': 'contact',
  'note-missing': 'note',
  'note-too-long': 'note',
};

/** A slip in the form (audited as a failure), as opposed to a refusal (audited as denied). */
export function isTransferSlip(refusal: TransferRefusal): boolean {
  return TRANSFER_SLIP_FIELDS[refusal] !== undefined;
}

/** A refusal that is about the case's state rather than who is asking: a conflict. */
export function isTransferConflict(refusal: TransferRefusal): boolean {
  return refusal === 'already-transferred' || refusal === 'not-transferred' || refusal === 'receipt-confirmed-already';
}

export type TransferDecided<T> = { ok: true; value: T } | { ok: false; refusal: TransferRefusal };

/** Whether the requester may close the case for transfer now: for the page to offer the form. */
export function mayTransfer(basis: AccessBasis, existing: TransferOnCase | null): TransferDecided<null> {
  if (basis !== 'lead-professional') return { ok: false, refusal: 'not-lead-professional' };
  if (inForce(existing)) return { ok: false, refusal: 'already-transferred' };
  return { ok: true, value: null };
}

export interface TransferTo {
  toArea: string;
  contact: string;
  /** The task: receipt confirmed by this day. */
  receiptDueOn: string;
}

function text(value: string | undefined, limit: number, missing: TransferRefusal, tooLong: TransferRefusal): TransferDecided<string> {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return { ok: false, refusal: missing };
  if (trimmed.length > limit) return { ok: false, refusal: tooLong };
  return { ok: true, value: trimmed };
}

/** The lead professional closes a case not yet transferred (or whose transfer was cancelled), naming the receiving area and the contact there, on `today`. */
export function decideTransfer(basis: AccessBasis, existing: TransferOnCase | null, input: { toArea?: string; contact?: string }, today: string): TransferDecided<TransferTo> {
  const may = mayTransfer(basis, existing);
  if (!may.ok) return may;
  const toArea = text(input.toArea, TRANSFER_AREA_LIMIT, 'area-missing', 'area-too-long');
  if (!toArea.ok) return toArea;
  const contact = text(input.contact, TRANSFER_CONTACT_LIMIT, 'contact-missing', 'contact-too-long');
  if (!contact.ok) return contact;
  return { ok: true, value: { toArea: toArea.value, contact: contact.value, receiptDueOn: receiptDueOn(today) } };
}

/** The day the receipt is due: five working days after the day the pack was sent (that day is day 0). */
export function receiptDueOn(sentOn: string): string {
  return addWorkingDays(sentOn, RECEIPT_WORKING_DAYS);
}

/** Whether the requester may record the receipt now: for the page to offer the form. */
export function mayConfirmReceipt(basis: AccessBasis, existing: TransferOnCase | null): TransferDecided<null> {
  if (basis !== 'lead-professional') return { ok: false, refusal: 'not-lead-professional' };
  if (!inForce(existing)) return { ok: false, refusal: 'not-transferred' };
  if (existing.receiptConfirmed) return { ok: false, refusal: 'receipt-confirmed-already' };
  return { ok: true, value: null };
}

/**
 * Whether the case has a transfer pack to print: only a transfer in force (sent, not cancelled) has
 * one, as only it has a receipt to record. A cancelled transfer's pack went to an area that refused it
 * or was sent by mistake, and heading a print with it would say the case was sent there; a case never
 * closed for transfer has no pack. The transfer page's link and the printable pack's route both ask
 * this (close-for-transfer.ts viewTransfer, cases/view-case-print.ts).
 */
export function mayPrintTransferPack(existing: TransferOnCase | null): boolean {
  return inForce(existing);
}

export const NO_TRANSFER_PACK_MESSAGE = 'This case has no transfer in force, so it has no transfer pack to print. A cancelled transfer’s pack is not printed again; close the case for transfer to send a new one.';

/** The lead professional records how the receiving area confirmed it has the pack: the task is done. */
export function decideReceipt(basis: AccessBasis, existing: TransferOnCase | null, note: string | undefined): TransferDecided<{ note: string }> {
  const may = mayConfirmReceipt(basis, existing);
  if (!may.ok) return may;
  const decided = text(note, RECEIPT_NOTE_LIMIT, 'note-missing', 'note-too-long');
  return decided.ok ? { ok: true, value: { note: decided.value } } : decided;
}

export type ReceiptTaskState = 'done' | 'due' | 'overdue';

/** The task to confirm receipt on `today`: done once recorded, overdue after its day. */
export function receiptTaskState(task: { dueOn: string; confirmed: boolean }, today: string): ReceiptTaskState {
  if (task.confirmed) return 'done';
  return today > task.dueOn ? 'overdue' : 'due';
}
