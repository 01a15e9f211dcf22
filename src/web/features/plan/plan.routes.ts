// The plan page under the case (/cases/:caseId/plan) and its form (/cases/:caseId/plan/edit): the
// plan with who checks what and how often, the actions with overdue ones marked, the visiting pattern
// with each commitment kept, due or overdue, and a form that
// works without JavaScript ("add another" re-renders with a blank row; everything typed is kept on
// an error; a stale version shows the plan someone else saved and keeps what the user typed).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { updatePlan } from '../../../application/plan/update-plan.ts';
import { viewPlan, type PlanView } from '../../../application/plan/view-plan.ts';
import { ORGANISATION_KINDS } from '../../../domain/shared/organisation-kinds.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { formErrors } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { addedRow, addRequested, draftFrom, formValuesFor, planFormErrors, readPlanForm, withBlankRows, type PlanFormValues } from './plan.form.ts';
import { agencyItems, frequencyItems, levelItems, ownerItems, personNames, presentPlan, seenItems, statusItems } from './plan.presenter.ts';

type CaseRequest = FastifyRequest<{ Params: { caseId: string } }>;

const EDIT = { action: 'plan.update', need: 'change' } as const;

export async function planRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  async function load(request: CaseRequest, reply: FastifyReply, forChange: boolean): Promise<PlanView | null> {
    const result = await viewPlan(ctx, actor(request), request.params.caseId, forChange ? EDIT : undefined);
    if (!result.ok) {
      await sendErrorPage(reply, result.code);
      return null;
    }
    return result.value;
  }

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/plan', { preHandler: requireUser }, async (request, reply) => {
    const view = await load(request, reply, false);
    if (!view) return reply;
    return reply.page('plan/plan.njk', { title: 'Plan', p: presentPlan(view), backLink: `/cases/${view.caseId}` });
  });

  function editPage(reply: FastifyReply, view: PlanView, values: PlanFormValues, locals: object = {}, status = 200) {
    return reply.page(
      'plan/plan-edit.njk',
      {
        title: view.plan ? 'Change the plan' : 'Make a plan',
        p: presentPlan(view),
        values,
        levelItems: levelItems(),
        frequencyItems: frequencyItems(),
        statusItems: statusItems(),
        agencyItems: agencyItems(),
        seenItems: seenItems(),
        agencyNames: ORGANISATION_KINDS,
        ownerItems: ownerItems(view),
        personNames: personNames(view),
        fieldErrors: {},
        dateParts: {},
        backLink: `/cases/${view.caseId}/plan`,
        ...locals,
      },
      status,
    );
  }

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/plan/edit', { preHandler: requireUser }, async (request, reply) => {
    const view = await load(request, reply, true);
    if (!view) return reply;
    return editPage(reply, view, request.keptForm ? withBlankRows(readPlanForm(request.keptForm)) : formValuesFor(view.plan, view.caseLevel, view.suggestions));
  });

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/plan/edit', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const saved = () => {
      flashSuccess(request, 'The plan is saved.', 'plan-saved');
      return reply.redirect(`/cases/${request.params.caseId}/plan`, 303);
    };
    // Before the version is checked: this post's twin saved the version this one would be stale against.
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return saved();
    const typed = readPlanForm(request.body);
    const add = addRequested(request.body);
    if (add) {
      const view = await load(request, reply, true);
      if (!view) return reply;
      const values = withBlankRows(typed, add);
      // The page opens on the row added (its button's formaction ends #new-<kind>).
      return editPage(reply, view, values, { newRow: addedRow(values, add) });
    }
    const { draft, rows } = draftFrom(typed);
    const version = /^\d{1,9}$/.test(typed.version) ? Number(typed.version) : -1;
    const result = await updatePlan(ctx, actor(request), request.params.caseId, { version, plan: draft }, submission.id);
    if (result.ok) return saved();
    if (result.code === 'not-found' || result.code === 'forbidden') return sendErrorPage(reply, result.code);
    const view = await load(request, reply, true);
    if (!view) return reply;
    // Stale because this post's twin, sent at the same moment, saved first: answered as the twin was.
    if (result.code === 'stale' && (await formSubmission(request, request.params.caseId)).recordedBefore) return saved();
    if (result.code === 'stale') {
      // Their plan is on the page (view.plan); what this user typed stays in the form, on the version
      // now current, so saving again puts it over theirs once they have looked.
      const values = withBlankRows({ ...typed, version: String(view.plan?.version ?? 0) });
      return editPage(reply, view, values, { ...formErrors({ 'their-plan': 'Someone else changed the plan while you were editing it. Their plan is shown first; your changes are still in the form below. Check them against theirs, then save again.' }), stale: true }, 409);
    }
    // The rows as typed, blank ones included, so each error stays on the row it is about.
    if (result.code === 'invalid') return editPage(reply, view, typed, planFormErrors(result.problems, rows, typed), 400);
    return sendErrorPage(reply, 'bad-request');
  });
}
