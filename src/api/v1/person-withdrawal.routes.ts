// POST /api/v1/cases/{caseId}/people/{personId}/withdrawal and .../withdrawal/confirm: a person added
// to the wrong family withdrawn by two people (issue 21). The lead professional proposes, with the
// reason (201); a safeguarding lead or manager who oversees the case, not the proposer, confirms
// (200): the person, their profile factors, links and the entries only about them are removed, the
// profile re-evaluated, the alerts those entries raised withdrawn. Refusals: 403
// not-lead-professional, same-person or not-entitled; 404 not-on-case; 409 already-proposed or
// no-proposal; 422 invalid-withdrawal (the reason); each audited, nothing changed. Same use cases as
// the person's withdrawal page.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { confirmPersonWithdrawal, proposePersonWithdrawal } from '../../application/people/withdraw-person.ts';
import { WITHDRAWAL_REASON_LIMIT } from '../../domain/withdrawal/withdrawal-rules.ts';
import { requireBearer } from './bearer-auth.ts';
import { PersonParams } from './case.schemas.ts';
import { errorResponses } from './schemas.ts';
import { sendWithdrawalRefusal } from './withdrawal.refusal.ts';

const ProposalBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: WITHDRAWAL_REASON_LIMIT, description: 'Why the person was added to the wrong family, such as "the neighbour\'s partner, added to this family by mistake"' }) },
  { additionalProperties: false },
);

const Proposal = Type.Object({
  caseId: Type.String(),
  personId: Type.String(),
  reason: Type.String(),
  proposedAt: Type.String({ format: 'date-time' }),
  proposedBy: Type.String({ description: 'The id of the lead professional who proposed it' }),
  proposedByName: Type.String(),
});

const Confirmed = Type.Object({
  caseId: Type.String(),
  personId: Type.String(),
  withdrawn: Type.Literal(true),
  entriesRemoved: Type.Integer({ minimum: 0, description: 'The chronology entries only about the person, removed with them' }),
  alertsWithdrawn: Type.Integer({ minimum: 0, description: 'The alerts those entries raised, withdrawn with them' }),
  emailsSent: Type.Integer({ minimum: 0, description: 'The emails that tell the people those alerts reached (one each, in the outbox)' }),
  profileVersion: Type.Integer({ minimum: 1, description: 'The profile version the withdrawal wrote, re-evaluated without the person' }),
});

const common = { tags: ['cases'], security: [{ bearer: [] }] };

export async function personWithdrawalApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.post<{ Params: Static<typeof PersonParams>; Body: Static<typeof ProposalBody> }>(
    '/cases/:caseId/people/:personId/withdrawal',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'Propose withdrawing a person added to the wrong family (the lead professional only): 201; a safeguarding lead or manager must confirm it. 403 not-lead-professional, 404 not-on-case, 409 already-proposed, 422 invalid-withdrawal',
        params: PersonParams,
        body: ProposalBody,
        response: { 201: Proposal, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { caseId, personId } = request.params;
      const result = await proposePersonWithdrawal(ctx, actor(request), caseId, personId, request.body.reason);
      if (!result.ok) return sendWithdrawalRefusal(reply, result);
      return reply.code(201).send({ caseId, personId, ...result.value, proposedAt: result.value.proposedAt.toISOString() });
    },
  );

  app.post<{ Params: Static<typeof PersonParams> }>(
    '/cases/:caseId/people/:personId/withdrawal/confirm',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary:
          'Confirm withdrawing a person added to the wrong family (a safeguarding lead or manager who oversees the case, not the proposer): 200; the person, their profile factors, links and the entries only about them are removed from every view and export, the profile is re-evaluated, the alerts those entries raised are withdrawn with an email to each person they reached, and a tombstone stays in the audit chain. 403 same-person or not-entitled, 404 not-on-case, 409 no-proposal',
        params: PersonParams,
        response: { 200: Confirmed, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { caseId, personId } = request.params;
      const result = await confirmPersonWithdrawal(ctx, actor(request), caseId, personId);
      if (!result.ok) return sendWithdrawalRefusal(reply, result);
      return { caseId, personId, withdrawn: true as const, ...result.value };
    },
  );
}
