// Transfer to another area (issue 21), on one page (/cases/:caseId/transfer): the lead professional
// closes the case for transfer, naming the receiving area and the contact there, and later records
// how the receiving area confirmed it has the pack (the task due in 5 working days); until then the
// lead professional, or a manager or safeguarding lead of the sending organisation, may cancel the
// transfer with a reason (the case open here again), after which the lead professional may close it for
// transfer again; the cancelled transfers stay on the page as its history. The pack's PDF is
// the printable transfer pack (print/transfer); its FHIR Bundle comes from the API. A refusal comes
// back on the page with the error summary saying why and what to do, and what was typed; each is
// audited by the use case. No JavaScript needed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { cancelTransfer } from '../../../application/transfer/cancel-transfer.ts';
import { closeForTransfer, recordTransferReceipt, viewTransfer, type TransferResult, type TransferView } from '../../../application/transfer/close-for-transfer.ts';
import { CANCEL_REASON_LIMIT, isCancelConflict, isCancelSlip } from '../../../domain/transfer/cancel-transfer.ts';
import { isTransferConflict, RECEIPT_NOTE_LIMIT, TRANSFER_AREA_LIMIT, TRANSFER_CONTACT_LIMIT, TRANSFER_SLIP_FIELDS } from '../../../domain/transfer/transfer-rules.ts';
import { tooLongMessage, type TextLimit } from '../../forms/too-long.ts';
import { formErrors } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { formatDate, formatDateTime } from '../../views/london-time.ts';
import { transferImportRoutes } from './transfer-import.routes.ts';

type CaseParams = { Params: { caseId: string } };
type Values = { toArea: string; contact: string; note: string; reason: string };
const NO_VALUES: Values = { toArea: '', contact: '', note: '', reason: '' };

