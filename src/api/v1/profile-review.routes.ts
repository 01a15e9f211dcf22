// The profile's history and its review, for agency systems: GET versions (and a comparison of
// two), GET and POST escalation decisions, GET the safeguarding leads who may confirm one and POST a
// lead's confirmation (ADR 0027), POST a review, PUT the level. Same use cases as the pages.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { changeLevel } from '../../application/profile/change-level.ts';
import { markProfileReviewed } from '../../application/profile/mark-profile-reviewed.ts';
import { recordDecision } from '../../application/profile/record-decision.ts';
import { CONFIRM_ANSWERS, confirmDecision } from '../../application/profile/confirm-decision.ts';
import { leadsForDecision } from '../../application/profile/decision-leads.ts';
import { viewProfileHistory } from '../../application/profile/view-profile-history.ts';
import { viewProfile } from '../../application/profile/view-profile.ts';
import type { RecordedDecision } from '../../application/profile/profile-decisions.ts';
import { ESCALATION_DECISION_IDS } from '../../domain/profile/escalation.ts';
import { compareVersions } from '../../domain/profile/profile-history.ts';
import { CASE_LEVEL_IDS } from '../../domain/shared/case-levels.ts';
import { sendApiError, type ApiErrorDetail } from '../api-error.ts';
import type { SignOffProblem } from '../../domain/profile/review-sign-off.ts';
import { requireBearer } from './bearer-auth.ts';
import { findingForApi } from './finding-citations.ts';
import { LevelChanged, ProfileComparison, ProfileDecisions, ProfileReviewed, ProfileVersions } from './profile.schemas.ts';
import { errorResponses, oneOf, requiredText } from './schemas.ts';

/** A decision as the API publishes it: without the decider's account id and the derived in-force flag, which its standing says. */
function publishedDecision(decision: RecordedDecision): Omit<RecordedDecision, 'decidedById' | 'inForce'> {
  const published: Partial<RecordedDecision> = { ...decision };
  delete published.decidedById;
  delete published.inForce;
  return published as Omit<RecordedDecision, 'decidedById' | 'inForce'>;
}

const Params = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 100 }) });
const CompareQuery = Type.Object({ from: Type.Integer({ minimum: 0 }), to: Type.Integer({ minimum: 0 }) });
const DecisionBody = Type.Object(
  {
    decision: oneOf(ESCALATION_DECISION_IDS),
    reasoning: requiredText(4000),
    leadConsulted: Type.Boolean(),
    leadName: Type.Optional(Type.String({ maxLength: 200, description: 'The safeguarding lead consulted, as a record of the conversation: it never confirms the decision' })),
    confirmingLeadId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'The account of the safeguarding lead asked to confirm a decision below the level a critical finding in view suggests (one of GET decision-leads, never yourself): needed for any decision below strategy-discussion while a critical finding shows; ignored otherwise' }),
    ),
    profileVersion: Type.Integer({ minimum: 0, description: 'The profile version the decision was made on (409 if it has changed)' }),
  },
  { additionalProperties: false },
);
const DecisionParams = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 100 }), decisionId: Type.String({ minLength: 1, maxLength: 100 }) });
const ConfirmationBody = Type.Object(
  { answer: oneOf(CONFIRM_ANSWERS, { description: 'confirmed: the decision comes into force; overturned: it never does, and its findings need a new decision' }), reasoning: requiredText(4000) },
  { additionalProperties: false },
);
const DecisionRecorded = Type.Object({
  id: Type.String({ description: 'The new decision’s id' }),
  version: Type.Integer({ minimum: 1, description: 'The new profile version' }),
  awaitingConfirmation: Type.Boolean({ description: 'True when it is below the level a critical finding in view suggests: not in force until the safeguarding lead named confirms it (they are sent an alert)' }),
});
const Lead = Type.Object({ id: Type.String(), name: Type.String(), organisation: Type.String(), partnership: Type.Boolean({ description: 'One of the partnership’s designated safeguarding leads' }) });
const DecisionLeads = Type.Object({
  offered: Type.Array(Lead, { description: 'The safeguarding leads who can see the case, other than you: one may be named as confirmingLeadId' }),
  partnership: Type.Array(Lead, { description: 'The partnership’s designated safeguarding leads: one who cannot see the case must be added to its team first' }),
});
const DecisionAnswered = Type.Object({ version: Type.Integer({ minimum: 1, description: 'The new profile version' }) });
const ReviewBody = Type.Object({ profileVersion: Type.Integer({ minimum: 0 }), note: Type.Optional(Type.String({ maxLength: 4000 })) }, { additionalProperties: false });
const LevelBody = Type.Object(
  {
    level: oneOf(CASE_LEVEL_IDS),
    why: requiredText(4000),
  },
  { additionalProperties: false },
);

