// The Infant Care Profile pages: the task list for a case, the stress and response page, and the
// page that records one factor.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { updateFactor } from '../../../application/profile/update-factor.ts';
import { assessmentKey } from '../../../application/profile/profile-facts.ts';
import { viewProfile } from '../../../application/profile/view-profile.ts';
import { factorById } from '../../../domain/catalogue/catalogue.ts';
import { EVIDENCE_SOURCES } from '../../../domain/catalogue/evidence-sources.ts';
import { FACTOR_STATUSES } from '../../../domain/catalogue/statuses.ts';
import { STRESS_RESPONSES, STRESS_RESPONSE_IDS, isHarmfulStressResponse } from '../../../domain/catalogue/stress-responses.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { formErrors, validateForm } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { keptText } from '../../plugins/kept-forms.ts';
import { ASSESSMENT_PROBLEM_MESSAGES, DIRECTION_ITEMS, factorForm, PATTERN_ITEMS, responsesFrom, STATUS_ITEMS, unknownResponseMessage } from './factor.schema.ts';
import { findingsAndFactorsMarkup, type RenderTemplate } from './findings-and-factors-markup.ts';
import { subjectKeyOf } from './profile.presenter.ts';
import { needingDecisionInWords, presentReview } from './review.presenter.ts';
import { presentStress } from './stress.presenter.ts';

type FactorParams = { Params: { caseId: string; subjectKey: string; factorId: string } };
const sourceItems = Object.entries(EVIDENCE_SOURCES).map(([value, source]) => ({ value, text: source.label }));
const responseItem = (id: (typeof STRESS_RESPONSE_IDS)[number]) => ({ value: id, text: STRESS_RESPONSES[id].label });
/** Harmful responses first, then the helpful ones, so the risks are read first. */
const responseItems = [
  ...STRESS_RESPONSE_IDS.filter(isHarmfulStressResponse).map(responseItem),
  { divider: 'or' },
  ...STRESS_RESPONSE_IDS.filter((id) => !isHarmfulStressResponse(id)).map(responseItem),
];

