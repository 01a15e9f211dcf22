// Reviewing the profile: when it is due, the escalation decisions, marking it reviewed (refused
// while a critical finding has no decision), and changing the level of support.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { changeLevel } from '../../../application/profile/change-level.ts';
import { markProfileReviewed } from '../../../application/profile/mark-profile-reviewed.ts';
import { decisionProblemMessages, recordDecision } from '../../../application/profile/record-decision.ts';
import { CONFIRM_REFUSAL_MESSAGES, confirmDecision } from '../../../application/profile/confirm-decision.ts';
import { leadsForDecision } from '../../../application/profile/decision-leads.ts';
import { confirmRefusal, decisionInputProblems, ESCALATION_DECISIONS } from '../../../domain/profile/escalation.ts';
import { findingTitle } from '../../views/severity.ts';
import { formatDateTime } from '../../views/london-time.ts';
import { viewProfile, type ProfileView } from '../../../application/profile/view-profile.ts';
import { decideLevelProposal, proposeLevelChange, readLevelProposalsFor } from '../../../application/profile/level-proposals.ts';
import { viewReview } from '../../../application/profile/view-review.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { formErrors, validateForm } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { presentProfile } from './profile.presenter.ts';
import { decisionItems, leadItems, levelItems, presentProposal, presentReview, standingInWords } from './review.presenter.ts';
import { confirmationForm, decisionForm, levelForm, proposalDecisionForm, proposalForm, reviewForm } from './review.schema.ts';

type CaseRequest = FastifyRequest<{ Params: { caseId: string } }>;

