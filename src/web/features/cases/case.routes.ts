// The case overview page for one infant or unborn baby.
import type { FastifyInstance } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { viewCaseOverview } from '../../../application/cases/view-case-overview.ts';
import { presentClocks } from '../meetings/clocks.presenter.ts';
import { presentFindings } from '../profile/profile.presenter.ts';
import { presentProposal } from '../profile/review.presenter.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/sessions.ts';
import { presentCase, presentPlanSummary, presentRecentEntries } from './case.presenter.ts';
import { withClosure } from './case-closure.presenter.ts';
import { presentRetention } from '../retention/retention.presenter.ts';

export async function caseRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  app.get<{ Params: { caseId: string } }>('/cases/:caseId', { preHandler: requireUser }, async (request, reply) => {
    const result = await viewCaseOverview(ctx, actorFor(request.user!, 'web', request.ip), request.params.caseId);
    if (!result.ok) return sendErrorPage(reply, result.code);
    const { profile, chronology, plan, clocks, today, levelProposal: proposal, retention } = result.value;
    const view = withClosure(presentCase(result.value.case, ctx.clock.now()), result.value.closedForTransfer);
    // The findings head the case page as well as the profile: the most important thing to see first.
    const findings = profile ? presentFindings(profile.evaluation) : [];
    const recentEntries = presentRecentEntries(chronology);
    // An open proposal to change the level, for the lead professional or a safeguarding lead to answer here.
    const levelProposal = proposal ? { p: presentProposal(proposal.open), mayDecide: proposal.mayDecide } : null;
    return reply.page('cases/case.njk', { title: view.name, c: view, findings, recentEntries, plan: presentPlanSummary(plan, today, chronology), clockRows: presentClocks(clocks), levelProposal, retention: presentRetention(retention, today) });
  });
}