const common = { tags: ['profile'], security: [{ bearer: [] }] };

type Failure = { code: string; message: string };
const STATUS: Record<string, number> = { 'no-such-decision': 404, 'not-awaiting': 409, 'not-a-lead': 403, 'own-decision': 403, 'lead-needed': 400, 'no-lead-can-see': 409, 'not-a-lead-offered': 400, 'own-confirmation': 400, 'not-found': 404, forbidden: 403, 'level-not-allowed': 403, 'conference-needed': 409, 'profile-changed': 409, 'decision-needed': 409, 'level-below-findings': 409, 'reasoning-needed': 400, 'lead-name-needed': 400, 'reason-needed': 400, unchanged: 409 };
const fail = (reply: FastifyReply, failure: Failure) => sendApiError(reply, STATUS[failure.code] ?? 400, failure.code, failure.message);

/** Each rule that stopped a review, as error details: the findings needing a decision; the level suggested and the findings suggesting it. */
function signOffDetails(problems: readonly SignOffProblem[]): ApiErrorDetail[] {
  return problems.flatMap((p) =>
    p.code === 'decision-needed'
      ? p.findings.map((f) => ({ path: '/findings', message: f.id }))
      : [{ path: '/level/suggested', message: p.suggested }, ...p.findings.map((f) => ({ path: '/level/findings', message: f.id }))],
  );
}

