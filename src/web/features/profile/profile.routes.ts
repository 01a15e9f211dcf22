// The Infant Care Profile pages: the task list for a case, and the page that records one factor.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { updateFactor } from '../../../application/profile/update-factor.ts';
import { assessmentKey } from '../../../application/profile/profile-facts.ts';
import { viewProfile } from '../../../application/profile/view-profile.ts';
import { factorById } from '../../../domain/catalogue/catalogue.ts';
import { EVIDENCE_SOURCES } from '../../../domain/catalogue/evidence-sources.ts';
import { formErrors, validateForm } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/sessions.ts';
import { ASSESSMENT_PROBLEM_MESSAGES, factorForm } from './factor.schema.ts';
import { presentProfile, subjectKeyOf } from './profile.presenter.ts';

type FactorParams = { Params: { caseId: string; subjectKey: string; factorId: string } };
const sourceItems = Object.entries(EVIDENCE_SOURCES).map(([value, source]) => ({ value, text: source.label }));

export async function profileRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/profile', { preHandler: requireUser }, async (request, reply) => {
    const result = await viewProfile(ctx, actor(request), request.params.caseId);
    if (!result.ok) return sendErrorPage(reply, result.code === 'not-found' ? 'not-found' : 'forbidden');
    const infant = result.value.evaluation.subjects.find((s) => s.subject === 'infant');
    return reply.page('profile/profile.njk', {
      title: 'Infant Care Profile',
      caseName: infant?.name ?? '',
      p: presentProfile(request.params.caseId, result.value.evaluation),
      backLink: `/cases/${request.params.caseId}`,
    });
  });

  async function factorPage(request: FastifyRequest<FactorParams>, reply: FastifyReply, locals: object = {}, status = 200) {
    const { caseId, subjectKey, factorId } = request.params;
    const result = await viewProfile(ctx, actor(request), caseId);
    if (!result.ok) return sendErrorPage(reply, result.code === 'not-found' ? 'not-found' : 'forbidden');
    const subject = result.value.evaluation.subjects.find((s) => subjectKeyOf(s) === subjectKey);
    const factor = subject && [...subject.risk, ...subject.protective].find((f) => f.factorId === factorId);
    const definition = factorById(factorId);
    if (!subject || !factor || !definition || factor.derived) return sendErrorPage(reply, 'not-found');
    if (!result.value.canChange) return sendErrorPage(reply, 'forbidden');
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
        action: `/cases/${caseId}/profile/${subjectKey}/${factorId}`,
        values: { status: factor.status, detail: factor.detail ?? '', pattern: factor.pattern ?? '', reason: factor.reason ?? '', protectionHow: factor.protection?.how ?? '', protectionWhen: factor.protection?.whenPresent ?? '', version: String(version) },
        backLink: `/cases/${caseId}/profile#subject-${subjectKey}`,
        ...locals,
      },
      status,
    );
  }

  app.get<FactorParams>('/cases/:caseId/profile/:subjectKey/:factorId', { preHandler: requireUser }, async (request, reply) => factorPage(request, reply));

  app.post<FactorParams>('/cases/:caseId/profile/:subjectKey/:factorId', { preHandler: requireUser }, async (request, reply) => {
    const { caseId, subjectKey, factorId } = request.params;
    const form = validateForm(factorForm, request.body);
    if (!form.ok) return factorPage(request, reply, form, 400);
    const v = form.value;
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
      evidence,
      version: Number(v.version),
    });
    if (!result.ok) {
      if (result.code === 'not-found' || result.code === 'unknown-person') return sendErrorPage(reply, 'not-found');
      if (result.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
      if (result.code === 'version-conflict') {
        return factorPage(request, reply, { ...formErrors({ status: result.message }), values: { ...v, version: String(result.currentVersion) }, conflict: true }, 409);
      }
      const messages = result.problems.map((problem) => ASSESSMENT_PROBLEM_MESSAGES[problem]).filter((m) => m !== undefined);
      const errors = messages.length > 0 ? Object.fromEntries(messages.map((m) => [m.field, m.text])) : { status: result.message };
      return factorPage(request, reply, { ...formErrors(errors), values: v }, 400);
    }
    return reply.redirect(`/cases/${caseId}/profile#subject-${subjectKey}`, 303);
  });
}