export async function profileReviewRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  /** The profile as the user sees it, or the error page already sent. */
  async function load(request: CaseRequest, reply: FastifyReply, needsChange: false | string): Promise<ProfileView | null> {
    const result = await viewProfile(ctx, actor(request), request.params.caseId, needsChange ? { action: needsChange, need: 'change' } : undefined);
    if (!result.ok) {
      await sendErrorPage(reply, result.code);
      return null;
    }
    return result.value;
  }

  /** The page's own values, each replaced by what was typed when a form was kept (posted once the session had ended). */
  const typedOver = (request: FastifyRequest, values: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => {
      const typed = request.keptForm?.[name];
      return [name, typeof typed === 'string' ? typed : value];
    }));

  const caseName = (view: ProfileView) => view.evaluation.subjects.find((s) => s.subject === 'infant')?.name ?? '';

  /** The review's page; `posted` when it answers a review posted, so that a refusal is audited as the review. */
  async function reviewPage(request: CaseRequest, reply: FastifyReply, locals: object = {}, status = 200, posted = false) {
    const result = await viewReview(ctx, actor(request), request.params.caseId, posted ? { action: 'profile.review', need: 'change' } : undefined);
    if (!result.ok) return sendErrorPage(reply, result.code);
    const { profile: view, reviewCap, proposals, mayDecide } = result.value;
    const { caseId } = request.params;
    return reply.page(
      'profile/review.njk',
      {
        title: 'Review and decisions',
        caseId,
        caseName: caseName(view),
        r: presentReview(view, reviewCap, { userId: request.user!.id, role: request.user!.role }),
        proposals: proposals.map(presentProposal),
        mayDecide,
        findings: presentProfile(caseId, view.evaluation).findings,
        canChange: view.canChange,
        values: typedOver(request, { note: '', profileVersion: String(view.profileVersion) }),
        backLink: `/cases/${caseId}/profile`,
        ...locals,
      },
      status,
    );
  }

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/profile/review', { preHandler: requireUser }, async (request, reply) => reviewPage(request, reply));

  /** Whether this post's twin, sent at the same moment, recorded first (so that this one was refused as stale or unchanged). */
  const twinRecorded = async (request: CaseRequest) => (await formSubmission(request, request.params.caseId)).recordedBefore !== null;

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/profile/review', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const reviewed = () => {
      flashSuccess(request, 'The profile is marked reviewed. The next review date is below.', 'reviewed-banner');
      return reply.redirect(`/cases/${request.params.caseId}/profile/review`, 303);
    };
    // Before the version is checked: this post's twin wrote the version this one would be stale against.
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return reviewed();
    const form = validateForm(reviewForm, request.body);
    if (!form.ok) return reviewPage(request, reply, form, 400, true);
    const result = await markProfileReviewed(ctx, actor(request), request.params.caseId, { profileVersion: Number(form.value.profileVersion), ...(form.value.note ? { note: form.value.note } : {}) }, submission.id);
    if (!result.ok) {
      if (result.code === 'not-found' || result.code === 'forbidden') return sendErrorPage(reply, result.code);
      if (result.code === 'profile-changed' && (await twinRecorded(request))) return reviewed();
      if (result.code !== 'profile-changed') {
        // Each rule that stops the review, linked to what answers it: a decision, or the level.
        const errors = Object.fromEntries(result.problems.map((p) => [p.code === 'decision-needed' ? 'record-decision' : 'change-level', p.message]));
        return reviewPage(request, reply, { ...formErrors(errors), values: { note: form.value.note ?? '', profileVersion: form.value.profileVersion } }, 409, true);
      }
      return reviewPage(request, reply, { ...formErrors({ note: result.message }), values: { note: form.value.note ?? '', profileVersion: String(result.currentVersion) } }, 409, true);
    }
    return reviewed();
  });

  async function decisionPage(request: CaseRequest, reply: FastifyReply, locals: object = {}, status = 200) {
    const view = await load(request, reply, 'profile.decision');
    if (!view) return reply;
    const { caseId } = request.params;
    const leads = await leadsForDecision(ctx, caseId);
    const items = leadItems(leads.offered, request.user!.id);
    return reply.page(
      'profile/decision.njk',
      {
        title: 'Record an escalation decision',
        caseId,
        caseName: caseName(view),
        findings: presentProfile(caseId, view.evaluation).findings,
        decisionItems: decisionItems(),
        // A decision below child protection while a critical finding shows needs a lead's confirmation (ADR 0027).
        criticalShowing: view.evaluation.findings.some((f) => f.severity === 'critical'),
        leadItems: items,
        partnershipLeads: leads.partnership.map((l) => `${l.name}, ${l.organisationName}`),
        values: typedOver(request, { decision: '', reasoning: '', leadConsulted: '', leadName: '', confirmingLead: '', profileVersion: String(view.profileVersion) }),
        backLink: `/cases/${caseId}/profile/review`,
        ...locals,
      },
      status,
    );
  }

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/profile/decision', { preHandler: requireUser }, async (request, reply) => decisionPage(request, reply));

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/profile/decision', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const recorded = () => {
      flashSuccess(request, 'Decision recorded');
      return reply.redirect(`/cases/${request.params.caseId}/profile/review`, 303);
    };
    // Before the version is checked: this post's twin wrote the version this one would be stale against.
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return recorded();
    const form = validateForm(decisionForm, request.body);
    if (!form.ok) {
      // Every error in one pass: the form's own, and the rules' on what was typed (a lead to confirm it, the lead's name).
      const view = await load(request, reply, 'profile.decision');
      if (!view) return reply;
      const typed = form.values;
      const leads = await leadsForDecision(ctx, request.params.caseId);
      const rules = decisionProblemMessages(decisionInputProblems({
        decision: typed['decision'],
        reasoning: typed['reasoning'] ?? '',
        leadConsulted: typed['leadConsulted'] === 'yes' ? true : typed['leadConsulted'] === 'no' ? false : undefined,
        leadName: typed['leadName'],
        confirmingLeadId: typed['confirmingLead'],
        findingsInView: view.evaluation.findings,
        offeredLeads: leads.offered,
        deciderId: request.user!.id,
      }));
      const errors = { ...rules, ...Object.fromEntries(Object.entries(form.fieldErrors).map(([field, e]) => [field, e.text])) };
      const order = ['decision', 'reasoning', 'leadConsulted', 'leadName', 'confirmingLead', 'profileVersion'];
      const sorted = Object.fromEntries(Object.entries(errors).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
      return decisionPage(request, reply, { ...formErrors(sorted), values: typed }, 400);
    }
    const v = form.value;
    const result = await recordDecision(ctx, actor(request), request.params.caseId, {
      decision: v.decision,
      reasoning: v.reasoning,
      leadConsulted: v.leadConsulted === 'yes',
      ...(v.leadName ? { leadName: v.leadName } : {}),
      ...(v.confirmingLead ? { confirmingLeadId: v.confirmingLead } : {}),
      profileVersion: Number(v.profileVersion),
    }, submission.id);
    if (!result.ok) {
      if (result.code === 'not-found' || result.code === 'forbidden') return sendErrorPage(reply, result.code);
      const typed = { ...v, leadName: v.leadName ?? '', confirmingLead: v.confirmingLead ?? '' };
      if (result.code !== 'profile-changed') return decisionPage(request, reply, { ...formErrors(result.errors), values: typed }, 400);
      if (await twinRecorded(request)) return recorded();
      // The findings shown are now the current ones: the user sees them and saves again.
      return decisionPage(request, reply, { ...formErrors({ decision: result.message }), values: { ...typed, profileVersion: String(result.currentVersion) } }, 409);
    }
    if (result.awaitingConfirmation) {
      flashSuccess(request, 'Decision recorded. It is not in force until the safeguarding lead you chose confirms it: they have been sent an alert.');
      return reply.redirect(`/cases/${request.params.caseId}/profile/review`, 303);
    }
    return recorded();
  });

  // A safeguarding lead confirming or overturning a decision that awaits it (ADR 0027).
  type DecisionRequest = FastifyRequest<{ Params: { caseId: string; decisionId: string } }>;
  async function confirmationPage(request: DecisionRequest, reply: FastifyReply, locals: object = {}, status = 200) {
    const view = await load(request, reply, 'profile.decision-confirmation');
    if (!view) return reply;
    const { caseId, decisionId } = request.params;
    const decision = view.decisions.find((d) => d.id === decisionId);
    if (!decision) return sendErrorPage(reply, 'not-found');
    const refusal = confirmRefusal({ userId: request.user!.id, role: request.user!.role, decidedBy: decision.decidedById, standing: decision.standing });
    return reply.page(
      'profile/review-confirmation.njk',
      {
        title: 'Confirm or overturn a decision',
        caseId,
        caseName: caseName(view),
        d: {
          id: decision.id,
          label: ESCALATION_DECISIONS[decision.decision].label,
          reasoning: decision.reasoning,
          findings: decision.findings.map((f) => findingTitle(f.id)),
          when: formatDateTime(decision.decidedAt),
          who: `${decision.decidedBy}, ${decision.agency}`,
          lead: decision.leadConsulted ? `Yes: ${decision.leadName ?? ''} (a record of a conversation: it does not confirm the decision)` : 'No',
          standingWords: standingInWords(decision),
        },
        refusal: refusal === null ? null : CONFIRM_REFUSAL_MESSAGES[refusal],
        values: typedOver(request, { answer: '', reasoning: '' }),
        backLink: `/cases/${caseId}/profile/review`,
        ...locals,
      },
      status,
    );
  }

  app.get<{ Params: { caseId: string; decisionId: string } }>('/cases/:caseId/profile/decisions/:decisionId/confirmation', { preHandler: requireUser }, async (request, reply) => confirmationPage(request, reply));

  app.post<{ Params: { caseId: string; decisionId: string } }>('/cases/:caseId/profile/decisions/:decisionId/confirmation', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const answered = () => {
      flashSuccess(request, 'Your answer to the decision is recorded');
      return reply.redirect(`/cases/${request.params.caseId}/profile/review`, 303);
    };
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return answered();
    const form = validateForm(confirmationForm, request.body);
    if (!form.ok) return confirmationPage(request, reply, form, 400);
    const { caseId, decisionId } = request.params;
    const result = await confirmDecision(ctx, actor(request), caseId, decisionId, form.value, submission.id);
    if (!result.ok) {
      if (result.code === 'not-found' || result.code === 'forbidden' || result.code === 'no-such-decision') return sendErrorPage(reply, result.code === 'no-such-decision' ? 'not-found' : result.code);
      if (result.code === 'not-awaiting' && (await twinRecorded(request))) return answered();
      const field = result.code === 'reasoning-needed' ? 'reasoning' : 'answer';
      const status = result.code === 'reasoning-needed' ? 400 : result.code === 'not-awaiting' ? 409 : 403;
      return confirmationPage(request, reply, { ...formErrors({ [field]: result.message }), values: form.value }, status);
    }
    return answered();
  });

  async function levelPage(request: CaseRequest, reply: FastifyReply, locals: object = {}, status = 200) {
    const view = await load(request, reply, 'case.level-change');
    if (!view) return reply;
    const { caseId } = request.params;
    return reply.page(
      'profile/level.njk',
      { title: 'Change the level of support', caseId, caseName: caseName(view), levelItems: levelItems(), values: typedOver(request, { level: view.level, why: '' }), backLink: `/cases/${caseId}/profile/review`, ...locals },
      status,
    );
  }

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/profile/level', { preHandler: requireUser }, async (request, reply) => levelPage(request, reply));

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/profile/level', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const changed = () => {
      flashSuccess(request, 'Level of support changed');
      return reply.redirect(`/cases/${request.params.caseId}/profile/review`, 303);
    };
    // Before the level is checked: this post's twin made it the level this one would be refused as unchanged at.
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return changed();
    const form = validateForm(levelForm, request.body);
    if (!form.ok) return levelPage(request, reply, form, 400);
    const result = await changeLevel(ctx, actor(request), request.params.caseId, form.value, submission.id);
    if (!result.ok) {
      if (result.code === 'not-found' || result.code === 'forbidden') return sendErrorPage(reply, result.code);
      if (result.code === 'unchanged' && (await twinRecorded(request))) return changed();
      const field = result.code === 'reason-needed' ? 'why' : 'level';
      const status = result.code === 'level-not-allowed' ? 403 : result.code === 'conference-needed' ? 409 : 400;
      return levelPage(request, reply, { ...formErrors({ [field]: result.message }), values: form.value, canPropose: result.code === 'level-not-allowed' }, status);
    }
    return changed();
  });

  // Proposing a change of level, for someone in the team who may not change it (docs/domain.md, Levels of support).
  async function proposalPage(request: CaseRequest, reply: FastifyReply, locals: object = {}, status = 200) {
    const view = await load(request, reply, 'case.level-proposal');
    if (!view) return reply;
    const { caseId } = request.params;
    const proposals = await readLevelProposalsFor(ctx, actor(request), caseId);
    return reply.page(
      'profile/level-proposal.njk',
      {
        title: 'Propose a change of level',
        caseId,
        caseName: caseName(view),
        level: presentReview(view).level,
        open: proposals?.open ? presentProposal(proposals.open) : null,
        levelItems: levelItems(),
        values: typedOver(request, { level: '', reason: '' }),
        backLink: `/cases/${caseId}/profile/review`,
        ...locals,
      },
      status,
    );
  }

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/profile/level/propose', { preHandler: requireUser }, async (request, reply) => proposalPage(request, reply));

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/profile/level/propose', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const sent = () => {
      flashSuccess(request, 'Proposal sent: the people who may change the level will see it');
      return reply.redirect(`/cases/${request.params.caseId}/profile/review`, 303);
    };
    // Before the check for an open proposal: this post's twin may have opened it.
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return sent();
    const form = validateForm(proposalForm, request.body);
    if (!form.ok) return proposalPage(request, reply, form, 400);
    const result = await proposeLevelChange(ctx, actor(request), request.params.caseId, form.value, submission.id);
    if (!result.ok) {
      if (result.code === 'not-found' || result.code === 'forbidden') return sendErrorPage(reply, result.code);
      const field = result.code === 'reason-needed' || result.code === 'reason-too-long' ? 'reason' : 'level';
      return proposalPage(request, reply, { ...formErrors({ [field]: result.message }), values: form.value }, 409);
    }
    return sent();
  });

  // Accepting or declining: the form is on the case page; an answer to correct comes back on a page of its own.
  type ProposalRequest = FastifyRequest<{ Params: { caseId: string; proposalId: string } }>;
  async function proposalDecisionPage(request: ProposalRequest, reply: FastifyReply, locals: object, status: number) {
    const view = await load(request, reply, 'case.level-proposal-decision');
    if (!view) return reply;
    const { caseId, proposalId } = request.params;
    const proposal = (await readLevelProposalsFor(ctx, actor(request), caseId))?.proposals.find((p) => p.id === proposalId);
    if (!proposal) return sendErrorPage(reply, 'not-found');
    return reply.page('profile/proposal-decision-page.njk', { title: 'Proposal to change the level', caseId, caseName: caseName(view), p: presentProposal(proposal), backLink: `/cases/${caseId}`, ...locals }, status);
  }

  app.post<{ Params: { caseId: string; proposalId: string } }>('/cases/:caseId/level-proposals/:proposalId/decision', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const answered = () => {
      flashSuccess(request, 'Answer to the proposal recorded');
      return reply.redirect(`/cases/${request.params.caseId}/profile/review`, 303);
    };
    // Before the check that the proposal is still open: this post's twin may have answered it.
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return answered();
    const form = validateForm(proposalDecisionForm, request.body);
    if (!form.ok) return proposalDecisionPage(request, reply, { ...form, values: request.body ?? {} }, 400);
    const { caseId, proposalId } = request.params;
    const result = await decideLevelProposal(ctx, actor(request), caseId, proposalId, { accept: form.value.answer === 'accept', reason: form.value.reason ?? '' }, submission.id);
    if (!result.ok) {
      if (result.code === 'not-found' || result.code === 'forbidden' || result.code === 'no-such-proposal') return sendErrorPage(reply, result.code === 'no-such-proposal' ? 'not-found' : result.code);
      if (result.code === 'not-decider') return sendErrorPage(reply, 'forbidden');
      const field = result.code === 'reason-needed' || result.code === 'reason-too-long' ? 'reason' : 'answer';
      return proposalDecisionPage(request, reply, { ...formErrors({ [field]: result.message }), values: form.value }, result.code === 'level-not-allowed' ? 403 : 409);
    }
    return answered();
  });
}
