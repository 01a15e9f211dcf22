// The profile's history: every version (who, when, what changed, why) and the comparison of any two.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { viewProfileHistory } from '../../../application/profile/view-profile-history.ts';
import { compareVersions } from '../../../domain/profile/profile-history.ts';
import { formErrors } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/sessions.ts';
import { presentComparison, presentHistory } from './history.presenter.ts';

type HistoryRequest = FastifyRequest<{ Params: { caseId: string }; Querystring: { from?: string; to?: string } }>;

const COMPARISON_ERRORS = {
  'same-version': 'Choose two different versions to compare',
  'unknown-version': 'Choose versions from the list: that version does not exist',
} as const;

function versionNumber(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

export async function profileHistoryRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  async function load(request: HistoryRequest, reply: FastifyReply) {
    const result = await viewProfileHistory(ctx, actorFor(request.user!, 'web', request.ip), request.params.caseId);
    if (!result.ok) {
      await sendErrorPage(reply, result.code);
      return null;
    }
    return result.value;
  }

  app.get<{ Params: { caseId: string }; Querystring: { from?: string; to?: string } }>('/cases/:caseId/profile/history', { preHandler: requireUser }, async (request, reply) => {
    const history = await load(request, reply);
    if (!history) return reply;
    const current = history.currentVersion;
    return reply.page('profile/history.njk', {
      title: 'Profile history',
      caseId: request.params.caseId,
      caseName: history.caseName,
      current,
      h: presentHistory(history.versions, history.subjectNames, { from: Math.max(current - 1, 0), to: current }),
      backLink: `/cases/${request.params.caseId}/profile`,
    });
  });

  app.get<{ Params: { caseId: string }; Querystring: { from?: string; to?: string } }>('/cases/:caseId/profile/history/compare', { preHandler: requireUser }, async (request, reply) => {
    const history = await load(request, reply);
    if (!history) return reply;
    const from = versionNumber(request.query.from);
    const to = versionNumber(request.query.to);
    const comparison = from === null || to === null ? 'unknown-version' : compareVersions(history.versions, from, to);
    if (typeof comparison === 'string') {
      const known = (v: number | null) => v === 0 || history.versions.some((version) => version.version === v);
      const field = comparison === 'same-version' || known(from) ? 'to' : 'from';
      return reply.page(
        'profile/history.njk',
        {
          title: 'Profile history',
          caseId: request.params.caseId,
          caseName: history.caseName,
          current: history.currentVersion,
          h: presentHistory(history.versions, history.subjectNames, { from: from ?? 0, to: to ?? history.currentVersion }),
          ...formErrors({ [field]: COMPARISON_ERRORS[comparison] }),
          backLink: `/cases/${request.params.caseId}/profile`,
        },
        400,
      );
    }
    return reply.page('profile/compare.njk', {
      title: `Compare versions ${String(comparison.from)} and ${String(comparison.to)}`,
      caseId: request.params.caseId,
      caseName: history.caseName,
      c: presentComparison(comparison, history.subjectNames),
      backLink: `/cases/${request.params.caseId}/profile/history`,
    });
  });
}
