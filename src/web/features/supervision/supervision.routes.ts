// Supervision of a case (issue 16): /cases/:caseId/supervision lists the supervisions the caller may
// read and what the profile shows changed since the last; /cases/:caseId/supervision/new records one
// (works without JavaScript: "add another action" re-renders with one more row; an error keeps
// everything typed, with the summary linking to the field; a supervisor outside the practitioner's
// organisation is refused with the form kept and a 403; posted after the session ended, it comes back
// as typed after signing in: web/plugins/kept-forms.ts); /cases/:caseId/supervision/:supervisionId
// shows one with what changed since the one before; /supervision lists the cases due supervision.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { listSupervisionDue } from '../../../application/supervision/list-supervision-due.ts';
import { recordSupervision } from '../../../application/supervision/record-supervision.ts';
import { viewSupervision } from '../../../application/supervision/view-supervision.ts';
import { viewSupervisions, type SupervisionsView } from '../../../application/supervision/view-supervisions.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';
import { SUPERVISION_PROMPTS } from '../../../domain/supervision/supervision-prompts.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/sessions.ts';
import { addRequested, blankForm, draftFrom, readKeptSupervisionForm, readSupervisionForm, supervisionFormErrors, withAnotherAction, type SupervisionFormValues } from './supervision.form.ts';
import { choiceItems, presentChanges, presentDueCase, presentSummary, presentSupervision, stuckItems } from './supervision.presenter.ts';

type CaseRequest = FastifyRequest<{ Params: { caseId: string } }>;

const RECORD = { action: 'supervision.record', need: 'change' } as const;

const lastWords = (day: string | null) => (day === null ? '' : `the last supervision, on ${dayInWords(day)}`);

export async function supervisionRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  async function load(request: CaseRequest, reply: FastifyReply, forRecording: boolean): Promise<SupervisionsView | null> {
    const result = await viewSupervisions(ctx, actor(request), request.params.caseId, forRecording ? RECORD : undefined);
    if (!result.ok) {
      await sendErrorPage(reply, result.code);
      return null;
    }
    return result.value;
  }

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/supervision', { preHandler: requireUser }, async (request, reply) => {
    const view = await load(request, reply, false);
    if (!view) return reply;
    return reply.page('supervision/supervision-list.njk', {
      title: 'Supervision',
      caseId: view.caseId,
      babyName: view.babyName,
      canRecord: view.canRecord,
      supervisions: view.supervisions.map((s) => presentSummary(s, view.caseId)),
      notShown: view.notShown,
      changes: presentChanges(view.changes, view.subjectNames),
      lastWords: lastWords(view.lastHeldOn),
      backLink: `/cases/${view.caseId}`,
    });
  });

  function formPage(reply: FastifyReply, view: SupervisionsView, values: SupervisionFormValues, locals: object = {}, status = 200) {
    return reply.page(
      'supervision/supervision-new.njk',
      {
        title: 'Record a supervision',
        caseId: view.caseId,
        babyName: view.babyName,
        values,
        prompts: SUPERVISION_PROMPTS,
        stuckItems: stuckItems(values.stuck),
        practitionerItems: choiceItems(view.practitioners, values.practitionerId, 'Choose the practitioner'),
        supervisorItems: choiceItems(view.supervisors, values.supervisorId, 'Choose the supervisor'),
        changes: presentChanges(view.changes, view.subjectNames),
        lastWords: lastWords(view.lastHeldOn),
        fieldErrors: {},
        dateParts: {},
        backLink: `/cases/${view.caseId}/supervision`,
        ...locals,
      },
      status,
    );
  }

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/supervision/new', { preHandler: requireUser }, async (request, reply) => {
    const view = await load(request, reply, true);
    if (!view) return reply;
    const me = request.user!.id;
    const practises = view.practitioners.some((p) => p.id === me);
    return formPage(reply, view, request.keptForm ? readKeptSupervisionForm(request.keptForm) : blankForm(view.today, { practitionerId: practises ? me : '', supervisorId: practises ? '' : me }));
  });

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/supervision/new', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const typed = readSupervisionForm(request.body);
    if (addRequested(request.body)) {
      const view = await load(request, reply, true);
      return view ? formPage(reply, view, withAnotherAction(typed)) : reply;
    }
    const recorded = (id: string) => reply.redirect(`/cases/${request.params.caseId}/supervision/${id}`, 303);
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return recorded(submission.recordedBefore);
    const { draft, actionRows } = draftFrom(typed);
    const result = await recordSupervision(ctx, actor(request), request.params.caseId, draft, submission.id);
    if (result.ok) return recorded(result.value.id);
    if (result.code !== 'invalid') return sendErrorPage(reply, result.code);
    const view = await load(request, reply, true);
    if (!view) return reply;
    // The rows as typed, blank ones included, so each error stays on the row it is about.
    return formPage(reply, view, typed, supervisionFormErrors(result.problems, actionRows, typed), result.refused ? 403 : 400);
  });

  app.get<{ Params: { caseId: string; supervisionId: string } }>('/cases/:caseId/supervision/:supervisionId', { preHandler: requireUser }, async (request, reply) => {
    const result = await viewSupervision(ctx, actor(request), request.params.caseId, request.params.supervisionId);
    if (!result.ok) return sendErrorPage(reply, result.code);
    const view = result.value;
    const s = presentSupervision(view.supervision);
    return reply.page('supervision/supervision.njk', {
      title: s.title,
      caseId: view.caseId,
      babyName: view.babyName,
      s,
      changes: presentChanges(view.changes, view.subjectNames),
      previousWords: view.previousHeldOn === null ? '' : `the supervision before, on ${dayInWords(view.previousHeldOn)}`,
      backLink: `/cases/${view.caseId}/supervision`,
    });
  });

  app.get('/supervision', { preHandler: requireUser }, async (request, reply) => {
    const result = await listSupervisionDue(ctx, actor(request));
    if (!result.ok) return sendErrorPage(reply, result.code);
    const { value } = result;
    return reply.page('supervision/supervision-due.njk', { title: 'Cases due supervision', cases: value.cases.map(presentDueCase), periodDays: value.periodDays, scope: value.scope });
  });
}
