// The growth page under the case (/cases/:caseId/growth): a chart per kind of measurement against
// the UK-WHO centiles (corrected age for a baby born before 37 weeks), the same numbers as a table,
// faltering growth as the profile derives it with the weights it rests on, and a form to add a
// measurement, posted to the page's own address. No JavaScript needed; an error re-renders the page
// with the GOV.UK error summary linking to the field and everything typed kept; a form posted after
// the session ended comes back on the page, filled as typed (web/plugins/kept-forms.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { recordMeasurement } from '../../../application/growth/record-measurement.ts';
import { GROWTH_RECORD_ACTION } from '../../../application/growth/record-measurement.ts';
import { viewGrowth, type GrowthView } from '../../../application/growth/view-growth.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { measurementFrom, pageErrors, readForm, type FormValues } from './growth.form.ts';
import { KIND_ITEMS, presentGrowth } from './growth.presenter.ts';

type CaseRequest = FastifyRequest<{ Params: { caseId: string } }>;

export async function growthRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  async function load(request: CaseRequest, reply: FastifyReply, forChange: boolean): Promise<GrowthView | null> {
    const result = await viewGrowth(ctx, actor(request), request.params.caseId, forChange ? { action: GROWTH_RECORD_ACTION, need: 'change' } : undefined);
    if (!result.ok) {
      await sendErrorPage(reply, result.code);
      return null;
    }
    return result.value;
  }

  function page(reply: FastifyReply, view: GrowthView, values: FormValues = {}, errors: object = {}, status = 200) {
    return reply.page(
      'growth/growth.njk',
      { title: `Growth: ${view.babyName}`, p: presentGrowth(view), kindItems: KIND_ITEMS(values['kind']), values, fieldErrors: {}, backLink: `/cases/${view.caseId}`, ...errors },
      status,
    );
  }

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/growth', { preHandler: requireUser }, async (request, reply) => {
    const view = await load(request, reply, false);
    if (!view) return reply;
    return page(reply, view, request.keptForm ? readForm(request.keptForm) : {});
  });

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/growth', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const recorded = () => {
      flashSuccess(request, 'The measurement is recorded.', 'growth-saved');
      return reply.redirect(`/cases/${request.params.caseId}/growth`, 303);
    };
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return recorded();
    const values = readForm(request.body);
    const result = await recordMeasurement(ctx, actor(request), request.params.caseId, measurementFrom(values), 'page', submission.id);
    if (result.ok) return recorded();
    if (result.code !== 'invalid') return sendErrorPage(reply, result.code);
    const view = await load(request, reply, true);
    return view ? page(reply, view, values, pageErrors(values, result.problems), 400) : reply;
  });
}
