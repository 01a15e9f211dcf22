// A case closed for transfer to another area is frozen (issue 21; docs/domain.md, "Transfer to
// another area"): the record went with the family, so the receiving area keeps it from now on. No
// change to the case is taken any more, except the few a change declares it may still make on a
// closed case (application/cases/change-case.ts, ChangeIntent.onClosedCase): recording the receiving
// area's receipt, cancelling the transfer (cancel-transfer.ts: the case opens again) and a legal hold
// placed or lifted.
// Reading, printing and subject access change nothing and go on as before. Pure.
import { dayInWords } from '../shared/calendar-date.ts';
import { serviceToday } from '../shared/service-day.ts';

/** The transfer that closed the case: where to and the day it was sent (the service's day). */
export interface ClosedForTransfer {
  toArea: string;
  closedOn: string;
}

/** The closure a case's row holds (closed_for_transfer_to and _at, migration 050), on the service's day it was sent; null when the case is open. */
export function closureOfCase(toArea: string | null, closedAt: Date | null): ClosedForTransfer | null {
  return toArea && closedAt ? { toArea, closedOn: serviceToday(closedAt) } : null;
}

/** Whether a change may go ahead on a case: always on an open case; on a closed one only a change that says it may. */
export function mayChangeCase(closed: ClosedForTransfer | null, onClosedCase: 'allowed' | 'refused'): boolean {
  return closed === null || onClosedCase === 'allowed';
}

/** What the refusal says: when and where the case went, and what to do instead. */
export function closedForTransferMessage(closed: ClosedForTransfer): string {
  return `This case was closed for transfer to ${closed.toArea} on ${dayInWords(closed.closedOn)}, so it cannot be changed here any more. `
    + `Send anything new about the family to ${closed.toArea}. If ${closed.toArea} refuses the transfer, tell the case's lead professional and your safeguarding lead.`;
}
