// POST and GET /api/v1/cases/{caseId}/meetings: professionals' meetings for agency systems (issue
// 13). POST needs the write scope and answers 201 with the meeting as stored (422 invalid-meeting
// with a path per problem); GET needs read and lists them, latest first, with what the service
// observes about each. Same use cases as the meetings page.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { listMeetings } from '../../application/meetings/list-meetings.ts';
import { recordMeeting } from '../../application/meetings/record-meeting.ts';
import { MEETING_PROBLEM_MESSAGES } from '../../domain/meetings/meeting-rules.ts';
import { meetingObservations } from '../../domain/meetings/meeting-observations.ts';
import { MEETING_KIND_LABELS, type MeetingDraft, type RecordedMeeting } from '../../domain/meetings/meeting.types.ts';
import { sendApiError, sendCaseChangeRefusal } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { CaseIdParams } from './case.schemas.ts';
import { Meeting, MeetingList, MeetingRecord, type MeetingRecordBody } from './meetings.schemas.ts';
import { errorResponses } from './schemas.ts';

const common = { tags: ['meetings'], security: [{ bearer: [] }] };

const meetingBody = (meeting: RecordedMeeting) => ({ ...meeting, label: MEETING_KIND_LABELS[meeting.kind], observations: meetingObservations(meeting) });

function draftFrom(body: MeetingRecordBody): MeetingDraft {
  return {
    kind: body.kind,
    heldOn: body.heldOn,
    chair: body.chair,
    ...(body.chairIndependent !== undefined ? { chairIndependent: body.chairIndependent } : {}),
    parentsPresent: body.parentsPresent,
    attendees: body.attendees,
    ...(body.invitedAbsent !== undefined ? { invitedAbsent: body.invitedAbsent } : {}),
    decisions: body.decisions,
    ...(body.dissent !== undefined ? { dissent: body.dissent } : {}),
    ...(body.actions !== undefined ? { actions: body.actions } : {}),
    ...(body.section47 !== undefined ? { section47: body.section47 } : {}),
    ...(body.protectionPlan !== undefined ? { protectionPlan: body.protectionPlan } : {}),
    ...(body.abuseCategory !== undefined ? { abuseCategory: body.abuseCategory } : {}),
  };
}

export async function meetingApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.get<{ Params: { caseId: string } }>(
    '/cases/:caseId/meetings',
    { preHandler: requireBearer, schema: { ...common, summary: "The professionals' meetings about the baby, latest held first, each with what the service observes about it", params: CaseIdParams, response: { 200: MeetingList, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      const result = await listMeetings(ctx, actor(request), request.params.caseId);
      if (!result.ok) return sendApiError(reply, result.code === 'not-found' ? 404 : 403, result.code, result.message);
      return { meetings: result.value.meetings.map((meeting) => ({ ...meeting, label: MEETING_KIND_LABELS[meeting.kind] })) };
    },
  );

  app.post<{ Params: { caseId: string }; Body: MeetingRecordBody }>(
    '/cases/:caseId/meetings',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: "Record a meeting that was held: 201 with the meeting as stored. 422 invalid-meeting names each problem by its path (a meeting dated in the future, parents at a professionals' meeting, an action without an owner or due date)",
        params: CaseIdParams,
        body: MeetingRecord,
        response: { 201: Meeting, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const result = await recordMeeting(ctx, actor(request), request.params.caseId, draftFrom(request.body));
      if (result.ok) return reply.code(201).send(meetingBody(result.value));
      if (result.code === 'invalid') return sendApiError(reply, 422, 'invalid-meeting', result.message, result.problems.map((p) => ({ path: p.path, message: MEETING_PROBLEM_MESSAGES[p.code] })));
      return sendCaseChangeRefusal(reply, result);
    },
  );
}
