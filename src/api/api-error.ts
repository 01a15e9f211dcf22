// The API's error shape: { error: { code, message, details } }, with a stable code for each case.
import type { FastifyError, FastifyReply } from 'fastify';
import { isCaseClosedForTransfer } from '../application/cases/case-closed-for-transfer.ts';
import { isDatabaseUnavailable } from '../application/database-unavailable.ts';
import { inPlainWords } from './schema-error-words.ts';

export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** What the input guard refused: in which part of the request, where in it (a JSON pointer), and why. */
export interface InputProblem extends ApiErrorDetail {
  part: 'params' | 'query' | 'body';
}

export function sendApiError(reply: FastifyReply, status: number, code: string, message: string, details: ApiErrorDetail[] = []) {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message, details } });
}

/** A change to a case refused before it was checked: no such case, not the caller's to change, or changed since it was read. */
export type CaseChangeRefusal = { code: 'not-found' | 'forbidden'; message: string } | { code: 'version-conflict'; message: string; current: { version: number } };

/** 404, 403 or 409 for a refused change, the 409 naming the version to read again. */
export function sendCaseChangeRefusal(reply: FastifyReply, refusal: CaseChangeRefusal) {
  if (refusal.code === 'version-conflict') return sendApiError(reply, 409, 'version-conflict', `${refusal.message} Current version: ${String(refusal.current.version)}.`);
  return sendApiError(reply, refusal.code === 'not-found' ? 404 : 403, refusal.code, refusal.message);
}

type SchemaError = NonNullable<FastifyError['validation']>[number];

/** One schema problem at the path of the field it is about: a missing or unknown field is named itself. */
export function validationDetail(v: SchemaError): ApiErrorDetail {
  const missing = v.params['missingProperty'];
  const unknown = v.params['additionalProperty'];
  const refusedName = v.params['propertyName'];
  if (typeof refusedName === 'string') return { path: `${v.instancePath}/${refusedName}`, message: 'is a name this field may not use' };
  if (typeof unknown === 'string') return { path: `${v.instancePath}/${unknown}`, message: 'is not a field this operation takes' };
  if (typeof missing === 'string') return { path: `${v.instancePath}/${missing}`, message: v.message ?? 'is required' };
  return { path: v.instancePath || '/', message: v.message ?? 'is not valid' };
}

function withoutRepeats(details: readonly ApiErrorDetail[]): ApiErrorDetail[] {
  const seen = new Set<string>();
  return details.filter(({ path, message }) => {
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Seconds a client should wait before retrying a 503 (a failover takes seconds: docs/adr/0013-database-failover.md). */
export const RETRY_AFTER_SECONDS = 5;

const DATABASE_UNAVAILABLE = `The database cannot take changes for a moment (it may be changing over to its standby). A change sent now may or may not have been saved: send the same request again in ${String(RETRY_AFTER_SECONDS)} seconds (an event with the same externalId is stored once).`;

/** Maps Fastify's own errors (validation, bad JSON, rate limit, CSRF), a change to a case closed for transfer (409) and a database out of reach (503) to the API's codes; anything else is a 500. */
export function apiErrorFor(error: FastifyError): { status: number; code: string; message: string; details: ApiErrorDetail[] } {
  if (error.validation) {
    return {
      status: 400,
      code: 'validation-failed',
      message: 'The request is not valid: see details.',
      details: withoutRepeats(
        // A refused property name comes twice from the checker: as its own error and as the failed
        // rule inside it (keyword "not" under "propertyNames"); the first says it all.
        inPlainWords(error.validation.filter((v) => !(v.keyword === 'not' && v.schemaPath.includes('/propertyNames/')))).map(validationDetail),
      ),
    };
  }
  if (isCaseClosedForTransfer(error)) return { status: 409, code: 'closed-for-transfer', message: error.message, details: [] };
  if (isDatabaseUnavailable(error)) return { status: 503, code: 'database-unavailable', message: DATABASE_UNAVAILABLE, details: [] };
  const status = error.statusCode ?? 500;
  if (status === 429) return { status, code: 'rate-limited', message: 'Too many requests: wait a minute and try again.', details: [] };
  if (status === 415) return { status, code: 'unsupported-media-type', message: 'Send JSON with Content-Type: application/json.', details: [] };
  if (status === 413) return { status, code: 'payload-too-large', message: 'The request body is too large.', details: [] };
  if (status >= 400 && status < 500) return { status, code: 'bad-request', message: 'The request could not be read. Check that the body is valid JSON.', details: [] };
  return { status: 500, code: 'internal-error', message: 'Something went wrong on our side. It has been logged; try again later.', details: [] };
}
