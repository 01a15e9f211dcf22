// The meetings page under the case (/cases/:caseId/meetings): the case's clocks and its
// meetings (strategy discussions, conferences, core groups...), latest first, with what the service
// observes about each; and the form to record one (/cases/:caseId/meetings/new), which works without
// JavaScript ("add another" re-renders with one more blank row; an error keeps everything typed, with
// the summary linking to the field).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { listMeetings, type MeetingsView } from '../../../application/meetings/list-meetings.ts';
import { recordMeeting } from '../../../application/meetings/record-meeting.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { addRequested, blankForm, draftFrom, meetingFormErrors, readKeptMeetingForm, readMeetingForm, withAnotherRow, type MeetingFormValues } from './meetings.form.ts';
import { abuseCategoryItems, agencyItems, kindItems, presentMeetings } from './meetings.presenter.ts';

type CaseRequest = FastifyRequest<{ Params: { caseId: string } }>;

const RECORD = { action: 'meeting.record', need: 'change' } as const;

export async function meetingRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  async function load(request: CaseRequest, reply: FastifyReply, forChange: boolean): Promise<MeetingsView | null> {
    const result = await listMeetings(ctx, actor(request), request.params.caseId, forChange ? RECORD : undefined);
    if (!result.ok) {
      await sendErrorPage(reply, result.code);
      return null;
    }
    return result.value;
  }

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/meetings', { preHandler: requireUser }, async (request, reply) => {
    const view = await load(request, reply, false);
    if (!view) return reply;
    return reply.page('meetings/meetings.njk', { title: 'Meetings and timescales', p: presentMeetings(view), backLink: `/cases/${view.caseId}` });
  });

  function formPage(reply: FastifyReply, view: MeetingsView, values: MeetingFormValues, locals: object = {}, status = 200) {
    return reply.page(
      'meetings/meeting-new.njk',
      { title: 'Record a meeting', caseId: view.caseId, babyName: view.babyName, values, kindItems, agencyItems, abuseCategoryItems: abuseCategoryItems(values.abuseCategory), fieldErrors: {}, dateParts: {}, backLink: `/cases/${view.caseId}/meetings`, ...locals },
      status,
    );
  }

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/meetings/new', { preHandler: requireUser }, async (request, reply) => {
    const view = await load(request, reply, true);
    if (!view) return reply;
    // A form posted after the session ended (or with an expired token) comes back as typed.
    return formPage(reply, view, request.keptForm ? readKeptMeetingForm(request.keptForm) : blankForm());
  });

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/meetings/new', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const typed = readMeetingForm(request.body);
    const add = addRequested(request.body);
    if (add) {
      const view = await load(request, reply, true);
      return view ? formPage(reply, view, withAnotherRow(typed, add)) : reply;
    }
    const recorded = () => {
      flashSuccess(request, 'The meeting is recorded.', 'meeting-saved');
      return reply.redirect(`/cases/${request.params.caseId}/meetings`, 303);
    };
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return recorded();
    const { draft, rows } = draftFrom(typed);
    const result = await recordMeeting(ctx, actor(request), request.params.caseId, draft, submission.id);
    if (result.ok) return recorded();
    if (result.code !== 'invalid') return sendErrorPage(reply, result.code);
    const view = await load(request, reply, true);
    if (!view) return reply;
    // The rows as typed, blank ones included, so each error stays on the row it is about.
    return formPage(reply, view, typed, meetingFormErrors(result.problems, rows, typed), 400);
  });
}
