// Withdrawing a person added to the wrong family (issue 21), in two steps by two people, on one page
// (/cases/:caseId/people/:personId/withdrawal), reached from the person's details: the lead
// professional proposes it with the reason; a safeguarding lead or manager who oversees the case, not
// the proposer, confirms it, after which they land on the case page with what was removed. A refusal
// comes back on the page with the error summary saying why and what to do (and what was typed); each
// is audited by the use case. No JavaScript needed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { confirmPersonWithdrawal, proposePersonWithdrawal, viewPersonWithdrawal, type PersonWithdrawalResult } from '../../../application/people/withdraw-person.ts';
import { WITHDRAWAL_REASON_LIMIT } from '../../../domain/withdrawal/withdrawal-rules.ts';
import { tooLongMessage } from '../../forms/too-long.ts';
import { formErrors } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { formatDateTime } from '../../views/london-time.ts';

type PersonParams = { Params: { caseId: string; personId: string } };

const countOf = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${String(n)} ${many}`);

export async function personWithdrawalRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);
  const pageUrl = ({ caseId, personId }: PersonParams['Params']) => `/cases/${caseId}/people/${personId}/withdrawal`;

  async function page(request: FastifyRequest<PersonParams>, reply: FastifyReply, locals: object = {}, status = 200) {
    const { caseId, personId } = request.params;
    const result = await viewPersonWithdrawal(ctx, actor(request), caseId, personId);
    if (!result.ok) return sendErrorPage(reply, result.code);
    const { personName, proposal, mayPropose, mayConfirm } = result.value;
    // A refusal of who is asking shows nothing of the record: not even whom the page is about.
    const named = status < 403;
    return reply.page(
      'withdrawal/person-withdrawal.njk',
      {
        title: named ? `Withdraw ${personName}: added to the wrong family` : 'Withdraw a person added to the wrong family',
        personName: named ? personName : null,
        action: pageUrl(request.params),
        proposal: proposal ? { reason: proposal.reason, proposedAt: formatDateTime(proposal.proposedAt.toISOString()), proposedByName: proposal.proposedByName } : null,
        mayPropose,
        mayConfirm,
        values: { reason: '' },
        fieldErrors: {},
        backLink: `/cases/${caseId}/people/${personId}`,
        ...locals,
      },
      status,
    );
  }

  /** The page again with the refusal: a slip in the reason at its field, anything else in the summary. */
  function refusal<T>(request: FastifyRequest<PersonParams>, reply: FastifyReply, result: Exclude<PersonWithdrawalResult<T>, { ok: true }>, reason: string) {
    if (result.code !== 'refused') return sendErrorPage(reply, result.code);
    if (result.refusal === 'not-on-case') return sendErrorPage(reply, 'not-found');
    if (result.refusal === 'reason-missing' || result.refusal === 'reason-too-long') return page(request, reply, { values: { reason }, ...formErrors({ reason: tooLongMessage({ label: 'Why the person was added to the wrong family', limit: WITHDRAWAL_REASON_LIMIT }, reason) ?? result.message }) }, 400);
    const status = result.refusal === 'already-proposed' || result.refusal === 'no-proposal' ? 409 : 403;
    return page(request, reply, { values: { reason }, errorList: [{ text: result.message, href: '#withdrawal' }] }, status);
  }

  app.get<PersonParams>('/cases/:caseId/people/:personId/withdrawal', { preHandler: requireUser }, async (request, reply) => page(request, reply));

  app.post<PersonParams>('/cases/:caseId/people/:personId/withdrawal', { preHandler: requireUser }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    // As typed, however long: it comes back whole after a refusal (the domain refuses what is too long).
    const reason = typeof body['reason'] === 'string' ? body['reason'] : '';
    const { caseId, personId } = request.params;
    const result = await proposePersonWithdrawal(ctx, actor(request), caseId, personId, reason);
    if (!result.ok) return refusal(request, reply, result, reason);
    flashSuccess(request, 'Withdrawal proposed: a safeguarding lead or manager who oversees this case must now confirm it');
    return reply.redirect(pageUrl(request.params), 303);
  });

  app.post<PersonParams>('/cases/:caseId/people/:personId/withdrawal/confirm', { preHandler: requireUser }, async (request, reply) => {
    const { caseId, personId } = request.params;
    const result = await confirmPersonWithdrawal(ctx, actor(request), caseId, personId);
    if (!result.ok) return refusal(request, reply, result, '');
    const { entriesRemoved, alertsWithdrawn, emailsSent } = result.value;
    const entries = entriesRemoved === 0 ? 'No chronology entry was only about them.' : `${countOf(entriesRemoved, 'chronology entry', 'chronology entries')} only about them ${entriesRemoved === 1 ? 'was' : 'were'} removed.`;
    const alerts = alertsWithdrawn === 0 ? '' : ` ${countOf(alertsWithdrawn, 'alert', 'alerts')} withdrawn, and ${emailsSent === 1 ? 'one person has' : `${String(emailsSent)} people have`} been told by email.`;
    flashSuccess(request, `The person added to the wrong family has been withdrawn and removed, and the profile checked again. ${entries}${alerts}`);
    return reply.redirect(`/cases/${caseId}`, 303);
  });
}
