// The home page: the signed-in user's open alerts, a safeguarding lead's decisions awaiting their
// answer (until answered: ADR 0027, amendment), then their cases (a safeguarding lead's or a
// manager's: their organisation's), what needs action first, each with its most severe finding, its
// review and its most pressing clock; ?order=review or ?order=clocks puts the most pressing review or
// clock first, ?clocks=overdue shows only the cases with a clock overdue, ?page=2 the next 50 (a form
// and links, no JavaScript). One use case reads it all and audits it once (viewHome).
import type { FastifyInstance } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { CASES_PER_PAGE } from '../../../application/cases/list-my-cases.ts';
import { viewHome } from '../../../application/cases/view-home.ts';
import { caseLevelLabel } from '../../../domain/shared/case-levels.ts';
import { requireUser } from '../../plugins/sessions.ts';
import { presentHomeAlerts } from '../alerts/alerts.presenter.ts';
import { paginationLinks } from '../chronology/chronology-pages.ts';
import { clockCell, clockSummary, closedForTransferCells, decisionsAwaitingCells, findingsCell, findingsSummary, listHref, listOptions, reviewCell, reviewSummary } from './home.presenter.ts';

const ROLE_WORDS = { 'lead-professional': 'Lead professional', member: 'Team member' } as const;

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { preHandler: requireUser }, async (request, reply) => {
    const user = request.user!;
    const options = listOptions(request.query);
    const { alerts, cases: listed, decisionsAwaiting } = await viewHome(app.ctx, actorFor(user, 'web', request.ip), options);
    const { cases, today, counts, scope } = listed;
    return reply.page('home/home.njk', {
      title: scope === 'organisation' ? 'Your organisation’s cases' : 'My cases',
      scope,
      cases: cases.map((c) => ({
        ...c,
        levelLabel: caseLevelLabel(c.level),
        findingsCell: findingsCell(c.findings),
        reviewCell: reviewCell(c.review),
        clockCell: clockCell(c.urgentClock, today),
        ...closedForTransferCells(c.closedForTransfer),
        roleText: scope === 'organisation' ? c.colleagues.map((m) => `${m.name} (${ROLE_WORDS[m.role].toLowerCase()})`).join(', ') : ROLE_WORDS[c.teamRole ?? 'member'],
      })),
      listed: listed.total > 0 || options.overdueClocksOnly,
      options,
      shown: { first: (listed.page - 1) * CASES_PER_PAGE + 1, last: (listed.page - 1) * CASES_PER_PAGE + cases.length, total: listed.total },
      pagination: paginationLinks(listed.page, listed.pages, (page) => listHref(options, page)),
      findingsSummary: findingsSummary(counts),
      reviewSummary: reviewSummary(counts),
      clockSummary: clockSummary(counts.overdueClocks),
      openAlerts: presentHomeAlerts(alerts),
      decisionsAwaiting: decisionsAwaitingCells(decisionsAwaiting),
    });
  });
}
