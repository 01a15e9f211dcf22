// Opening a record in an emergency, and the safeguarding leads' review of such access.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { listEmergencyAccessToReview, mayAskEmergencyAccess, openInEmergency, reviewEmergencyAccess } from '../../../application/cases/emergency-access.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { formErrors, validateForm } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { emergencyAccessForm, OUTCOME_ITEMS, reviewForm } from './emergency-access.schema.ts';

type CaseParams = { Params: { caseId: string } };

export async function emergencyAccessRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const formPage = (reply: FastifyReply, caseId: string, locals: object, status = 200) =>
    reply.page('emergency-access/open.njk', { title: 'Open a record in an emergency', caseId, hours: ctx.config.breakGlassHours, values: {}, backLink: `/cases/${caseId}`, ...locals }, status);

  app.get<CaseParams>('/cases/:caseId/emergency-access', { preHandler: requireUser }, async (request, reply) => {
    const may = await mayAskEmergencyAccess(ctx, actorFor(request.user!, 'web', request.ip), request.params.caseId);
    if (!may.ok) return sendErrorPage(reply, may.code);
    // The reason as typed, after the form was kept (posted once the session had ended).
    const typed = request.keptForm?.['reason'];
    return formPage(reply, request.params.caseId, typeof typed === 'string' ? { values: { reason: typed } } : {});
  });

  app.post<CaseParams>('/cases/:caseId/emergency-access', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const { caseId } = request.params;
    const actor = actorFor(request.user!, 'web', request.ip);
    const opened = () => {
      flashSuccess(request, 'Emergency access opened: it is recorded and a safeguarding lead will review it');
      return reply.redirect(`/cases/${caseId}`, 303);
    };
    const submission = await formSubmission(request, caseId);
    if (submission.recordedBefore) return opened();
    // Refused before what was typed is read: a role that may not ask is told so, not how to ask.
    const may = await mayAskEmergencyAccess(ctx, actor, caseId);
    if (!may.ok) return sendErrorPage(reply, may.code);
    const form = validateForm(emergencyAccessForm, request.body);
    if (!form.ok) return formPage(reply, caseId, form, 400);
    const result = await openInEmergency(ctx, actor, caseId, form.value.reason, submission.id);
    if (result.ok) return opened();
    if (result.code === 'already-has-access') return reply.redirect(`/cases/${caseId}`, 303);
    if (result.code === 'not-found' || result.code === 'forbidden') return sendErrorPage(reply, result.code);
    return formPage(reply, caseId, { ...formErrors({ reason: result.message }), values: form.value }, 400);
  });

  const queuePage = async (reply: FastifyReply, actor: ReturnType<typeof actorFor>, locals: object = {}, status = 200) => {
    const queue = await listEmergencyAccessToReview(ctx, actor);
    if (!queue.ok) return sendErrorPage(reply, 'forbidden');
    return reply.page('emergency-access/review.njk', { title: 'Emergency access to review', items: queue.value, outcomeItems: OUTCOME_ITEMS, values: {}, ...locals }, status);
  };

  app.get('/emergency-access', { preHandler: requireUser }, async (request, reply) => queuePage(reply, actorFor(request.user!, 'web', request.ip)));

  app.post<{ Params: { caseId: string; id: string } }>('/emergency-access/:caseId/:id', { preHandler: requireUser }, async (request, reply) => {
    const actor = actorFor(request.user!, 'web', request.ip);
    const form = validateForm(reviewForm, request.body);
    if (!form.ok) return queuePage(reply, actor, { ...form, failedItem: request.params.id }, 400);
    const result = await reviewEmergencyAccess(ctx, actor, { ...request.params, ...form.value });
    if (!result.ok) return sendErrorPage(reply, result.code === 'forbidden' ? 'forbidden' : 'not-found');
    flashSuccess(request, 'Review recorded');
    return reply.redirect('/emergency-access', 303);
  });
}