export async function profileRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);
  const renderTemplate: RenderTemplate = (template, locals) => app.view(template, locals);

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/profile', { preHandler: requireUser }, async (request, reply) => {
    const result = await viewProfile(ctx, actor(request), request.params.caseId);
    if (!result.ok) return sendErrorPage(reply, result.code === 'not-found' ? 'not-found' : 'forbidden');
    const { caseId } = request.params;
    const { evaluation, receivedUnconfirmed, canChange } = result.value;
    const infant = evaluation.subjects.find((s) => s.subject === 'infant');
    return reply.page('profile/profile.njk', {
      title: 'Infant Care Profile',
      caseName: infant?.name ?? '',
      findingsAndFactors: await findingsAndFactorsMarkup(renderTemplate, caseId, evaluation, receivedUnconfirmed, canChange),
      caseId,
      nextReview: presentReview(result.value).nextReview,
      needingDecision: needingDecisionInWords(result.value.needingDecision, result.value.decisions),
      profileVersion: result.value.profileVersion,
      backLink: `/cases/${caseId}`,
    });
  });

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/profile/stress', { preHandler: requireUser }, async (request, reply) => {
    const { caseId } = request.params;
    const result = await viewProfile(ctx, actor(request), caseId);
    if (!result.ok) return sendErrorPage(reply, result.code === 'not-found' ? 'not-found' : 'forbidden');
    const infant = result.value.evaluation.subjects.find((s) => s.subject === 'infant');
    return reply.page('profile/stress.njk', {
      title: 'Stress and response',
      caseId,
      caseName: infant?.name ?? '',
      s: presentStress(caseId, result.value.evaluation, result.value.canChange),
      backLink: `/cases/${caseId}/profile`,
    });
  });

  /** The factor's page: its form for the team, or, on a plain look under emergency access, the same facts read-only. */
  async function factorPage(request: FastifyRequest<FactorParams>, reply: FastifyReply, locals: object = {}, status = 200, readOnlyAllowed = false) {
    const { caseId, subjectKey, factorId } = request.params;
    const intent = readOnlyAllowed ? undefined : { action: 'profile.factor-update', need: 'change' as const };
    const result = await viewProfile(ctx, actor(request), caseId, intent);
    if (!result.ok) return sendErrorPage(reply, result.code === 'not-found' ? 'not-found' : 'forbidden');
    const subject = result.value.evaluation.subjects.find((s) => subjectKeyOf(s) === subjectKey);
    const factor = subject && [...subject.risk, ...subject.protective].find((f) => f.factorId === factorId);
    const definition = factorById(factorId);
    if (!subject || !factor || !definition || factor.derived) return sendErrorPage(reply, 'not-found');
    const version = result.value.versions.get(assessmentKey(factorId, subjectKey)) ?? 0;
    return reply.page(
      'profile/factor.njk',
      {
        title: definition.label,
        caseId,
        subjectName: subject.name,
        definition,
        factor,
        sourceItems,
        responseItems,
        statusItems: STATUS_ITEMS,
        patternItems: PATTERN_ITEMS,
        directionItems: DIRECTION_ITEMS,
        action: `/cases/${caseId}/profile/${subjectKey}/${factorId}`,
        values: { status: factor.status, detail: factor.detail ?? '', pattern: factor.pattern ?? '', reason: factor.reason ?? '', protectionHow: factor.protection?.how ?? '', protectionWhen: factor.protection?.whenPresent ?? '', responses: factor.responses ?? [], version: String(version) },
        backLink: `/cases/${caseId}/profile#subject-${subjectKey}`,
        readOnly: !result.value.canChange,
        statusLabel: FACTOR_STATUSES[factor.status].label,
        received: result.value.receivedUnconfirmed.get(assessmentKey(factorId, subjectKey)) ?? null,
        ...locals,
      },
      status,
    );
  }

  app.get<FactorParams>('/cases/:caseId/profile/:subjectKey/:factorId', { preHandler: requireUser }, async (request, reply) => {
    const kept = request.keptForm;
    return factorPage(request, reply, kept ? { values: { ...keptText(kept), responses: responsesFrom(kept).known } } : {}, 200, true);
  });

  app.post<FactorParams>('/cases/:caseId/profile/:subjectKey/:factorId', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const { caseId, subjectKey, factorId } = request.params;
    const saved = () => {
      flashSuccess(request, `Saved: ${factorById(factorId)?.label ?? 'the factor'}`);
      return reply.redirect(`/cases/${caseId}/profile#subject-${subjectKey}`, 303);
    };
    // Before the version is checked: this post's twin wrote the version this one would conflict with.
    const submission = await formSubmission(request, caseId);
    if (submission.recordedBefore) return saved();
    const ticked = responsesFrom(request.body);
    const form = validateForm(factorForm, request.body);
    if (!form.ok) return factorPage(request, reply, { ...form, values: { ...form.values, responses: ticked.known } }, 400);
    const v = { ...form.value, responses: ticked.known };
    if (ticked.unknown.length > 0) return factorPage(request, reply, { ...formErrors({ responses: unknownResponseMessage(ticked.unknown) }), values: v }, 400);
    if (v.evidenceNote && !v.evidenceSource) return factorPage(request, reply, { ...formErrors({ evidenceSource: 'Select where the evidence comes from' }), values: v }, 400);
    const evidence = v.evidenceNote && v.evidenceSource ? [{ source: v.evidenceSource, note: v.evidenceNote, ...(v.evidenceIndicates ? { indicates: v.evidenceIndicates } : {}), ...(v.evidenceGivenBy ? { givenBy: v.evidenceGivenBy } : {}) }] : [];
    const isPerson = subjectKey !== 'infant' && subjectKey !== 'household';
    const result = await updateFactor(ctx, actor(request), caseId, {
      factorId,
      ...(isPerson ? { personId: subjectKey } : {}),
      status: v.status,
      ...(v.detail ? { detail: v.detail } : {}),
      ...(v.pattern ? { pattern: v.pattern } : {}),
      ...(v.reason ? { reason: v.reason } : {}),
      ...(factorId === 'supportive-partner' ? { protection: { how: v.protectionHow ?? '', whenPresent: v.protectionWhen ?? '' } } : {}),
      // Always for the response to stress, so unticking every box clears them; elsewhere the domain refuses any.
      ...(factorId === 'harmful-stress-response' || ticked.known.length > 0 ? { responses: ticked.known } : {}),
      evidence,
      version: Number(v.version),
    }, submission.id);
    if (!result.ok) {
      if (result.code === 'not-found' || result.code === 'unknown-person') return sendErrorPage(reply, 'not-found');
      if (result.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
      // The conflict may be this post's twin's, sent at the same moment and saved first: answered as the twin was.
      if (result.code === 'version-conflict' && (await formSubmission(request, caseId)).recordedBefore) return saved();
      if (result.code === 'version-conflict') {
        return factorPage(request, reply, { ...formErrors({ status: result.message }), values: { ...v, version: String(result.currentVersion) }, conflict: true }, 409);
      }
      const messages = result.problems.map((problem) => ASSESSMENT_PROBLEM_MESSAGES[problem]).filter((m) => m !== undefined);
      const errors = messages.length > 0 ? Object.fromEntries(messages.map((m) => [m.field, m.text])) : { status: result.message };
      return factorPage(request, reply, { ...formErrors(errors), values: v }, 400);
    }
    return saved();
  });
}
