// Subject access requests (issue 21), for a data protection officer with a token:
// POST /api/v1/subject-access-searches, the people a name and date of birth find, to name one in
// POST /api/v1/subject-access-requests → 201 { id, dueOn }; GET .../{requestId}/draft, the draft
// disclosure with each item marked for redaction by rule; POST .../{requestId}/redactions, a decision
// on one; POST .../{requestId}/agency-answers, another agency's answer for all its items at once;
// POST .../{requestId}/extension, two months more once; POST .../{requestId}/release → 201,
// refused 422 unreviewed while any redaction is undecided. Anyone not an officer of the organisation
// answering is refused (403), audited. Same use cases as the subject access pages.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { recordAgencyAnswer } from '../../application/subject-access/agency-answer.ts';
import { decideRedaction, viewDraft } from '../../application/subject-access/draft.ts';
import { releaseDisclosure } from '../../application/subject-access/release.ts';
import { createRequest, extendRequest } from '../../application/subject-access/requests.ts';
import { searchSubjects } from '../../application/subject-access/subject-search.ts';
import { sendApiError } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { errorResponses } from './schemas.ts';
import { AgencyAnswerSent, AgencyAnswerTaken, DecisionSent, DecisionTaken, DraftDisclosure, Extended, ExtensionSent, Released, RequestCreated, RequestParams, RequestSent, SubjectSearchFound, SubjectSearchSent, type AgencyAnswerSentBody, type DecisionSentBody, type RequestSentBody, type SubjectSearchSentBody } from './subject-access.schemas.ts';

const common = { tags: ['subject-access'], security: [{ bearer: [] }] };
type Params = { requestId: string };
type Refused = { code: string; message: string; problems?: readonly { field: string; message: string }[] };

const STATUS: Record<string, number> = { forbidden: 403, 'not-found': 404, conflict: 409, invalid: 422, unreviewed: 422 };

function sendRefusal(reply: FastifyReply, result: Refused, invalidCode: string) {
  const details = (result.problems ?? []).map((p) => ({ path: `/${p.field}`, message: p.message }));
  return sendApiError(reply, STATUS[result.code] ?? 400, result.code === 'invalid' ? invalidCode : result.code, result.message, details);
}

export async function subjectAccessApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.post<{ Body: RequestSentBody }>(
    '/subject-access-requests',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'Record a subject access request for a person (a parent, or the child through a parent), with the day received: 201 with the day the answer is due. For a data protection officer; 422 invalid-request when the NHS number or person id finds nobody',
        body: RequestSent,
        response: { 201: RequestCreated, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const result = await createRequest(ctx, actor(request), request.body);
      if (result.ok) return reply.code(201).send(result.value);
      return sendRefusal(reply, result, 'invalid-request');
    },
  );

  app.post<{ Body: SubjectSearchSentBody }>(
    '/subject-access-searches',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'Find the person a request is about by name and date of birth, when there is no NHS number: every case in the partnership, as the baby or a person around a baby, by the search’s own rules. 200 with each person found, how to name them in the request (nhsNumber or personId) and the cases they are in. For a data protection officer; every search audited; 422 invalid-search',
        body: SubjectSearchSent,
        response: { 200: SubjectSearchFound, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const result = await searchSubjects(ctx, actor(request), request.body);
      if (!result.ok) return sendRefusal(reply, result, 'invalid-search');
      const { matches, babiesWithoutNhsNumber, more } = result.value;
      return { matches: matches.map(({ named, ...match }) => ({ ...named, ...match })), babiesWithoutNhsNumber, more };
    },
  );

  app.get<{ Params: Params }>(
    '/subject-access-requests/:requestId/draft',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'The draft disclosure: everything the record holds about the person, each item marked for redaction by rule with the officer’s decision so far. For a data protection officer of the organisation answering it, never the team',
        params: RequestParams,
        response: { 200: DraftDisclosure, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const result = await viewDraft(ctx, actor(request), request.params.requestId);
      if (!result.ok) return sendRefusal(reply, result, 'invalid');
      const { request: r, items, unreviewed, agencies } = result.value;
      return {
        ...r,
        extension: r.extension,
        released: r.released ? { at: r.released.at.toISOString(), byName: r.released.byName } : null,
        unreviewed,
        agencies,
        items: items.map((item) => ({ key: item.key, caseId: item.caseId, section: item.section, heading: item.heading, text: item.text, grounds: item.grounds, decision: item.decision ? { ...item.decision, decidedAt: item.decision.decidedAt.toISOString() } : null })),
      };
    },
  );

  app.post<{ Params: Params; Body: DecisionSentBody }>(
    '/subject-access-requests/:requestId/redactions',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'Decide one item marked for redaction: redact or disclose, with the reason (a decision made again replaces the last). 200 with how many remain; 409 once released; 422 invalid-decision',
        params: RequestParams,
        body: DecisionSent,
        response: { 200: DecisionTaken, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const result = await decideRedaction(ctx, actor(request), request.params.requestId, request.body);
      if (result.ok) return result.value;
      return sendRefusal(reply, result, 'invalid-decision');
    },
  );

  app.post<{ Params: Params; Body: AgencyAnswerSentBody }>(
    '/subject-access-requests/:requestId/agency-answers',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'Record another agency’s answer for all its items at once: agreed discloses those marked only because it recorded them, refused redacts them all, with what it said; any one can still be decided on its own after. 200 with how many it decided and how many remain; 409 once released; 422 invalid-agency-answer',
        params: RequestParams,
        body: AgencyAnswerSent,
        response: { 200: AgencyAnswerTaken, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const result = await recordAgencyAnswer(ctx, actor(request), request.params.requestId, request.body);
      if (result.ok) return result.value;
      return sendRefusal(reply, result, 'invalid-agency-answer');
    },
  );

  app.post<{ Params: Params; Body: { reason: string } }>(
    '/subject-access-requests/:requestId/extension',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'Extend the time to answer by two further months, once, with the reason told to the person asking: 200 with the new day due; 409 when extended already or released',
        params: RequestParams,
        body: ExtensionSent,
        response: { 200: Extended, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const result = await extendRequest(ctx, actor(request), request.params.requestId, request.body.reason);
      if (result.ok) return result.value;
      return sendRefusal(reply, result, 'invalid-extension');
    },
  );

  app.post<{ Params: Params }>(
    '/subject-access-requests/:requestId/release',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'Release the disclosure with its redactions applied: 201, and its PDF for the officer to download. 422 unreviewed while any redaction has no decision; 409 when released already',
        params: RequestParams,
        response: { 201: Released, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { requestId } = request.params;
      const result = await releaseDisclosure(ctx, actor(request), requestId);
      if (!result.ok) return sendRefusal(reply, result, 'invalid');
      return reply.code(201).send({ releasedAt: result.value.releasedAt.toISOString(), items: result.value.items, withheld: result.value.withheld, pdf: `/subject-access/${requestId}/disclosure.pdf` });
    },
  );
}
