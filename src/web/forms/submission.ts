// A form posted twice records once (ADR 0026). A form that records something new on a case sends the
// one-time submission id its save button carries (views/macros/save-button.njk); its route asks first
// whether that id recorded something already and, if so, answers as the first post was answered (its
// record, its success message) before checking or recording anything. A post that arrives while its
// twin is still being recorded is refused by the record's own transaction (SubmittedBeforeError) and
// sent again by the browser (plugins/errors.ts), to be answered here.
import type { FastifyRequest } from 'fastify';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { recordedBefore, submissionIdOf } from '../../application/cases/form-submissions.ts';

export interface FormSubmission {
  /** The form's one-time id; undefined when the post has none or one not shaped like one (a new submission). */
  id: string | undefined;
  /** The id of what an earlier post of the same form recorded, or null. */
  recordedBefore: string | null;
}

export async function formSubmission(request: FastifyRequest, caseId: string): Promise<FormSubmission> {
  const id = submissionIdOf((request.body as Record<string, unknown> | undefined)?.['submissionId']);
  return { id, recordedBefore: await recordedBefore(request.server.ctx, actorFor(request.user!, 'web', request.ip), caseId, id) };
}
