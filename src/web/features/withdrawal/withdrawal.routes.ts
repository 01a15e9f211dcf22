// Withdrawing a record made in error (issue 21), in two steps by two people, on one page
// (/cases/:caseId/withdrawal): the lead professional proposes it with the reason; a safeguarding lead
// or manager who oversees the case, not the proposer, confirms it, after which the record is gone
// and they land on their home page. A refusal comes back on the page with the error summary saying
// why and what to do (and what was typed); each is audited by the use case. No JavaScript needed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { confirmWithdrawal, proposeWithdrawal, viewWithdrawal, type WithdrawalResult } from '../../../application/cases/withdraw-case.ts';
import { isSlip, WITHDRAWAL_REASON_LIMIT } from '../../../domain/withdrawal/withdrawal-rules.ts';
import { tooLongMessage } from '../../forms/too-long.ts';
import { formErrors } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { formatDateTime } from '../../views/london-time.ts';

type CaseParams = { Params: { caseId: string } };

export async function withdrawalRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);
  const pageUrl = (caseId: string) => `/cases/${caseId}/withdrawal`;

  async function page(request: FastifyRequest<CaseParams>, reply: FastifyReply, locals: object = {}, status = 200) {
    const { caseId } = request.params;
    const result = await viewWithdrawal(ctx, actor(request), caseId);
    if (!result.ok) return sendErrorPage(reply, result.code);
    const { proposal, mayPropose, mayConfirm } = result.value;
    return reply.page(
      'withdrawal/withdrawal.njk',
      {
        title: 'Withdraw a record made in error',
        caseId,
        proposal: proposal ? { reason: proposal.reason, proposedAt: formatDateTime(proposal.proposedAt.toISOString()), proposedByName: proposal.proposedByName } : null,
        mayPropose,
        mayConfirm,
        limit: WITHDRAWAL_REASON_LIMIT,
        values: { reason: '' },
        fieldErrors: {},
        backLink: `/cases/${caseId}`,
        ...locals,
      },
      status,
    );
  }

  /** The page again with the refusal: a slip in the reason at its field, anything else in the summary. */
  function refusal<T>(request: FastifyRequest<CaseParams>, reply: FastifyReply, result: Exclude<WithdrawalResult<T>, { ok: true }>, reason: string) {
    if (result.code !== 'refused') return sendErrorPage(reply, result.code);
    if (isSlip(result.refusal)) return page(request, reply, { values: { reason }, ...formErrors({ reason: tooLongMessage({ label: 'Why the record was made in error', limit: WITHDRAWAL_REASON_LIMIT }, reason) ?? result.message }) }, 400);
    const status = result.refusal === 'already-proposed' || result.refusal === 'no-proposal' ? 409 : 403;
    return page(request, reply, { values: { reason }, errorList: [{ text: result.message, href: '#withdrawal' }] }, status);
  }

  app.get<CaseParams>('/cases/:caseId/withdrawal', { preHandler: requireUser }, async (request, reply) => page(request, reply));

  app.post<CaseParams>('/cases/:caseId/withdrawal', { preHandler: requireUser }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    // As typed, however long: it comes back whole after a refusal (the domain refuses what is too long).
    const reason = typeof body['reason'] === 'string' ? body['reason'] : '';
    const result = await proposeWithdrawal(ctx, actor(request), request.params.caseId, reason);
    if (!result.ok) return refusal(request, reply, result, reason);
    flashSuccess(request, 'Withdrawal proposed: a safeguarding lead or manager who oversees this case must now confirm it');
    return reply.redirect(pageUrl(request.params.caseId), 303);
  });

  app.post<CaseParams>('/cases/:caseId/withdrawal/confirm', { preHandler: requireUser }, async (request, reply) => {
    const result = await confirmWithdrawal(ctx, actor(request), request.params.caseId);
    if (!result.ok) return refusal(request, reply, result, '');
    const { alertsWithdrawn, emailsSent } = result.value;
    const alerts = alertsWithdrawn === 0 ? 'It had raised no alerts.' : `Its ${alertsWithdrawn === 1 ? 'alert is' : `${String(alertsWithdrawn)} alerts are`} withdrawn, and ${emailsSent === 1 ? 'one person has' : `${String(emailsSent)} people have`} been told by email.`;
    flashSuccess(request, `The record made in error has been withdrawn and removed. ${alerts}`);
    return reply.redirect('/', 303);
  });
}
