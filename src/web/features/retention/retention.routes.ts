// Legal holds: a case's holds page (/cases/:caseId/holds), with its disposal date and why, a form to
// set a hold and a button to lift each, for a safeguarding lead or manager who works with the case;
// and the administrator's holds by rule (/admin/legal-holds). No JavaScript needed; a refused form
// comes back with the GOV.UK error summary and everything typed kept.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { liftCaseHold, liftRuleHold, PLACE_LEGAL_HOLD, placeCaseHold, placeRuleHold, viewCaseHolds, viewRuleHolds, type RuleHoldsView } from '../../../application/retention/legal-holds.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import { formSubmission, formSubmissionWithoutCase, sendAgainWhenRaced } from '../../forms/submission.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { holdFormErrors, presentHold, presentRetention } from './retention.presenter.ts';

type Values = Record<string, string>;

/** The form's fields exactly as typed, however long: a form given back must hold all of it (the domain refuses what is too long). */
function typed(body: unknown, fields: readonly string[]): Values {
  const given = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return Object.fromEntries(fields.map((field) => [field, typeof given[field] === 'string' ? given[field] : '']));
}

export async function retentionRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  async function casePage(request: FastifyRequest<{ Params: { caseId: string } }>, reply: FastifyReply, locals: object = {}, status = 200) {
    const result = await viewCaseHolds(ctx, actor(request), request.params.caseId);
    if (!result.ok) return sendErrorPage(reply, result.code);
    const { caseId, retention, mayHold, today } = result.value;
    return reply.page('retention/case-holds.njk', { title: 'Keeping this record: disposal and legal holds', caseId, retention: presentRetention(retention, today), mayHold, values: {}, fieldErrors: {}, backLink: `/cases/${caseId}`, ...locals }, status);
  }

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/holds', { preHandler: requireUser }, async (request, reply) => casePage(request, reply));

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/holds', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const set = () => {
      flashSuccess(request, 'The legal hold is set: this record will not be disposed of until it is lifted.');
      return reply.redirect(`/cases/${request.params.caseId}/holds`, 303);
    };
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return set();
    const values = typed(request.body, ['reason']);
    const result = await placeCaseHold(ctx, actor(request), request.params.caseId, values['reason']!, submission.id);
    if (result.ok) return set();
    if (result.code !== 'invalid') return sendErrorPage(reply, result.code === 'conflict' ? 'not-found' : result.code);
    return casePage(request, reply, { values, ...holdFormErrors(result.problems, values) }, 400);
  });

  app.post<{ Params: { caseId: string; holdId: string } }>('/cases/:caseId/holds/:holdId/lift', { preHandler: requireUser }, async (request, reply) => {
    const result = await liftCaseHold(ctx, actor(request), request.params.caseId, request.params.holdId);
    if (!result.ok && result.code !== 'conflict') return sendErrorPage(reply, result.code === 'invalid' ? 'not-found' : result.code);
    flashSuccess(request, result.ok ? 'The legal hold is lifted.' : result.message);
    return reply.redirect(`/cases/${request.params.caseId}/holds`, 303);
  });

  function rulePage(reply: FastifyReply, view: RuleHoldsView, locals: { values?: Values } & object = {}, status = 200) {
    const today = serviceToday(ctx.clock.now());
    const chosen = locals.values?.['organisationId'] ?? '';
    return reply.page(
      'retention/rule-holds.njk',
      {
        title: 'Legal holds by rule',
        holds: view.holds.map((hold) => ({ ...presentHold(hold, today), cases: hold.cases })),
        organisationItems: [{ value: '', text: 'Any organisation' }, ...view.organisations.map((o) => ({ value: o.id, text: o.name, selected: o.id === chosen }))],
        values: {},
        fieldErrors: {},
        backLink: '/admin',
        ...locals,
      },
      status,
    );
  }

  app.get('/admin/legal-holds', { preHandler: requireUser }, async (request, reply) => {
    const result = await viewRuleHolds(ctx, actor(request));
    if (!result.ok) return sendErrorPage(reply, 'forbidden');
    return rulePage(reply, result.value);
  });

  // Posted twice, it sets one hold (ADR 0026): a second post is answered as the first was.
  app.post('/admin/legal-holds', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const set = () => {
      flashSuccess(request, 'The legal hold is set: no case it matches will be disposed of until it is lifted.');
      return reply.redirect('/admin/legal-holds', 303);
    };
    const submission = await formSubmissionWithoutCase(request, PLACE_LEGAL_HOLD);
    if (submission.recordedBefore) return set();
    const values = typed(request.body, ['organisationId', 'bornFrom', 'bornTo', 'reason']);
    const draft = { organisationId: values['organisationId']!, bornFrom: values['bornFrom']!, bornTo: values['bornTo']!, reason: values['reason']! };
    const result = await placeRuleHold(ctx, actor(request), draft, submission.id);
    if (result.ok) return set();
    if (result.code !== 'invalid') return sendErrorPage(reply, 'forbidden');
    const view = await viewRuleHolds(ctx, actor(request));
    if (!view.ok) return sendErrorPage(reply, 'forbidden');
    return rulePage(reply, view.value, { values, ...holdFormErrors(result.problems, values) }, 400);
  });

  app.post<{ Params: { holdId: string } }>('/admin/legal-holds/:holdId/lift', { preHandler: requireUser }, async (request, reply) => {
    const result = await liftRuleHold(ctx, actor(request), request.params.holdId);
    if (!result.ok && result.code !== 'conflict') return sendErrorPage(reply, result.code === 'forbidden' ? 'forbidden' : 'not-found');
    flashSuccess(request, result.ok ? 'The legal hold is lifted.' : result.message);
    return reply.redirect('/admin/legal-holds', 303);
  });
}
