// Proposals to change the level of support, for agency systems: list them, propose a change (for
// someone who may not change the level), accept or decline one (the lead professional or a
// safeguarding lead). Same use cases as the pages (application/profile/level-proposals.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { decideLevelProposal, proposeLevelChange, viewLevelProposals } from '../../application/profile/level-proposals.ts';
import { sendApiError } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { LevelProposalBody, LevelProposalCreated, LevelProposalDecided, LevelProposalDecisionBody, LevelProposals } from './level-proposals.schemas.ts';
import { errorResponses } from './schemas.ts';

const Params = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 100 }) });
const ProposalParams = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 100 }), proposalId: Type.String({ minLength: 1, maxLength: 100 }) });

const common = { tags: ['profile'], security: [{ bearer: [] }] };

const STATUS: Record<string, number> = {
  'not-found': 404,
  'no-such-proposal': 404,
  forbidden: 403,
  'not-decider': 403,
  'level-not-allowed': 403,
  'reason-needed': 400,
  'reason-too-long': 400,
  unchanged: 409,
  'may-change-level': 409,
  'proposal-open': 409,
  'proposal-closed': 409,
  'conference-needed': 409,
};
const fail = (reply: FastifyReply, failure: { code: string; message: string }) => {
  const path = failure.code.startsWith('reason') ? '/reason' : failure.code === 'conference-needed' || failure.code === 'level-not-allowed' || failure.code === 'unchanged' ? '/level' : null;
  return sendApiError(reply, STATUS[failure.code] ?? 400, failure.code, failure.message, path ? [{ path, message: failure.message }] : []);
};

export async function levelProposalApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.get<{ Params: Static<typeof Params> }>(
    '/cases/:caseId/level-proposals',
    { preHandler: requireBearer, schema: { ...common, summary: 'Proposals to change the level of support, latest first, with their answers', params: Params, response: { 200: LevelProposals, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      const result = await viewLevelProposals(ctx, actor(request), request.params.caseId);
      if (!result.ok) return fail(reply, result);
      return { proposals: result.value };
    },
  );

  app.post<{ Params: Static<typeof Params>; Body: Static<typeof LevelProposalBody> }>(
    '/cases/:caseId/level-proposals',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary:
          'Propose a change of level, for someone in the team whom the level rule does not let change it. 409 may-change-level (change it yourself with PUT /level), proposal-open (a case has one open proposal at a time), unchanged',
        params: Params,
        body: LevelProposalBody,
        response: { 201: LevelProposalCreated, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await proposeLevelChange(ctx, actor(request), request.params.caseId, request.body);
      if (!result.ok) return fail(reply, result);
      return reply.code(201).send({ id: result.id });
    },
  );

  app.post<{ Params: Static<typeof ProposalParams>; Body: Static<typeof LevelProposalDecisionBody> }>(
    '/cases/:caseId/level-proposals/:proposalId/decision',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary:
          'Accept or decline a proposal: the lead professional or a safeguarding lead of an organisation in the team (403 not-decider). Accepting changes the level under the level rule (403 level-not-allowed) and, for child protection, needs a conference recorded with a protection plan (409 conference-needed); declining needs a reason (400 reason-needed); 409 proposal-closed once answered',
        params: ProposalParams,
        body: LevelProposalDecisionBody,
        response: { 200: LevelProposalDecided, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await decideLevelProposal(ctx, actor(request), request.params.caseId, request.params.proposalId, request.body);
      if (!result.ok) return fail(reply, result);
      return { status: result.status, level: result.level, version: result.profileVersion };
    },
  );
}
