// What no request may bring in: a body nested deeper than MAX_NESTING (every walker, parser and
// serialiser after this one is then safe from overflowing its stack), and text the database cannot
// store (a NUL character, half of a surrogate pair). Both are the sender's error, never a 500.
// The API answers 400 naming the first such place by its path; a route that
// checks its body part by part (a batch, where one bad entry refuses only itself) says so with
// `config: { checksStorableTextItself: true }`. An API operation behind the token check has its text
// checked only after that check, so that the refusal is audited as its caller's (api/v1/refused-input.ts,
// docs/adr/0024-refused-requests-audited.md); the depth is always checked here, before anything walks
// the body. A web form keeps what was typed: each such character
// is shown as U+FFFD (the sign for a character that could not be read) for the person to see and fix.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendApiError, type InputProblem } from '../../api/api-error.ts';
import { findTooDeep, findUnstorableText, UNSTORABLE_TEXT_MESSAGE, withUnstorableReplaced } from '../../domain/shared/storable-text.ts';
import { sendErrorPage } from './errors.ts';
import { isApiRequest } from './request-kind.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The handler checks its body for unstorable text itself, part by part. */
    checksStorableTextItself?: boolean;
    /** How this API route answers a refused input, when not in the API's own error form (the FHIR routes: an OperationOutcome). */
    sendInputProblem?: (reply: FastifyReply, problem: InputProblem) => FastifyReply;
    /** Text no database can store is refused after the token check, by api/v1/refused-input.ts, not here. */
    checksStorableTextAfterTokenCheck?: boolean;
  }
}

export function refuseInput(request: FastifyRequest, reply: FastifyReply, problem: InputProblem) {
  const send = request.routeOptions.config.sendInputProblem;
  if (send) return send(reply, problem);
  return sendApiError(reply, 400, 'validation-failed', 'The request is not valid: see details.', [{ path: problem.path, message: problem.message }]);
}

/** Replaces, in place, each unstorable character in the strings of a parsed form or query. */
function replaceUnstorable(value: unknown): unknown {
  if (typeof value === 'string') return withUnstorableReplaced(value);
  if (Array.isArray(value)) {
    value.forEach((inner, i) => (value[i] = replaceUnstorable(inner)));
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const inner = replaceUnstorable(record[key]);
      const safeKey = withUnstorableReplaced(key);
      if (safeKey !== key) Reflect.deleteProperty(record, key);
      record[safeKey] = inner;
    }
  }
  return value;
}

/** Far deeper than any body the service takes (a FHIR Bundle needs about ten levels). */
export const MAX_NESTING = 32;

async function guardInput(request: FastifyRequest, reply: FastifyReply) {
  const tooDeep = findTooDeep(request.body, MAX_NESTING);
  if (tooDeep !== undefined) {
    if (!isApiRequest(request)) return sendErrorPage(reply, 'bad-request');
    return refuseInput(request, reply, { part: 'body', path: tooDeep, message: `is nested more than ${String(MAX_NESTING)} levels deep` });
  }
  if (!isApiRequest(request)) {
    replaceUnstorable(request.params);
    replaceUnstorable(request.query);
    request.body = replaceUnstorable(request.body);
    return;
  }
  if (request.routeOptions.config.checksStorableTextAfterTokenCheck) return;
  const problem = unstorableInput(request);
  if (problem) return refuseInput(request, reply, problem);
}

/** The first text in an API request's address, query or body (unless its handler checks the body itself) that no database can store. */
export function unstorableInput(request: FastifyRequest): InputProblem | undefined {
  const parts: [InputProblem['part'], string, unknown][] = [
    ['params', 'in the address', request.params],
    ['query', 'in the query', request.query],
    ...(request.routeOptions.config.checksStorableTextItself ? [] : [['body', 'in the body', request.body] as [InputProblem['part'], string, unknown]]),
  ];
  for (const [part, where, value] of parts) {
    const path = findUnstorableText(value);
    if (path !== undefined) return { part, path, message: `${where}: ${UNSTORABLE_TEXT_MESSAGE}` };
  }
  return undefined;
}

export const inputGuard = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', guardInput);
});
