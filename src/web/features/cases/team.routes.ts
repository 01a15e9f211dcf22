// The team around the family (adding practitioners) and "who has looked at this record".
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { listLooksAtCase, LOOKS_PER_PAGE } from '../../../application/cases/list-looks-at-case.ts';
import { addToTeam } from '../../../application/cases/manage-team.ts';
import { viewCase } from '../../../application/cases/view-case.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { formErrors, validateForm } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { paginationLinks } from '../chronology/chronology-pages.ts';
import { presentCase } from './case.presenter.ts';
import { KIND_ITEMS, looksFilter, looksHref, PERIOD_ITEMS, presentLooks } from './looks.presenter.ts';
import { addMemberForm, ROLE_ITEMS } from './team.schema.ts';

type CaseParams = { Params: { caseId: string } };

export async function teamRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  /** The team's page; a refusal audited as the page's (team.view), or, under a post, as the addition it refused (team.add). */
  const teamPage = async (request: FastifyRequest<CaseParams>, reply: FastifyReply, locals: object = {}, status = 200, action: 'team.view' | 'team.add' = 'team.view') => {
    const result = await viewCase(ctx, actor(request), request.params.caseId, { action, need: 'manage' });
    if (!result.ok) return sendErrorPage(reply, result.code === 'not-found' ? 'not-found' : 'forbidden');
    const c = presentCase(result.value, ctx.clock.now());
    return reply.page('cases/team.njk', { title: `Team around ${c.name}`, c, roleItems: ROLE_ITEMS, values: { role: 'member' }, backLink: `/cases/${c.id}`, ...locals }, status);
  };

  app.get<CaseParams>('/cases/:caseId/team', { preHandler: requireUser }, async (request, reply) => teamPage(request, reply));

  app.post<CaseParams>('/cases/:caseId/team', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const added = () => {
      flashSuccess(request, 'Added to the team');
      return reply.redirect(`/cases/${request.params.caseId}/team`, 303);
    };
    // Before the check that they are in the team already: this post's twin may have added them.
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return added();
    const form = validateForm(addMemberForm, request.body);
    if (!form.ok) return teamPage(request, reply, form, 400, 'team.add');
    const result = await addToTeam(ctx, actor(request), { caseId: request.params.caseId, email: form.value.email, role: form.value.role }, submission.id);
    if (!result.ok) {
      if (result.code === 'not-found') return sendErrorPage(reply, 'not-found');
      if (result.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
      // In the team already because this post's twin, sent at the same moment, added them: answered as the twin was.
      if (result.code === 'already-in-team' && (await formSubmission(request, request.params.caseId)).recordedBefore) return added();
      return teamPage(request, reply, { ...formErrors({ email: result.message }), values: form.value }, 400, 'team.add');
    }
    return added();
  });

  app.get<CaseParams>('/cases/:caseId/looks', { preHandler: requireUser }, async (request, reply) => {
    const { caseId } = request.params;
    const filter = looksFilter(request.query);
    const result = await listLooksAtCase(ctx, actor(request), caseId, filter);
    if (!result.ok) return sendErrorPage(reply, result.code === 'not-found' ? 'not-found' : 'forbidden');
    const looks = result.value;
    const first = (looks.page - 1) * LOOKS_PER_PAGE + 1;
    return reply.page('cases/looks.njk', {
      title: 'Who has looked at this record',
      caseId,
      filter: { ...filter, page: looks.page },
      periodItems: PERIOD_ITEMS,
      kindItems: KIND_ITEMS,
      looks: presentLooks(looks),
      shown: { first, last: first + looks.entries.length - 1, total: looks.total },
      pagination: paginationLinks(looks.page, looks.pages, (page) => looksHref(caseId, filter, page)),
      backLink: `/cases/${caseId}`,
    });
  });
}
