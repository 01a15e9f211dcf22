// Not-found and error answers: GOV.UK pages for people, the API error shape for machines.
// Neither ever shows a stack trace or internal message; a 500 gives a reference to quote.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { apiErrorFor, RETRY_AFTER_SECONDS, sendApiError } from '../../api/api-error.ts';
import { FHIR_ADDRESSES, sendUnreadableAddressAsOutcome } from '../../api/v1/fhir-outcome.ts';
import { isCaseClosedForTransfer } from '../../application/cases/case-closed-for-transfer.ts';
import { isDatabaseUnavailable } from '../../application/database-unavailable.ts';
import { refusedCaseId, sendCaseRefusal } from '../features/errors/case-refusal.ts';
import { isApiRequest } from './request-kind.ts';
import { UNMATCHED_ROUTE } from './request-metrics.ts';

export type ErrorPageKind = 'bad-request' | 'too-large' | 'csrf' | 'forbidden' | 'not-found' | 'rate-limited' | 'internal' | 'unavailable';

const PAGE_ERRORS: Record<ErrorPageKind, { status: number; title: string; paragraphs: string[] }> = {
  'bad-request': {
    status: 400,
    title: 'There is a problem with what was sent',
    paragraphs: ['The service could not read what your browser sent. Go back, reload the page and try again.'],
  },
  'too-large': {
    status: 413,
    title: 'What you sent is too long for the service',
    paragraphs: [
      'A form can hold up to 1 MB of text, about 900,000 characters, and what you sent is longer. Nothing was saved.',
      'Use your browser\'s back button to return to what you typed (do not reload the page, or it may be lost), copy the longest answer somewhere safe, shorten it and send the form again.',
    ],
  },
  csrf: {
    status: 403,
    title: 'This form has expired',
    paragraphs: ['For your security, forms stop working after a while or when you sign in again. Go back, reload the page and submit it again.'],
  },
  forbidden: {
    status: 403,
    title: 'You cannot see this page',
    paragraphs: ['Your account does not allow this. If you need it for your work, ask your organisation\'s administrator.'],
  },
  'not-found': {
    status: 404,
    title: 'Page not found',
    paragraphs: ['If you typed the web address, check it is correct.', 'If you pasted the web address, check you copied the entire address.'],
  },
  'rate-limited': {
    status: 429,
    title: 'Too many attempts',
    paragraphs: ['You have tried too many times in a short time. Wait a minute, then try again.'],
  },
  unavailable: {
    status: 503,
    title: 'Sorry, the service is unavailable for a moment',
    paragraphs: [
      'The database is changing over to its standby, which takes a few seconds. What you just sent may not have been saved.',
      'Use your browser\'s back button to return to what you typed, wait a few seconds and send it again. Check the record first if you are not sure it was saved.',
    ],
  },
  internal: {
    status: 500,
    title: 'Sorry, there is a problem with the service',
    paragraphs: ['Try again later. Anything you had already saved has been kept.'],
  },
};

export async function sendErrorPage(reply: FastifyReply, kind: ErrorPageKind, reference: string | null = null) {
  // A case's page refused says so the same way on every page of the case (features/errors/case-refusal.ts).
  const caseId = kind === 'forbidden' ? refusedCaseId(reply) : undefined;
  if (caseId !== undefined && (await sendCaseRefusal(reply, caseId))) return reply;
  const { status, ...page } = PAGE_ERRORS[kind];
  return reply.page('errors/error.njk', { ...page, reference }, status);
}

/** Fastify's own limit on one part of an address (its router's maxParamLength): no id is longer. */
const LONGEST_ADDRESS_PART = 100;

const UNREADABLE_ADDRESS: Record<string, string | undefined> = {
  FST_ERR_MAX_PARAM_LENGTH: `a part of the address is longer than ${String(LONGEST_ADDRESS_PART)} characters: no id is that long`,
  FST_ERR_BAD_URL: 'the address has a % not followed by two hexadecimal digits',
};

/**
 * Fastify's refusals of an address before any route is found (buildApp's frameworkErrors): a part
 * longer than LONGEST_ADDRESS_PART, or a % not followed by two hexadecimal digits. The API's 400 (an
 * OperationOutcome under the FHIR routes, as they publish), or a line of text for a person, not
 * Fastify's own answer, which repeats the address (it may hold an NHS number or a name) in a shape no
 * operation publishes. No route and no caller: nothing is audited.
 */
export function answerUnreadableAddress(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isApiRequest(request)) {
    const message = UNREADABLE_ADDRESS[error.code] ?? 'the address cannot be read';
    if (request.url.startsWith(FHIR_ADDRESSES)) void sendUnreadableAddressAsOutcome(reply, message);
    else void sendApiError(reply, 400, 'validation-failed', 'The request is not valid: see details.', [{ path: '/', message }]);
  } else {
    // The reply here is Fastify's bare one, without the pages' decorations.
    void reply.code(400).type('text/plain; charset=utf-8').send('The address is not valid: check it and try again.');
  }
  // No hook runs for it: logged and counted here as a request no route matched (request-logging.ts, request-metrics.ts).
  request.log.info({ method: request.method, route: '(no route)', status: 400, durationMs: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
  request.server.ctx.metrics.observeRequest(UNMATCHED_ROUTE, request.method, 400, reply.elapsedTime);
}

export const errors = fp(async (app: FastifyInstance) => {
  app.setNotFoundHandler(async (request, reply) => {
    if (isApiRequest(request)) return sendApiError(reply, 404, 'not-found', 'There is nothing at this address.');
    return sendErrorPage(reply, 'not-found');
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'request failed: no writable database (503, to be retried)');
      void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      if (!isApiRequest(request)) return sendErrorPage(reply, 'unavailable', request.id);
    } else if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (isApiRequest(request)) {
      const apiError = apiErrorFor(error);
      return sendApiError(reply, apiError.status, apiError.code, apiError.message, apiError.details);
    }
    if (isCaseClosedForTransfer(error)) {
      return reply.page('errors/error.njk', { title: 'This case was closed for transfer', paragraphs: [error.message], link: { href: `/cases/${error.caseId}/transfer`, text: 'Go to the case\'s transfer' }, reference: null }, 409);
    }
    if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') return sendErrorPage(reply, 'csrf');
    if (status === 429) return sendErrorPage(reply, 'rate-limited');
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendErrorPage(reply, 'too-large');
    if (status >= 400 && status < 500) return sendErrorPage(reply, 'bad-request');
    return sendErrorPage(reply, 'internal', request.id);
  });
});
