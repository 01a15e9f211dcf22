// The discharge plan page under the case (/cases/:caseId/discharge-plan; docs/domain.md "Discharge
// plan"): the baby's discharge plans, the latest stay first, with what is still missing, and for the
// team the form to record one, which works without JavaScript ("add another" re-renders with one
// more blank row; an error keeps everything typed, with the summary linking to the field). The
// plan is recorded first, so a refusal is the use case's alone (audited once); the page is read
// again only to re-render the form.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { listDischargePlans, type DischargePlansView } from '../../../application/discharge/list-discharge-plans.ts';
import { recordDischargePlan } from '../../../application/discharge/record-discharge-plan.ts';
import { newRowAt } from '../../forms/add-another.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { addRequested, blankForm, dischargeFormErrors, draftFrom, readDischargeForm, readKeptDischargeForm, withAnotherRow, type DischargeFormValues } from './discharge-plan.form.ts';
import { agencyItems, presentDischargePlans, stayItems } from './discharge-plan.presenter.ts';

const RECORD = { action: 'discharge-plan.record', need: 'change' } as const;

export async function dischargePlanRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  async function load(request: FastifyRequest<{ Params: { caseId: string } }>, reply: FastifyReply, forChange: boolean): Promise<DischargePlansView | null> {
    const result = await listDischargePlans(ctx, actor(request), request.params.caseId, forChange ? RECORD : undefined);
    if (!result.ok) {
      await sendErrorPage(reply, result.code);
      return null;
    }
    return result.value;
  }

  function page(reply: FastifyReply, view: DischargePlansView, values: DischargeFormValues, locals: object = {}, status = 200) {
    return reply.page(
      'discharge/discharge-plan.njk',
      { title: 'Discharge plans', p: presentDischargePlans(view), values, stayItems, agencyItems, fieldErrors: {}, dateParts: {}, backLink: `/cases/${view.caseId}`, ...locals },
      status,
    );
  }

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/discharge-plan', { preHandler: requireUser }, async (request, reply) => {
    const view = await load(request, reply, false);
    if (!view) return reply;
    // A form posted after the session ended (or with an expired token) comes back as typed.
    return page(reply, view, request.keptForm ? readKeptDischargeForm(request.keptForm) : blankForm());
  });

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/discharge-plan', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const typed = readDischargeForm(request.body);
    const add = addRequested(request.body);
    if (add) {
      const view = await load(request, reply, true);
      if (!view) return reply;
      const values = withAnotherRow(typed, add);
      // The page opens on the row added, the last (its button's formaction ends #new-<kind>).
      return page(reply, view, values, { newRow: newRowAt(add, values[add].length - 1) });
    }
    const recorded = () => {
      flashSuccess(request, 'The discharge plan is recorded in the chronology.', 'discharge-plan-saved');
      return reply.redirect(`/cases/${request.params.caseId}/discharge-plan#plans`, 303);
    };
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return recorded();
    const { draft, rows } = draftFrom(typed);
    const result = await recordDischargePlan(ctx, actor(request), request.params.caseId, draft, submission.id);
    if (result.ok) return recorded();
    if (result.code !== 'invalid') return sendErrorPage(reply, result.code);
    const view = await load(request, reply, true);
    if (!view) return reply;
    // The rows as typed, blank ones included, so each error stays on the row it is about.
    return page(reply, view, typed, dischargeFormErrors(result.problems, rows, typed), 400);
  });
}
