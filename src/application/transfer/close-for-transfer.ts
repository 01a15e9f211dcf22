// Transfer when a family moves (issue 21), the sending side, through the one way to change a case
// (cases/change-case.ts): the lead professional closes the case for transfer, naming the receiving
// area and the contact there (domain/transfer/transfer-rules.ts). In one transaction it keeps what
// was sent (the pack's parts and what the record held), to whom and when, and the task to confirm
// receipt within five working days; the pack itself is made from the record (transfer-pack.ts).
// The lead professional closes the task by recording how the receiving area confirmed receipt; until
// then the sending side may cancel the transfer (cancel-transfer.ts).
// A refusal of who is asking is audited as denied, a slip in the form as a failure; neither changes anything.
import {
  decideReceipt,
  decideTransfer,
  isTransferSlip,
  mayConfirmReceipt,
  mayPrintTransferPack,
  mayTransfer,
  receiptTaskState,
  TRANSFER_REFUSAL_MESSAGES,
  type ReceiptTaskState,
  type TransferOnCase,
  type TransferRefusal,
} from '../../domain/transfer/transfer-rules.ts';
import type { Selectable } from 'kysely';
import type { CaseTransfersTable, Tx } from '../../infrastructure/db/schema.ts';
import { mayCancelTransfer, type TransferToCancel } from '../../domain/transfer/cancel-transfer.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone, type AuditEvent } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import { changeCase, type CaseChangeOutcome } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';
import { transferRecordOf } from './transfer-record-of-case.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

/** What a transfer pack is made of: its FHIR Bundle and its PDF. */
export const PACK_PARTS = ['fhir-bundle', 'pdf'] as const;

export interface TransferView {
  toArea: string;
  contact: string;
  fromArea: string;
  sentAt: Date;
  sentByName: string;
  /** What the pack held when it was sent. */
  sent: { entries: number; people: number; findings: number };
  receiptDueOn: string;
  receipt: { at: Date; byName: string; note: string } | null;
  /** The sending side cancelled it before its receipt was confirmed (cancel-transfer.ts): the case is open again. */
  cancelled: { at: Date; byName: string; reason: string } | null;
  task: ReceiptTaskState | 'cancelled';
}

export type TransferResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string }
  | { ok: false; code: 'refused'; refusal: TransferRefusal; message: string };

const NOT_FOUND = { ok: false as const, code: 'not-found' as const, message: 'There is no case with this id.' };
const FORBIDDEN = { ok: false as const, code: 'forbidden' as const, message: 'Only the team around the family can transfer this record.' };

function refused<T>(action: string, caseId: string, refusal: TransferRefusal): CaseChangeOutcome<TransferResult<T>> {
  const audit: AuditEvent = { action, outcome: isTransferSlip(refusal) ? 'failure' : 'denied', caseId, subjectType: 'case', subjectId: caseId, details: { reason: refusal } };
  return { changed: false, answer: { ok: false, code: 'refused', refusal, message: TRANSFER_REFUSAL_MESSAGES[refusal] }, audit };
}

/** The case's transfers, newest first, each with the organisation of whoever sent it. */
function transfersOfCase(db: Tx | AppContext['db'], caseId: string) {
  return db
    .selectFrom('case_transfers')
    .innerJoin('users', 'users.id', 'case_transfers.sent_by')
    .selectAll('case_transfers')
    .select('users.organisation_id as sent_from_organisation_id')
    .where('case_id', '=', caseId)
    .orderBy('sent_at', 'desc')
    // Sent in the same instant: the one in force (descending puts nulls first), then the last cancelled.
    .orderBy('cancelled_at', 'desc');
}

/**
 * The case's newest transfer: the one in force, or the last cancelled one. A case may be closed for
 * transfer again after a cancellation (migration 051): the transfers before it are its history.
 */
export async function transferRow(db: Tx | AppContext['db'], caseId: string) {
  return transfersOfCase(db, caseId).limit(1).executeTakeFirst();
}

export type TransferRow = NonNullable<Awaited<ReturnType<typeof transferRow>>>;

/** The newest transfer as the rules see it (domain/transfer/transfer-rules.ts): a cancelled one is no longer in force. */
const onCase = (row: TransferRow | undefined): TransferOnCase | null => (row ? { receiptConfirmed: row.receipt_confirmed_at !== null, cancelled: row.cancelled_at !== null } : null);

/** The transfer in force, for cancelling it. */
export const toCancel = (row: TransferRow | undefined): TransferToCancel | null =>
  row && row.cancelled_at === null ? { sentFromOrganisationId: row.sent_from_organisation_id, receiptConfirmed: row.receipt_confirmed_at !== null } : null;

export function viewOf(row: Selectable<CaseTransfersTable>, today: string): TransferView {
  const sent = row.sent as TransferView['sent'];
  return {
    toArea: row.to_area,
    contact: row.contact,
    fromArea: row.from_area,
    sentAt: row.sent_at,
    sentByName: row.sent_by_name,
    sent: { entries: sent.entries, people: sent.people, findings: sent.findings },
    receiptDueOn: row.receipt_due_on,
    receipt: row.receipt_confirmed_at && row.receipt_confirmed_by_name ? { at: row.receipt_confirmed_at, byName: row.receipt_confirmed_by_name, note: row.receipt_note ?? '' } : null,
    cancelled: row.cancelled_at && row.cancelled_by_name ? { at: row.cancelled_at, byName: row.cancelled_by_name, reason: row.cancel_reason ?? '' } : null,
    task: row.cancelled_at ? 'cancelled' : receiptTaskState({ dueOn: row.receipt_due_on, confirmed: row.receipt_confirmed_at !== null }, today),
  };
}

