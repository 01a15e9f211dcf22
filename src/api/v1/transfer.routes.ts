// Transfer when a family moves (issue 21). POST /api/v1/cases/{caseId}/transfer { toArea, contact }:
// the lead professional closes the case for transfer; 201 with the pack, a FHIR Bundle
// (application/fhir+json) whose DocumentReference links the PDF (also in the Link header). GET
// .../transfer: what was sent, to whom, when, and the task to confirm receipt; POST .../transfer/receipt
// { note } closes the task; POST .../transfer/cancellation { reason } cancels the transfer while its
// receipt is not confirmed (403 not-lead-or-manager, 409 not-transferred or receipt-confirmed-already,
// 422 invalid-cancellation). POST /api/v1/transfers (the pack) makes the case here: 201 { caseId, ... }; a
// bad pack, a record that cannot be made or a possible duplicate is an OperationOutcome, nothing stored.
// Past a possible duplicate, the caller chooses: confirmedNoDuplicate with a reason, or mergeInto a record.
// A case whose transfer was cancelled may be closed for transfer again: a new pack and receipt task, the
// cancelled transfer kept in GET .../transfer's earlier. Refusals of the sending side: 403
// not-lead-professional, 409 already-transferred (a transfer in force), not-transferred or
// receipt-confirmed-already, 422 invalid-transfer; each audited. Same use cases as the transfer page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { cancelTransfer } from '../../application/transfer/cancel-transfer.ts';
import { closeForTransfer, recordTransferReceipt, viewTransfer, type TransferResult, type TransferView } from '../../application/transfer/close-for-transfer.ts';
import { makeTransferPack } from '../../application/transfer/transfer-pack.ts';
import { receiveTransfer } from '../../application/transfer/receive-transfer.ts';
import { operationOutcome, outcomeIssue } from '../../domain/fhir/operation-outcome.ts';
import { isCancelConflict, isCancelSlip } from '../../domain/transfer/cancel-transfer.ts';
import { isTransferConflict, isTransferSlip, TRANSFER_SLIP_FIELDS } from '../../domain/transfer/transfer-rules.ts';
import { sendApiError, sendCaseChangeRefusal } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { CaseIdParams } from './case.schemas.ts';
import { fhirMediaType } from './fhir-export.routes.ts';
import { fhirJsonParser, FhirOperationOutcome, sendFastifyRefusalAsOutcome, sendInputProblemAsOutcome, sendOutcome } from './fhir-outcome.ts';
import { FHIR_BODY_LIMIT } from './fhir.schemas.ts';
import { errorResponses } from './schemas.ts';
import { CancellationBody, Received, ReceivedPack, ReceiptBody, ReceiveQuery, TransferBody, TransferPack, TransferStatus, TransferWithHistory } from './transfer.schemas.ts';

const DUPLICATE_WAYS_ON =
  'Look at each record listed. If none is the same baby, send the pack again with confirmedNoDuplicate=true, checkedCaseIds (the ids you looked at) and differentBabyReason (why); if one is, send it again with mergeInto=<its id> to add the received history to it.';

const FHIR_JSON = 'application/fhir+json';
const common = { tags: ['cases'], security: [{ bearer: [] }] };
const outcomeOf = (description: string) => ({ description, content: { [FHIR_JSON]: { schema: FhirOperationOutcome } } });

type CaseParams = { Params: Static<typeof CaseIdParams> };

function statusOf(caseId: string, transfer: TransferView): Static<typeof TransferStatus> {
  return {
    caseId,
    toArea: transfer.toArea,
    contact: transfer.contact,
    fromArea: transfer.fromArea,
    sentAt: transfer.sentAt.toISOString(),
    receiptDueOn: transfer.receiptDueOn,
    receiptConfirmedAt: transfer.receipt ? transfer.receipt.at.toISOString() : null,
    cancellation: transfer.cancelled ? { at: transfer.cancelled.at.toISOString(), byName: transfer.cancelled.byName, reason: transfer.cancelled.reason } : null,
    task: transfer.task,
  };
}

function sendRefusal<T>(reply: FastifyReply, result: Exclude<TransferResult<T>, { ok: true }>) {
  if (result.code !== 'refused') return sendCaseChangeRefusal(reply, result);
  if (isTransferSlip(result.refusal)) return sendApiError(reply, 422, 'invalid-transfer', result.message, [{ path: `/${TRANSFER_SLIP_FIELDS[result.refusal]!}`, message: result.message }]);
  return sendApiError(reply, isTransferConflict(result.refusal) ? 409 : 403, result.refusal, result.message);
}

/** The pack's PDF, made by the sending service's printable transfer pack (signed in). */
const pdfUrlOf = (request: FastifyRequest, caseId: string) => `${request.protocol}://${request.host}/cases/${caseId}/print/transfer.pdf`;

