// How an API request's input is refused: the first text in its address, query or body that no
// database can store (a NUL character, half of a surrogate pair), and the answer to such a problem,
// 400 in the API's own error form or the route's own form (a FHIR route's OperationOutcome). Used by
// the input guard (web/plugins/input-guard.ts, which refuses a body nested too deep the same way)
// and, for an operation behind the token check, by api/v1/refused-input.ts after that check, so
// that the refusal is audited as its caller's (docs/adr/0024-refused-requests-audited.md).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../domain/shared/storable-text.ts';
import { sendApiError, type InputProblem } from './api-error.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The handler checks its body for unstorable text itself, part by part. */
    checksStorableTextItself?: boolean;
    /** How this API route answers a refused input, when not in the API's own error form (the FHIR routes: an OperationOutcome). */
    sendInputProblem?: (reply: FastifyReply, problem: InputProblem) => FastifyReply;
    /** Text no database can store is refused after the token check, by api/v1/refused-input.ts, not by the input guard. */
    checksStorableTextAfterTokenCheck?: boolean;
  }
}

/** Answers a refused input as the route says (`sendInputProblem`), else 400 validation-failed naming its place. */
export function refuseInput(request: FastifyRequest, reply: FastifyReply, problem: InputProblem) {
  const send = request.routeOptions.config.sendInputProblem;
  if (send) return send(reply, problem);
  return sendApiError(reply, 400, 'validation-failed', 'The request is not valid: see details.', [{ path: problem.path, message: problem.message }]);
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
