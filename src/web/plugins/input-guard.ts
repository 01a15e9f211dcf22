// What no request may bring in: a body nested deeper than MAX_NESTING (every walker, parser and
// serialiser after this one is then safe from overflowing its stack), and text the database cannot
// store (a NUL character, half of a surrogate pair). Both are the sender's error, never a 500.
// The API answers 400 naming the first such place by its path (api/input-refusal.ts); a route that
// checks its body part by part (a batch, where one bad entry refuses only itself) says so with
// `config: { checksStorableTextItself: true }`. An API operation behind the token check has its text
// checked only after that check, so that the refusal is audited as its caller's (api/v1/refused-input.ts,
// docs/adr/0024-refused-requests-audited.md); the depth is always checked here, before anything walks
// the body. A web form keeps what was typed: each such character
// is shown as U+FFFD (the sign for a character that could not be read) for the person to see and fix.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { refuseInput, unstorableInput } from '../../api/input-refusal.ts';
import { findTooDeep, withUnstorableReplaced } from '../../domain/shared/storable-text.ts';
import { sendErrorPage } from './errors.ts';
import { isApiRequest } from './request-kind.ts';

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

export const inputGuard = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', guardInput);
});
