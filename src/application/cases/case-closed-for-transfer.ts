// A change refused because the case was closed for transfer (domain/transfer/closed-for-transfer.ts).
// The one way to change a case (change-case.ts) audits the refusal, commits that entry and then
// throws this, so no use case answers it itself: the API answers 409 closed-for-transfer
// (api/api-error.ts) and the pages a 409 page that says when and where the case went and what to do
// (web/plugins/errors.ts).
import type { ClosedForTransfer } from '../../domain/transfer/closed-for-transfer.ts';
import { noteForRequest } from '../../infrastructure/process/request-scope.ts';

export class CaseClosedForTransferError extends Error {
  override readonly name = 'CaseClosedForTransferError';
  readonly statusCode = 409;

  constructor(readonly caseId: string, readonly closed: ClosedForTransfer, message: string) {
    super(message);
  }
}

export function isCaseClosedForTransfer(error: unknown): error is CaseClosedForTransferError {
  return error instanceof CaseClosedForTransferError;
}

/** The note on a request whose change a case closed for transfer refuses (request-scope.ts). */
export const REFUSED_WHEN_CLOSED = 'change-refused-when-closed-for-transfer';

/**
 * Notes that the request being answered makes a change that a case closed for transfer refuses with
 * this error, whether or not this case is closed: the API operation must then publish its 409, which
 * the tests' check of every reply asks (api/published-statuses.ts).
 */
export function noteRefusedWhenClosed(): void {
  noteForRequest(REFUSED_WHEN_CLOSED);
}
