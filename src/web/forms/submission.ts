// A form posted twice records once (ADR 0026). A form that records something new sends the
// one-time submission id its save button carries (views/macros/save-button.njk); its route asks first
// whether that id recorded something already and, if so, answers as the first post was answered (its
// record, its success message) before checking or recording anything. A post that arrives while its
// twin is still being recorded is refused by the record's own transaction (SubmittedBeforeError) and
// sent again by the browser (sendAgainWhenRaced, the route's error handler), to be answered here.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { isSubmittedBefore, recordedBefore, recordedBeforeWithoutCase, submissionIdOf } from '../../application/cases/form-submissions.ts';

export interface FormSubmission {
  /** The form's one-time id; undefined when the post has none or one not shaped like one (a new submission). */
  id: string | undefined;
  /** The id of what an earlier post of the same form recorded, or null. */
  recordedBefore: string | null;
}

const submissionIdIn = (request: FastifyRequest) => submissionIdOf((request.body as Record<string, unknown> | undefined)?.['submissionId']);
const actorOf = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

export async function formSubmission(request: FastifyRequest, caseId: string): Promise<FormSubmission> {
  const id = submissionIdIn(request);
  return { id, recordedBefore: await recordedBefore(request.server.ctx, actorOf(request), caseId, id) };
}

/** As formSubmission, for a form without a case (a new record, a quality audit, a legal hold by rule), known by its use case's action. */
export async function formSubmissionWithoutCase(request: FastifyRequest, action: string): Promise<FormSubmission> {
  const id = submissionIdIn(request);
  return { id, recordedBefore: await recordedBeforeWithoutCase(request.server.ctx, actorOf(request), action, id) };
}

/**
 * The error handler of a route that records once (its `errorHandler` option): a post whose twin noted
 * the same submission first stored nothing, and the browser is asked to send it again as it was (307:
 * the same method and body), for formSubmission to answer as the twin was answered. Any other error
 * goes on to the app's own handler (plugins/errors.ts).
 */
export function sendAgainWhenRaced(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (!isSubmittedBefore(error)) throw error;
  void reply.redirect(request.url, 307);
}
