// Recording a person's dispute of a chronology entry (issue 21): a form under the entry, for anyone
// who may change the case. The dispute is kept beside the entry and never replaces it; the entry's
// page, the list, the CSV file and the printed copy show it, and the profile counts the disputed entry
// as conflicting information. A refused form comes back with the error summary and what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { readChronology } from '../../../application/chronology/read-chronology.ts';
import { recordDispute } from '../../../application/chronology/record-dispute.ts';
import { DISPUTE_LIMITS, DISPUTE_PROBLEM_MESSAGES } from '../../../domain/chronology/dispute-rules.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { withTypedCounts } from '../../forms/too-long.ts';
import { formErrors } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { presentEntries } from './chronology.presenter.ts';

type EntryParams = { Params: { caseId: string; entryId: string } };
type Values = { disputedBy: string; text: string };

/** The form's fields exactly as typed, however long: a form given back must hold all of it (the domain refuses what is too long). */
function typed(body: unknown): Values {
  const given = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const text = (field: string) => (typeof given[field] === 'string' ? given[field] : '');
  return { disputedBy: text('disputedBy'), text: text('text') };
}

/** Each text's name in an error and its limit: "What they say must be 4,000 characters or fewer: you have 4,210.". */
const TEXT_LIMITS = { disputedBy: { label: 'Who disputes the entry', limit: DISPUTE_LIMITS.disputedBy }, text: { label: 'What they say', limit: DISPUTE_LIMITS.text } };

export async function disputeRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);
  const entryUrl = (caseId: string, entryId: string) => `/cases/${caseId}/chronology/${entryId}`;

  /** The form, with the entry it disputes; the error page (a refusal audited) when the user may not. */
  async function formPage(request: FastifyRequest<EntryParams>, reply: FastifyReply, locals: { values: Values } & object, status = 200) {
    const { caseId, entryId } = request.params;
    const result = await readChronology(ctx, actor(request), caseId, { entryId, intent: { action: 'chronology.dispute', need: 'change' } });
    if (!result.ok) return sendErrorPage(reply, result.code);
    const entry = presentEntries(result.value.entries, result.value.all, result.value.people)[0]!;
    return reply.page(
      'chronology/dispute.njk',
      { title: 'Record a dispute of an entry', caseId, caseName: result.value.caseName, e: entry, limits: DISPUTE_LIMITS, fieldErrors: {}, backLink: entryUrl(caseId, entryId), ...locals },
      status,
    );
  }

  app.get<EntryParams>('/cases/:caseId/chronology/:entryId/dispute', { preHandler: requireUser }, async (request, reply) =>
    // What was typed, after a form was kept (posted once the session had ended).
    formPage(request, reply, { values: typed(request.keptForm ?? {}) }),
  );

  app.post<EntryParams>('/cases/:caseId/chronology/:entryId/dispute', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const { caseId, entryId } = request.params;
    const recorded = () => {
      flashSuccess(request, 'Dispute recorded beside the entry: the profile counts the entry as conflicting information');
      return reply.redirect(entryUrl(caseId, entryId), 303);
    };
    const submission = await formSubmission(request, caseId);
    if (submission.recordedBefore) return recorded();
    const values = typed(request.body);
    const result = await recordDispute(ctx, actor(request), caseId, entryId, values, submission.id);
    if (result.ok) return recorded();
    if (result.code === 'invalid') {
      const problems = withTypedCounts(result.problems.map((p) => ({ field: p.path.slice(1), message: DISPUTE_PROBLEM_MESSAGES[p.code] })), values, TEXT_LIMITS);
      const errors = Object.fromEntries(problems.map((p) => [p.field, p.message]));
      return formPage(request, reply, { values, ...formErrors(errors) }, 400);
    }
    return sendErrorPage(reply, result.code === 'forbidden' ? 'forbidden' : 'not-found');
  });
}