/** The lead professional closes the case for transfer to another area: what was sent, to whom and when are kept, and the receipt task set. */
export async function closeForTransfer(ctx: AppContext, actor: UserActor, caseId: string, input: { toArea?: string; contact?: string }): Promise<TransferResult<TransferView>> {
  const action = 'case.transfer';
  return changeCase<TransferResult<TransferView>>(ctx, actor, caseId, { action, onClosedCase: 'allowed' }, (refusal) => (refusal.code === 'not-found' ? NOT_FOUND : FORBIDDEN), async ({ trx, recorder, record, now, today }) => {
    const decided = decideTransfer(record.basis, onCase(await transferRow(trx, caseId)), input, today);
    if (!decided.ok) return refused(action, caseId, decided.refusal);
    const { toArea, contact, receiptDueOn } = decided.value;
    const pack = await transferRecordOf(trx, ctx, caseId, { fromArea: recorder.organisation, toArea, contact, sentAt: now });
    const sent = { parts: PACK_PARTS, entries: pack.entries.length, people: pack.people.length, findings: pack.findings.length };
    const row = await trx
      .insertInto('case_transfers')
      .values({ id: ctx.newId(), case_id: caseId, to_area: toArea, contact, sent_at: now, sent_by: actor.userId, sent_by_name: recorder.name, from_area: recorder.organisation, sent: JSON.stringify(sent), receipt_due_on: receiptDueOn })
      .returningAll()
      .executeTakeFirstOrThrow();
    // The case's row says it is closed, for every change that locks it after this commits (lock-cases-for-change.ts).
    await trx.updateTable('cases').set({ closed_for_transfer_to: toArea, closed_for_transfer_at: now }).where('id', '=', caseId).execute();
    return {
      changed: true,
      version: null,
      entriesAdded: [],
      // The receiving area is named; the contact (a person's name, a telephone number) is not.
      audit: () => ({ action, caseId, subjectType: 'case', subjectId: caseId, details: { transferId: row.id, toArea, receiptDueOn, sent } }),
      answer: () => ({ ok: true, value: viewOf(row, today) }),
    };
  });
}

/** The lead professional records how the receiving area confirmed it has the pack: the receipt task is done. */
export async function recordTransferReceipt(ctx: AppContext, actor: UserActor, caseId: string, note: string | undefined): Promise<TransferResult<TransferView>> {
  const action = 'case.transfer-receipt';
  return changeCase<TransferResult<TransferView>>(ctx, actor, caseId, { action, onClosedCase: 'allowed' }, (refusal) => (refusal.code === 'not-found' ? NOT_FOUND : FORBIDDEN), async ({ trx, recorder, record, now, today }) => {
    const decided = decideReceipt(record.basis, onCase(await transferRow(trx, caseId)), note);
    if (!decided.ok) return refused(action, caseId, decided.refusal);
    const row = await trx
      .updateTable('case_transfers')
      .set({ receipt_confirmed_at: now, receipt_confirmed_by: actor.userId, receipt_confirmed_by_name: recorder.name, receipt_note: decided.value.note })
      .where('case_id', '=', caseId)
      .where('cancelled_at', 'is', null) // the transfer in force: one a case (migration 051)
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      changed: true,
      version: null,
      entriesAdded: [],
      audit: () => ({ action, caseId, subjectType: 'case', subjectId: caseId, details: { transferId: row.id, receiptDueOn: row.receipt_due_on, late: today > row.receipt_due_on } }),
      answer: () => ({ ok: true, value: viewOf(row, today) }),
    };
  });
}

export interface TransferPageView {
  /** The newest transfer: in force, or cancelled (the case open again). */
  transfer: TransferView | null;
  /** The transfers before it, newest first: each cancelled, kept as the case's history. */
  earlier: TransferView[];
  /** What the page offers the caller: the close-for-transfer form, the receipt form. */
  mayTransfer: boolean;
  mayConfirmReceipt: boolean;
  /** The cancel form: the lead professional, or a manager or safeguarding lead of the sending organisation. */
  mayCancel: boolean;
  /** The link to the printable transfer pack: a transfer in force only (transfer-rules.ts mayPrintTransferPack), as its route allows. */
  mayPrintPack: boolean;
}

/** The case's transfer, for the pages: to anyone who may change the case (read audited). */
export async function viewTransfer(ctx: AppContext, actor: UserActor, caseId: string): Promise<{ ok: true; value: TransferPageView } | { ok: false; code: 'not-found' | 'forbidden'; message: string }> {
  const exists = await ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  if (!exists) return NOT_FOUND;
  const now = ctx.clock.now();
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed || !access.canChange) {
    await recordAuditAlone(ctx, actor, { action: 'case.transfer-view', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId });
    return FORBIDDEN;
  }
  const [row, ...before] = await transfersOfCase(ctx.db, caseId).execute();
  await recordAuditAlone(ctx, actor, { action: 'case.transfer-view', caseId, subjectType: 'case', subjectId: caseId, details: { basis: access.basis, transferred: row !== undefined } });
  const today = serviceToday(now);
  return {
    ok: true,
    value: {
      transfer: row ? viewOf(row, today) : null,
      earlier: before.map((earlier) => viewOf(earlier, today)),
      mayTransfer: mayTransfer(access.basis, onCase(row)).ok,
      mayConfirmReceipt: mayConfirmReceipt(access.basis, onCase(row)).ok,
      mayCancel: mayCancelTransfer({ basis: access.basis, role: actor.role, organisationId: actor.organisationId }, toCancel(row)).ok,
      mayPrintPack: mayPrintTransferPack(onCase(row)),
    },
  };
}
