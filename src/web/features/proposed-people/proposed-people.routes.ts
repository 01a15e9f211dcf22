// The people another agency's system named around the baby (a FHIR RelatedPerson), waiting for a
// practitioner's decision (/cases/:caseId/proposed-people): for each, add them as a new person, say
// they are someone already recorded, or say they are not part of this family. One form a person, no
// JavaScript needed; a refusal comes back on the page at that person's question, with what was
// chosen kept. The use case decides access and audits (application/fhir/proposed-people.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { decideProposedPerson, decisionRecorded, viewProposedPeople, type DecideProposalResult } from '../../../application/fhir/proposed-people.ts';
import { DECISION_PROBLEM_MESSAGES } from '../../../domain/fhir/import/proposed-person-decision.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { formErrors } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { decisionFieldOf, proposalItems, readDecision, type TypedDecision } from './proposed-people.presenter.ts';

type CaseParams = { Params: { caseId: string } };
type ProposalParams = { Params: { caseId: string; proposalId: string } };

const TITLE = 'People another agency named around the baby';

export async function proposedPeopleRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);
  const pageUrl = (caseId: string) => `/cases/${caseId}/proposed-people`;

  /** The page; `typed` keeps what was chosen for one person, with the errors about it. */
  async function page(request: FastifyRequest<CaseParams>, reply: FastifyReply, typed?: { proposalId: string; values: TypedDecision; errors: Record<string, string> }, status = 200) {
    const { caseId } = request.params;
    const result = await viewProposedPeople(ctx, actor(request), caseId, typed !== undefined);
    if (!result.ok) return sendErrorPage(reply, result.code);
    return reply.page(
      'proposed-people/proposed-people.njk',
      {
        title: TITLE,
        caseId,
        proposals: proposalItems(result.proposals, result.view.people, typed),
        backLink: `/cases/${caseId}`,
        ...(typed ? formErrors(typed.errors) : {}),
      },
      status,
    );
  }

  app.get<CaseParams>('/cases/:caseId/proposed-people', { preHandler: requireUser }, async (request, reply) => page(request, reply));

  app.post<ProposalParams>('/cases/:caseId/proposed-people/:proposalId', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const { caseId, proposalId } = request.params;
    const decided = (result: Extract<DecideProposalResult, { ok: true }>) => {
      if (result.decision === 'new-person') {
        flashSuccess(request, `${result.personName ?? 'The person'} added to the record from what the other agency sent: add what else is known about them`);
        return reply.redirect(`/cases/${caseId}/people/${result.personId!}`, 303);
      }
      flashSuccess(request, result.decision === 'same-person' ? `Recorded that the person the other agency named is ${result.personName ?? 'the person you chose'}` : 'Recorded that this person is not part of this family: nothing about them was added');
      return reply.redirect(pageUrl(caseId), 303);
    };
    // Before the check that the person is still waiting: this post's twin may have decided about them.
    const decisionOf = async (recordId: string | null) => (recordId === null ? null : decisionRecorded(ctx, caseId, recordId));
    const submission = await formSubmission(request, caseId);
    const before = await decisionOf(submission.recordedBefore);
    if (before) return decided(before);
    const read = readDecision(request.body);
    if (!read.ok) return page(request, reply, { proposalId, values: read.values, errors: { [`decision-${proposalId}`]: read.message } }, 400);
    const result = await decideProposedPerson(ctx, actor(request), caseId, proposalId, read.input, submission.id);
    if (!result.ok) {
      if (result.code !== 'invalid') return sendErrorPage(reply, result.code);
      // Decided already by this post's twin, sent at the same moment: answered as the twin was.
      const twin = result.problem === 'already-decided' ? await decisionOf((await formSubmission(request, caseId)).recordedBefore) : null;
      if (twin) return decided(twin);
      const field = decisionFieldOf(result.problem, proposalId);
      return page(request, reply, { proposalId, values: read.values, errors: { [field]: DECISION_PROBLEM_MESSAGES[result.problem] } }, result.problem === 'already-decided' ? 409 : 400);
    }
    return decided(result);
  });
}