const TASK_TAGS = {
  due: { text: 'Due', classes: 'govuk-tag--blue' },
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  done: { text: 'Received', classes: 'govuk-tag--green' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--grey' },
} as const;

const plural = (n: number, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

function presentTransfer(transfer: TransferView) {
  const { entries, people, findings } = transfer.sent;
  return {
    toArea: transfer.toArea,
    contact: transfer.contact,
    fromArea: transfer.fromArea,
    sentByName: transfer.sentByName,
    sentAt: formatDateTime(transfer.sentAt.toISOString()),
    sent: `The record as FHIR and a PDF of the profile, plan and chronology: ${plural(entries, 'entry', 'entries')}, ${plural(people, 'person', 'people')}, ${plural(findings, 'finding', 'findings')}`,
    dueOn: formatDate(transfer.receiptDueOn),
    task: TASK_TAGS[transfer.task],
    receipt: transfer.receipt ? `${transfer.receipt.note} (recorded by ${transfer.receipt.byName} on ${formatDateTime(transfer.receipt.at.toISOString())})` : null,
    cancelled: transfer.cancelled ? `${transfer.cancelled.reason} (cancelled by ${transfer.cancelled.byName} on ${formatDateTime(transfer.cancelled.at.toISOString())})` : null,
  };
}

/** A text field of the form exactly as typed, however long: it comes back whole after a refusal (the domain refuses what is too long). */
function field(body: unknown, name: keyof Values): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** Each field's name in an error and the domain's limit, for "... must be 2,000 characters or fewer: you have 2,001.". */
const LIMITS: Record<keyof Values, TextLimit> = {
  toArea: { label: 'The area', limit: TRANSFER_AREA_LIMIT },
  contact: { label: 'The contact', limit: TRANSFER_CONTACT_LIMIT },
  note: { label: 'How receipt was confirmed', limit: RECEIPT_NOTE_LIMIT },
  reason: { label: 'Why the transfer is cancelled', limit: CANCEL_REASON_LIMIT },
};

/** A slip's words at its field: a text too long says its limit and how much was typed. */
const slipWords = (field: keyof Values, values: Values, message: string): string => tooLongMessage(LIMITS[field], values[field]) ?? message;

export async function transferRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);
  const pageUrl = (caseId: string) => `/cases/${caseId}/transfer`;
  // Receiving a pack from another area, in a scope of its own (it alone takes file uploads).
  await app.register(transferImportRoutes);

  async function page(request: FastifyRequest<CaseParams>, reply: FastifyReply, locals: object = {}, status = 200) {
    const { caseId } = request.params;
    const result = await viewTransfer(ctx, actor(request), caseId);
    if (!result.ok) return sendErrorPage(reply, result.code);
    const { transfer, earlier, mayTransfer, mayConfirmReceipt, mayCancel, mayPrintPack } = result.value;
    return reply.page(
      'transfer/transfer.njk',
      { title: 'Transfer to another area', caseId, transfer: transfer ? presentTransfer(transfer) : null, earlier: earlier.map(presentTransfer), mayTransfer, mayConfirmReceipt, mayCancel, mayPrintPack, values: NO_VALUES, fieldErrors: {}, backLink: `/cases/${caseId}`, ...locals },
      status,
    );
  }

  /** The page again with the refusal: a slip at its field, anything else in the summary. */
  function refusal(request: FastifyRequest<CaseParams>, reply: FastifyReply, result: Exclude<TransferResult<TransferView>, { ok: true }>, values: Values) {
    if (result.code !== 'refused') return sendErrorPage(reply, result.code);
    const slipField = TRANSFER_SLIP_FIELDS[result.refusal];
    if (slipField) return page(request, reply, { values, ...formErrors({ [slipField]: slipWords(slipField, values, result.message) }) }, 400);
    return page(request, reply, { values, errorList: [{ text: result.message, href: '#transfer' }] }, isTransferConflict(result.refusal) ? 409 : 403);
  }

  app.get<CaseParams>('/cases/:caseId/transfer', { preHandler: requireUser }, async (request, reply) => page(request, reply));

  app.post<CaseParams>('/cases/:caseId/transfer', { preHandler: requireUser }, async (request, reply) => {
    const values = { ...NO_VALUES, toArea: field(request.body, 'toArea'), contact: field(request.body, 'contact') };
    const result = await closeForTransfer(ctx, actor(request), request.params.caseId, values);
    if (!result.ok) return refusal(request, reply, result, values);
    flashSuccess(request, `The case is closed for transfer to ${result.value.toArea}. Record the receipt here when they confirm they have the pack.`);
    return reply.redirect(pageUrl(request.params.caseId), 303);
  });

  app.post<CaseParams>('/cases/:caseId/transfer/cancellation', { preHandler: requireUser }, async (request, reply) => {
    const values = { ...NO_VALUES, reason: field(request.body, 'reason') };
    const result = await cancelTransfer(ctx, actor(request), request.params.caseId, values.reason);
    if (!result.ok) {
      if (result.code !== 'refused') return sendErrorPage(reply, result.code);
      if (isCancelSlip(result.refusal)) return page(request, reply, { values, ...formErrors({ reason: slipWords('reason', values, result.message) }) }, 400);
      return page(request, reply, { values, errorList: [{ text: result.message, href: '#transfer' }] }, isCancelConflict(result.refusal) ? 409 : 403);
    }
    flashSuccess(request, `The transfer to ${result.value.toArea} is cancelled. The case is open here again.`);
    return reply.redirect(pageUrl(request.params.caseId), 303);
  });

  app.post<CaseParams>('/cases/:caseId/transfer/receipt', { preHandler: requireUser }, async (request, reply) => {
    const values = { ...NO_VALUES, note: field(request.body, 'note') };
    const result = await recordTransferReceipt(ctx, actor(request), request.params.caseId, values.note);
    if (!result.ok) return refusal(request, reply, result, values);
    flashSuccess(request, 'The receipt of the transfer pack is recorded');
    return reply.redirect(pageUrl(request.params.caseId), 303);
  });
}
