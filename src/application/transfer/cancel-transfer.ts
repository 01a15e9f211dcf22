// Cancelling a transfer to another area (issue 21; domain/transfer/cancel-transfer.ts), through the
// one way to change a case (cases/change-case.ts), which takes it on a case closed for transfer: in
// one transaction the transfer keeps who cancelled it, when and why; the case's row is open again
// (lock-cases-for-change.ts reads it there), so the receipt task closes; and the chronology says so.
// A refusal of who is asking or of the transfer's state is audited as denied, a slip as a failure.
import { cancelledTransferSummary, CANCEL_REFUSAL_MESSAGES, decideCancelTransfer, isCancelSlip, type CancelRefusal } from '../../domain/transfer/cancel-transfer.ts';
import { eventKindById } from '../../domain/catalogue/catalogue.ts';
import type { UserActor } from '../actor.ts';
import { changeCase } from '../cases/change-case.ts';
import { insertableEntryRow, newEntryRow } from '../chronology/write-entry.ts';
import { entryFromRow } from '../chronology/chronology-rows.ts';
import type { AppContext } from '../context.ts';
import { toCancel, transferRow, viewOf, type TransferView } from './close-for-transfer.ts';

export const CANCEL_TRANSFER = 'case.transfer-cancel';

export type CancelTransferResult =
  | { ok: true; value: TransferView }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string }
  | { ok: false; code: 'refused'; refusal: CancelRefusal; message: string };

/** The transfer is cancelled with the reason given: the case is open here again. */
export async function cancelTransfer(ctx: AppContext, actor: UserActor, caseId: string, reason: string | undefined): Promise<CancelTransferResult> {
  return changeCase<CancelTransferResult>(
    ctx,
    actor,
    caseId,
    { action: CANCEL_TRANSFER, onClosedCase: 'allowed' },
    (refusal) => (refusal.code === 'not-found' ? { ok: false, code: 'not-found', message: 'There is no case with this id.' } : { ok: false, code: 'forbidden', message: CANCEL_REFUSAL_MESSAGES['not-lead-or-manager'] }),
    async ({ trx, recorder, record, now, today }) => {
      const existing = await transferRow(trx, caseId);
      const decided = decideCancelTransfer({ basis: record.basis, role: actor.role, organisationId: actor.organisationId }, toCancel(existing), reason);
      if (!decided.ok) {
        const { refusal } = decided;
        return {
          changed: false,
          answer: { ok: false, code: 'refused', refusal, message: CANCEL_REFUSAL_MESSAGES[refusal] },
          audit: { action: CANCEL_TRANSFER, outcome: isCancelSlip(refusal) ? 'failure' : 'denied', caseId, subjectType: 'case', subjectId: caseId, details: { reason: refusal } },
        };
      }
      const row = await trx
        .updateTable('case_transfers')
        .set({ cancelled_at: now, cancelled_by: actor.userId, cancelled_by_name: recorder.name, cancel_reason: decided.value.reason })
        .where('case_id', '=', caseId)
        .where('cancelled_at', 'is', null) // the transfer in force: one a case (migration 051)
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx.updateTable('cases').set({ closed_for_transfer_to: null, closed_for_transfer_at: null }).where('id', '=', caseId).execute();
      const entryRow = newEntryRow(ctx, recorder, caseId, { kind: 'case-note', occurredAt: today, summary: cancelledTransferSummary(row.to_area, decided.value.reason), source: 'professional-judgement', details: { transferCancelled: { toArea: row.to_area, sentAt: row.sent_at.toISOString() } } }, { agency: recorder.organisation, agencyKind: recorder.organisationKind });
      await trx.insertInto('chronology_entries').values(insertableEntryRow(entryRow)).execute();
      const entry = entryFromRow(entryRow);
      return {
        changed: true,
        version: { kind: 'event', change: { entryId: entry.id, entryKind: entry.kind, summary: `Chronology: ${eventKindById(entry.kind)?.label ?? entry.kind}` }, why: entry.summary },
        entriesAdded: [entry],
        // The reason is in the transfer's history and the chronology; the audit entry says which transfer and when it was sent.
        audit: () => ({ action: CANCEL_TRANSFER, caseId, subjectType: 'case', subjectId: caseId, details: { transferId: row.id, toArea: row.to_area, sentAt: row.sent_at.toISOString(), receiptDueOn: row.receipt_due_on, entryId: entry.id } }),
        answer: () => ({ ok: true, value: viewOf(row, today) }),
      };
    },
  );
}
