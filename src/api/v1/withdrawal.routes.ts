// POST /api/v1/cases/{caseId}/withdrawal and .../withdrawal/confirm: a record made in error withdrawn
// by two people (issue 21). The lead professional proposes, with the reason (201); a safeguarding
// lead or manager who oversees the case, not the proposer, confirms (200), after which the case
// answers 404 to everyone. Refusals: 403 not-lead-professional, same-person or not-entitled; 409
// already-proposed or no-proposal; 422 invalid-withdrawal (the reason); each audited, nothing changed.
// Same use cases as the withdrawal pages.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { confirmWithdrawal, proposeWithdrawal } from '../../application/cases/withdraw-case.ts';
import { WITHDRAWAL_REASON_LIMIT } from '../../domain/withdrawal/withdrawal-rules.ts';
import { requireBearer } from './bearer-auth.ts';
import { CaseIdParams } from './case.schemas.ts';
import { errorResponses } from './schemas.ts';
import { sendWithdrawalRefusal } from './withdrawal.refusal.ts';

const ProposalBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: WITHDRAWAL_REASON_LIMIT, description: 'Why the record was made in error, such as "created for the wrong baby: the twin\'s record is the right one"' }) },
  { additionalProperties: false },
);

const Proposal = Type.Object({
  caseId: Type.String(),
  reason: Type.String(),
  proposedAt: Type.String({ format: 'date-time' }),
  proposedBy: Type.String({ description: 'The id of the lead professional who proposed it' }),
  proposedByName: Type.String(),
});

const Confirmed = Type.Object({
  caseId: Type.String(),
  withdrawn: Type.Literal(true),
  alertsWithdrawn: Type.Integer({ minimum: 0, description: 'The alerts the record raised, withdrawn with it' }),
  emailsSent: Type.Integer({ minimum: 0, description: 'The emails that tell the people those alerts reached (one each, in the outbox)' }),
});

const common = { tags: ['cases'], security: [{ bearer: [] }] };

export async function withdrawalApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.post<{ Params: Static<typeof CaseIdParams>; Body: Static<typeof ProposalBody> }>(
    '/cases/:caseId/withdrawal',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'Propose withdrawing a record made in error (the lead professional only): 201; a safeguarding lead or manager must confirm it. 403 not-lead-professional, 409 already-proposed, 422 invalid-withdrawal',
        params: CaseIdParams,
        body: ProposalBody,
        response: { 201: Proposal, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const result = await proposeWithdrawal(ctx, actor(request), request.params.caseId, request.body.reason);
      if (!result.ok) return sendWithdrawalRefusal(reply, result);
      return reply.code(201).send({ caseId: request.params.caseId, ...result.value, proposedAt: result.value.proposedAt.toISOString() });
    },
  );

  app.post<{ Params: Static<typeof CaseIdParams> }>(
    '/cases/:caseId/withdrawal/confirm',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary:
          'Confirm withdrawing a record made in error (a safeguarding lead or manager who oversees the case, not the proposer): 200, and from then the case answers 404 to everyone; its alerts are withdrawn with an email to each person they reached, and a tombstone stays in the audit chain. 403 same-person or not-entitled, 409 no-proposal',
        params: CaseIdParams,
        response: { 200: Confirmed, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await confirmWithdrawal(ctx, actor(request), request.params.caseId);
      if (!result.ok) return sendWithdrawalRefusal(reply, result);
      return { caseId: request.params.caseId, withdrawn: true as const, ...result.value };
    },
  );
}