export async function profileReviewApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.get<{ Params: Static<typeof Params> }>(
    '/cases/:caseId/profile/versions',
    { preHandler: requireBearer, schema: { ...common, summary: 'Every version of the profile, newest first: who, when, what changed, why, and the findings after it', params: Params, response: { 200: ProfileVersions, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      const result = await viewProfileHistory(ctx, actor(request), request.params.caseId);
      if (!result.ok) return fail(reply, result);
      return { version: result.value.currentVersion, versions: result.value.versions };
    },
  );

  app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof CompareQuery> }>(
    '/cases/:caseId/profile/compare',
    { preHandler: requireBearer, schema: { ...common, summary: 'The difference between two versions: factors, findings raised and cleared, other changes', params: Params, querystring: CompareQuery, response: { 200: ProfileComparison, ...errorResponses(400, 401, 403, 404) } } },
    async (request, reply) => {
      const result = await viewProfileHistory(ctx, actor(request), request.params.caseId);
      if (!result.ok) return fail(reply, result);
      const comparison = compareVersions(result.value.versions, request.query.from, request.query.to);
      if (comparison === 'same-version') return sendApiError(reply, 400, 'same-version', 'Give two different versions to compare.');
      if (comparison === 'unknown-version') return sendApiError(reply, 400, 'unknown-version', `Versions run from 0 to ${String(result.value.currentVersion)}.`);
      return comparison;
    },
  );

  app.get<{ Params: Static<typeof Params> }>(
    '/cases/:caseId/profile/decisions',
    { preHandler: requireBearer, schema: { ...common, summary: 'Escalation decisions, newest first, the review dates, and the critical and high findings still needing a decision before a review', params: Params, response: { 200: ProfileDecisions, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      const result = await viewProfile(ctx, actor(request), request.params.caseId);
      if (!result.ok) return fail(reply, result);
      const { decisions, needingDecision, review, level, profileVersion } = result.value;
      return {
        version: profileVersion,
        level,
        lastReviewedAt: review.lastReviewedAt,
        reviewDue: review.next.dueOn,
        decisions: decisions.map(publishedDecision),
        needingDecision: needingDecision.map(findingForApi),
      };
    },
  );

  app.post<{ Params: Static<typeof Params>; Body: Static<typeof DecisionBody> }>(
    '/cases/:caseId/profile/decisions',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary:
          'Record an escalation decision on the profile version you read. Below strategy-discussion while a critical finding shows, name confirmingLeadId: the decision is recorded awaiting that safeguarding lead’s confirmation and counts as no decision until then. 400 with every problem at once in details (/reasoning, /leadName, /confirmingLeadId): reasoning-needed, lead-name-needed, lead-needed, not-a-lead-offered, own-confirmation; 409 no-lead-can-see when no lead other than you can see the case; 409 profile-changed',
        params: Params,
        body: DecisionBody,
        response: { 201: DecisionRecorded, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { leadName, confirmingLeadId, ...body } = request.body;
      const result = await recordDecision(ctx, actor(request), request.params.caseId, { ...body, ...(leadName ? { leadName } : {}), ...(confirmingLeadId ? { confirmingLeadId } : {}) });
      if (!result.ok) {
        if ('errors' in result) {
          const details = Object.entries(result.errors).map(([field, message]) => ({ path: `/${field === 'confirmingLead' ? 'confirmingLeadId' : field}`, message }));
          return sendApiError(reply, STATUS[result.code] ?? 400, result.code, result.message, details);
        }
        return fail(reply, result);
      }
      return reply.code(201).send({ id: result.id, version: result.profileVersion, awaitingConfirmation: result.awaitingConfirmation });
    },
  );

  app.get<{ Params: Static<typeof Params> }>(
    '/cases/:caseId/profile/decision-leads',
    { preHandler: requireBearer, schema: { ...common, summary: 'The safeguarding leads who may be named to confirm a decision below the level a critical finding suggests, and the partnership’s designated leads', params: Params, response: { 200: DecisionLeads, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      const result = await viewProfile(ctx, actor(request), request.params.caseId);
      if (!result.ok) return fail(reply, result);
      const leads = await leadsForDecision(ctx, request.params.caseId);
      const api = (l: { userId: string; name: string; organisationName: string; partnership: boolean }) => ({ id: l.userId, name: l.name, organisation: l.organisationName, partnership: l.partnership });
      return { offered: leads.offered.filter((l) => l.userId !== request.user!.id).map(api), partnership: leads.partnership.map(api) };
    },
  );

  app.post<{ Params: Static<typeof DecisionParams>; Body: Static<typeof ConfirmationBody> }>(
    '/cases/:caseId/profile/decisions/:decisionId/confirmation',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'A safeguarding lead confirms or overturns a decision awaiting confirmation, with reasoning. 403 not-a-lead, 403 own-decision (the decider may not confirm their own), 409 not-awaiting, 404 no-such-decision; each refusal is audited',
        params: DecisionParams,
        body: ConfirmationBody,
        response: { 200: DecisionAnswered, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await confirmDecision(ctx, actor(request), request.params.caseId, request.params.decisionId, request.body);
      if (!result.ok) return fail(reply, result);
      return { version: result.profileVersion };
    },
  );

  app.post<{ Params: Static<typeof Params>; Body: Static<typeof ReviewBody> }>(
    '/cases/:caseId/profile/review',
    { preHandler: requireBearer, schema: { ...common, summary: 'Mark the profile reviewed. 409 decision-needed while a critical or high finding has no decision in force since the last review (one awaiting a safeguarding lead’s confirmation does not count) (details: /findings, each a finding id); 409 level-below-findings while the level is below the level the findings suggest and no decision since the last review and change of level says why it stays (details: /level/suggested, the level; /level/findings, each finding id). The first rule that stops it gives the code; details cover both', params: Params, body: ReviewBody, response: { 200: ProfileReviewed, ...errorResponses(400, 401, 403, 404, 409) } } },
    async (request, reply) => {
      const result = await markProfileReviewed(ctx, actor(request), request.params.caseId, request.body);
      if (!result.ok) {
        if (result.code === 'decision-needed' || result.code === 'level-below-findings') return sendApiError(reply, 409, result.code, result.message, signOffDetails(result.problems));
        return fail(reply, result);
      }
      return { version: result.profileVersion };
    },
  );

  app.put<{ Params: Static<typeof Params>; Body: Static<typeof LevelBody> }>(
    '/cases/:caseId/level',
    { preHandler: requireBearer, schema: { ...common, summary: 'Change the level of support, which sets how often the profile is reviewed (403 level-not-allowed: only children’s social care moves into or out of child in need, child protection or looked after; only the lead professional or oversight between universal and early help)', params: Params, body: LevelBody, response: { 200: LevelChanged, ...errorResponses(400, 401, 403, 404, 409) } } },
    async (request, reply) => {
      const result = await changeLevel(ctx, actor(request), request.params.caseId, request.body);
      if (!result.ok) return fail(reply, result);
      return { level: request.body.level, version: result.profileVersion };
    },
  );
}