export async function transferApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);
  // A pack that is empty or not JSON: an OperationOutcome saying which on /transfers, the API's bad-request elsewhere.
  app.addContentTypeParser(FHIR_JSON, { parseAs: 'string', bodyLimit: FHIR_BODY_LIMIT }, fhirJsonParser(app));

  app.post<CaseParams & { Body: Static<typeof TransferBody> }>(
    '/cases/:caseId/transfer',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary:
          'Close the case for transfer to another area (the lead professional only; again after a cancelled transfer): 201 with the transfer pack, a FHIR Bundle whose DocumentReference links the PDF of the profile, plan and chronology (OFFICIAL-SENSITIVE; also in the Link header). What was sent, to whom and when are kept, and a task to confirm receipt within 5 working days is set. 403 not-lead-professional, 409 already-transferred (a transfer in force), 422 invalid-transfer',
        params: CaseIdParams,
        body: TransferBody,
        response: {
          201: { description: 'The transfer pack (application/json when that is all the client accepts)', content: { [FHIR_JSON]: { schema: TransferPack }, 'application/json': { schema: TransferPack } } },
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const { caseId } = request.params;
      const closed = await closeForTransfer(ctx, actor(request), caseId, request.body);
      if (!closed.ok) return sendRefusal(reply, closed);
      const pdfUrl = pdfUrlOf(request, caseId);
      const pack = await makeTransferPack(ctx, actor(request), caseId, pdfUrl);
      if (!pack.ok) return sendApiError(reply, pack.code === 'not-found' ? 404 : 403, pack.code, pack.message);
      return reply.code(201).type(`${fhirMediaType(request)}; charset=utf-8`).header('Link', `<${pdfUrl}>; rel="alternate"; type="application/pdf"`).send(pack.value);
    },
  );

  app.get<CaseParams>(
    '/cases/:caseId/transfer',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary:
          'The case’s newest transfer: what was sent, to whom and when, and the task to confirm receipt (due, overdue, done, or cancelled: the case open again, and it may be closed for transfer again), with the cancelled transfers before it in earlier. 404 no-transfer when it has never been closed for transfer',
        params: CaseIdParams,
        response: { 200: TransferWithHistory, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { caseId } = request.params;
      const result = await viewTransfer(ctx, actor(request), caseId);
      if (!result.ok) return sendCaseChangeRefusal(reply, result);
      if (!result.value.transfer) return sendApiError(reply, 404, 'no-transfer', 'This case has not been closed for transfer.');
      return { ...statusOf(caseId, result.value.transfer), earlier: result.value.earlier.map((earlier) => statusOf(caseId, earlier)) };
    },
  );

  app.post<CaseParams & { Body: Static<typeof ReceiptBody> }>(
    '/cases/:caseId/transfer/receipt',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'Record that the receiving area has the pack (the lead professional only): the task to confirm receipt is done. 403 not-lead-professional, 409 not-transferred or receipt-confirmed-already, 422 invalid-transfer',
        params: CaseIdParams,
        body: ReceiptBody,
        response: { 200: TransferStatus, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const result = await recordTransferReceipt(ctx, actor(request), request.params.caseId, request.body.note);
      if (!result.ok) return sendRefusal(reply, result);
      return statusOf(request.params.caseId, result.value);
    },
  );

  app.post<CaseParams & { Body: Static<typeof CancellationBody> }>(
    '/cases/:caseId/transfer/cancellation',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary:
          'Cancel the transfer (the receiving area refused it, or it was sent by mistake), with the reason, while its receipt is not confirmed: the lead professional, or a manager or safeguarding lead of the sending organisation. The case is open here again, the receipt task closes, the chronology says so. 403 not-lead-or-manager, 409 not-transferred or receipt-confirmed-already, 422 invalid-cancellation',
        params: CaseIdParams,
        body: CancellationBody,
        response: { 200: TransferStatus, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const result = await cancelTransfer(ctx, actor(request), request.params.caseId, request.body.reason);
      if (result.ok) return statusOf(request.params.caseId, result.value);
      if (result.code !== 'refused') return sendCaseChangeRefusal(reply, result);
      if (isCancelSlip(result.refusal)) return sendApiError(reply, 422, 'invalid-cancellation', result.message, [{ path: '/reason', message: result.message }]);
      return sendApiError(reply, isCancelConflict(result.refusal) ? 409 : 403, result.refusal, result.message);
    },
  );

  app.post<{ Body: Static<typeof ReceivedPack>; Querystring: Static<typeof ReceiveQuery> }>(
    '/transfers',
    {
      preHandler: requireBearer,
      bodyLimit: FHIR_BODY_LIMIT,
      config: { sendInputProblem: sendInputProblemAsOutcome },
      errorHandler: (error, _request, reply) => {
        if (!sendFastifyRefusalAsOutcome(error, reply)) throw error;
      },
      schema: {
        ...common,
        summary:
          'Receive a transfer pack from another area: the case is made here as any new record is (checked, and matched against the records here), with every person, entry, relationship, factor assessment (with its evidence; the sending area’s, unverified, until confirmed or re-assessed here), the plan, meetings and disputes, each marked as received from the sending area on the day received; 201 with what was received. A possible duplicate is a 409 listing the matches, and two ways on: send again with confirmedNoDuplicate, checkedCaseIds and differentBabyReason (a different baby, audited), or with mergeInto (the same baby: the history is added to that record, its people matched by NHS number and the others proposed for someone here to confirm, the entries already there from the same area not added again; 404 when you cannot open it, 422 merge-mismatch when its NHS number differs, 409 already-merged when all its entries are there). A pack with any problem is refused whole (422, an OperationOutcome naming each problem) and nothing is stored',
        querystring: ReceiveQuery,
        body: { content: { [FHIR_JSON]: { schema: ReceivedPack }, 'application/json': { schema: ReceivedPack } } },
        response: {
          201: Received,
          ...errorResponses(401),
          400: outcomeOf('A body that is not JSON or not of the schema’s shape'),
          403: outcomeOf('A role that does not make records (audited)'),
          404: outcomeOf('mergeInto names no record you can add to (audited)'),
          409: outcomeOf('A record here may be the same baby (each an issue naming it), or one has its NHS number; the first issue says the two ways on. With mergeInto: already-merged, every entry of the pack is in that record already (merged before, or the record was made from it), nothing added (audited)'),
          413: outcomeOf('Larger than 10 MB'),
          422: outcomeOf('Not a transfer pack, or one with problems (each an issue); a record that cannot be made; confirmedNoDuplicate without differentBabyReason, or with mergeInto; or merge-mismatch'),
        },
      },
    },
    async (request, reply) => {
      const { confirmedNoDuplicate, checkedCaseIds, differentBabyReason, mergeInto } = request.query;
      const slip = (code: string, text: string) => sendOutcome(reply, 422, operationOutcome([outcomeIssue('error', 'invalid', code, text)]));
      const reason = differentBabyReason?.trim() ?? '';
      if (confirmedNoDuplicate && mergeInto !== undefined) return slip('choose-one', 'Choose one way on: confirmedNoDuplicate (a different baby) or mergeInto (the same baby), not both.');
      if (confirmedNoDuplicate && reason === '') return slip('reason-needed', 'Say why none of the possible matches is this baby in differentBabyReason, such as "Different mother and date of birth; checked with the GP".');
      const checked = checkedCaseIds?.split(',').map((id) => id.trim()).filter((id) => id !== '');
      const result = await receiveTransfer(ctx, actor(request), request.body, {
        confirmedNoDuplicate: confirmedNoDuplicate ?? false,
        ...(checked ? { checkedCaseIds: checked } : {}),
        ...(confirmedNoDuplicate ? { differentBabyReason: reason } : {}),
        ...(mergeInto === undefined ? {} : { mergeInto }),
      });
      if (result.ok) return reply.code(201).send(result.value);
      if (result.code === 'invalid-pack') return sendOutcome(reply, 422, operationOutcome(result.issues));
      if (result.code === 'forbidden') return sendOutcome(reply, 403, operationOutcome([outcomeIssue('error', 'forbidden', 'forbidden', result.message)]));
      if (result.code === 'not-found') return sendOutcome(reply, 404, operationOutcome([outcomeIssue('error', 'not-found', 'not-found', result.message)]));
      if (result.code === 'merge-mismatch') return slip('merge-mismatch', result.message);
      if (result.code === 'already-merged') return sendOutcome(reply, 409, operationOutcome([outcomeIssue('error', 'duplicate', 'already-merged', result.message)]));
      if (result.code === 'invalid') return sendOutcome(reply, 422, operationOutcome(result.problems.map((p) => outcomeIssue('error', 'invalid', 'record-invalid', `The baby's ${p.field}: ${p.message}`))));
      const matches = result.matches.map((match) => outcomeIssue('error', 'duplicate', result.code, match.restricted ? `A record you cannot open (${match.id})${match.contact ? `: contact ${match.contact.name}, ${match.contact.organisation}` : ''}` : `Record ${match.id}: ${match.reasons.join('; ')}`));
      return sendOutcome(reply, 409, operationOutcome([outcomeIssue('error', 'duplicate', result.code, `${result.message} ${DUPLICATE_WAYS_ON}`), ...matches]));
    },
  );
}
