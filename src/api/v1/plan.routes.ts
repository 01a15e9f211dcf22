// GET and PUT /api/v1/cases/{caseId}/plan: the plan around the baby for agency systems (issue 13).
// GET needs the read scope and answers version 0 with the suggested check items when there is no
// plan yet (a case without a plan is not missing: 404 means no such case). PUT needs write, sends the
// version it read (409 stale) and returns the plan with every id. Same use cases as the plan page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { updatePlan } from '../../application/plan/update-plan.ts';
import { viewPlan } from '../../application/plan/view-plan.ts';
import { PLAN_PROBLEM_MESSAGES, isOverdue } from '../../domain/plan/plan-rules.ts';
import type { PlanDraft, PlanVersion } from '../../domain/plan/plan.types.ts';
import type { VisitState } from '../../domain/plan/visiting-pattern.ts';
import type { SuggestedCheckItem } from '../../domain/plan/suggested-checks.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { sendApiError, sendCaseChangeRefusal } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { CaseIdParams } from './case.schemas.ts';
import { PlanResponse, PlanUpdate, type PlanUpdateBody } from './plan.schemas.ts';
import { errorResponses } from './schemas.ts';

const common = { tags: ['plan'], security: [{ bearer: [] }] };

/** The plan as published; with the visits' states (GET), each commitment carries its own. */
function planBody(plan: PlanVersion, today: string, states?: readonly VisitState[]) {
  const byId = new Map(states?.map((state) => [state.commitmentId, state]) ?? []);
  return {
    version: plan.version,
    level: plan.level,
    outcomes: plan.outcomes,
    checkItems: plan.checkItems,
    actions: plan.actions.map((action) => ({ ...action, overdue: isOverdue(action, today) })),
    visits: plan.visits.map((visit) => {
      const state = byId.get(visit.id);
      return state === undefined
        ? visit
        : {
            ...visit,
            state: {
              lastVisitOn: state.lastVisit?.on ?? null,
              lastVisitBy: state.lastVisit === null ? null : `${state.lastVisit.by}, ${state.lastVisit.agency}`,
              nextDueOn: state.nextDueOn,
              status: state.status,
              overdueDays: state.overdueDays,
              missed: state.missed,
            },
          };
    }),
    recordedAt: plan.recordedAt,
    recordedBy: plan.recordedBy,
  };
}

function noPlanYet(level: string, suggestions: readonly SuggestedCheckItem[], today: string) {
  return {
    version: 0,
    level,
    outcomes: [],
    checkItems: suggestions.map(({ text, question, factorId, personId, checkedBy, frequency }) => ({
      text,
      question,
      ...(factorId ? { factorId } : {}),
      ...(personId ? { personId } : {}),
      checkedBy,
      frequency,
      since: today,
      suggested: true,
    })),
    actions: [],
    visits: [],
    recordedAt: null,
    recordedBy: null,
  };
}

/** The body as the domain takes it: what the server works out itself is left out. */
function draftFrom(body: PlanUpdateBody): PlanDraft {
  return {
    level: body.level,
    outcomes: body.outcomes,
    checkItems: body.checkItems.map((item) => ({
      ...(item.id !== undefined ? { id: item.id } : {}),
      text: item.text,
      ...(item.question !== undefined ? { question: item.question } : {}),
      ...(item.factorId !== undefined ? { factorId: item.factorId } : {}),
      ...(item.personId !== undefined ? { personId: item.personId } : {}),
      ...(item.checkedBy !== undefined ? { checkedBy: item.checkedBy } : {}),
      frequency: item.frequency,
      ...(item.since !== undefined ? { since: item.since } : {}),
    })),
    actions: body.actions.map((action) => ({
      ...(action.id !== undefined ? { id: action.id } : {}),
      text: action.text,
      ...(action.owner !== undefined ? { owner: action.owner } : {}),
      ...(action.dueOn !== undefined ? { dueOn: action.dueOn } : {}),
      status: action.status,
      ...(action.droppedReason !== undefined ? { droppedReason: action.droppedReason } : {}),
    })),
    ...(body.visits === undefined
      ? {}
      : {
          visits: body.visits.map((visit) => ({
            ...(visit.id !== undefined ? { id: visit.id } : {}),
            agencyKind: visit.agencyKind,
            ...(visit.who !== undefined ? { who: visit.who } : {}),
            everyDays: visit.everyDays,
            babySeen: visit.babySeen,
            ...(visit.since !== undefined ? { since: visit.since } : {}),
          })),
        }),
  };
}

export async function planApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.get<{ Params: { caseId: string } }>(
    '/cases/:caseId/plan',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'The plan around the baby: level, outcomes, check items, actions and the visiting pattern (each commitment with its state: kept, due, overdue or not started, from the chronology). A case with no plan yet answers version 0 with the check items the profile suggests (suggested: true)',
        params: CaseIdParams,
        response: { 200: PlanResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const result = await viewPlan(ctx, actor(request), request.params.caseId);
      if (!result.ok) return sendApiError(reply, result.code === 'not-found' ? 404 : 403, result.code, result.message);
      const { plan, caseLevel, suggestions, today, visits } = result.value;
      return plan ? planBody(plan, today, visits) : noPlanYet(caseLevel, suggestions, today);
    },
  );

  app.put<{ Params: { caseId: string }; Body: PlanUpdateBody }>(
    '/cases/:caseId/plan',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary:
          'Replace the plan with the one sent, on the version you read (409 stale when it has changed; the reply names the current version). Items, actions and visiting commitments without an id are new and get one; visits left out keep the plan’s commitments; the reply is the plan with every id. 422 invalid-plan names each problem by its path',
        params: CaseIdParams,
        body: PlanUpdate,
        response: { 200: PlanResponse, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply: FastifyReply) => {
      const result = await updatePlan(ctx, actor(request), request.params.caseId, { version: request.body.version, plan: draftFrom(request.body) });
      if (result.ok) return planBody(result.value, serviceToday(ctx.clock.now()));
      switch (result.code) {
        case 'not-found':
        case 'forbidden':
          return sendCaseChangeRefusal(reply, result);
        case 'stale':
          return sendApiError(reply, 409, 'stale', result.message, [{ path: '/version', message: `The plan is at version ${String(result.current?.version ?? 0)}.` }]);
        case 'invalid':
          return sendApiError(reply, 422, 'invalid-plan', result.message, result.problems.map((p) => ({ path: p.path, message: PLAN_PROBLEM_MESSAGES[p.code] })));
      }
    },
  );
}
