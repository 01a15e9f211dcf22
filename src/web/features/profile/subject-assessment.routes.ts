// The subject's page (issue 14): every factor of the baby, one adult or the household on one form,
// saved as one profile version (application/profile/assess-subject.ts). The per-factor page stays.
// A form posted too late is kept and given back on this page (kept-forms.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { assessSubject } from '../../../application/profile/assess-subject.ts';
import { subjectAssessmentProblems } from '../../../application/profile/subject-assessment-problems.ts';
import { viewProfile } from '../../../application/profile/view-profile.ts';
import { factorById, factorsFor } from '../../../domain/catalogue/catalogue.ts';
import { EVIDENCE_SOURCES } from '../../../domain/catalogue/evidence-sources.ts';
import type { OtherChange } from '../../../domain/profile/subject-answers.ts';
import { STRESS_RESPONSES, STRESS_RESPONSE_IDS, isHarmfulStressResponse } from '../../../domain/catalogue/stress-responses.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import { dateInputValues, type DatePartErrors } from '../../forms/date-input.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { formErrors } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { PATTERN_ITEMS, STATUS_ITEMS } from './factor.schema.ts';
import { subjectKeyOf } from './profile.presenter.ts';
import { presentSubjectAssessment, valuesFromProfile } from './subject-assessment.presenter.ts';
import { readSubjectForm, SEEN_ON, subjectErrors, type SubjectValues } from './subject-assessment.schema.ts';

/** The factors on a subject's page, in its order: risk, then protective, none the record fills. */
function factorIdsOf(subjectKey: string): string[] {
  const subject = subjectKey === 'infant' || subjectKey === 'household' ? subjectKey : 'adult';
  return [...factorsFor(subject, 'risk'), ...factorsFor(subject, 'protective')].filter((f) => !f.derived).map((f) => f.id);
}

type Params = { Params: { caseId: string; subjectKey: string } };
const sourceItems = Object.entries(EVIDENCE_SOURCES).map(([value, source]) => ({ value, text: source.label }));
const responseItem = (id: (typeof STRESS_RESPONSE_IDS)[number]) => ({ value: id, text: STRESS_RESPONSES[id].label });
const responseItems = [...STRESS_RESPONSE_IDS.filter(isHarmfulStressResponse).map(responseItem), { divider: 'or' }, ...STRESS_RESPONSE_IDS.filter((id) => !isHarmfulStressResponse(id)).map(responseItem)];

export async function subjectAssessmentRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);
  const url = (caseId: string, subjectKey: string) => `/cases/${caseId}/profile/${subjectKey}/all-factors`;

  /** The page: what the record holds, or what was typed with its errors (and, after someone else's change, theirs). */
  async function page(request: FastifyRequest<Params>, reply: FastifyReply, typed?: { values: SubjectValues; errors: Record<string, string>; dateParts?: DatePartErrors; conflicts?: OtherChange[]; profileVersion?: number }, status = 200) {
    const { caseId, subjectKey } = request.params;
    const result = await viewProfile(ctx, actor(request), caseId, { action: 'profile.subject-assess', need: 'change' });
    if (!result.ok) return sendErrorPage(reply, result.code === 'not-found' ? 'not-found' : 'forbidden');
    const subject = result.value.evaluation.subjects.find((s) => subjectKeyOf(s) === subjectKey);
    if (!subject) return sendErrorPage(reply, 'not-found');
    const s = presentSubjectAssessment(caseId, subject, typed?.conflicts);
    // The evidence is seen today unless the user says otherwise.
    const values = typed
      ? { ...typed.values, ...(typed.profileVersion === undefined ? {} : { profileVersion: String(typed.profileVersion) }) }
      : { ...valuesFromProfile(subject, result.value.profileVersion), ...dateInputValues(SEEN_ON, serviceToday(ctx.clock.now())) };
    return reply.page(
      'profile/subject-assessment.njk',
      {
        title: `Assess all of ${s.possessive} factors`,
        caseId,
        subjectName: subject.name,
        s,
        values,
        statusItems: STATUS_ITEMS,
        patternItems: PATTERN_ITEMS,
        sourceItems,
        responseItems,
        action: url(caseId, subjectKey),
        backLink: `/cases/${caseId}/profile#subject-${subjectKey}`,
        ...(typed ? formErrors(typed.errors) : {}),
        dateParts: typed?.dateParts ?? {},
      },
      status,
    );
  }

  app.get<Params>('/cases/:caseId/profile/:subjectKey/all-factors', { preHandler: requireUser }, async (request, reply) => {
    // A form posted after the session ended comes back as typed, with the version it was typed against.
    const kept = request.keptForm;
    return page(request, reply, kept ? { values: readSubjectForm(factorIdsOf(request.params.subjectKey), kept).values, errors: {} } : undefined);
  });

  app.post<Params>('/cases/:caseId/profile/:subjectKey/all-factors', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const { caseId, subjectKey } = request.params;
    const saved = () => {
      flashSuccess(request, 'Assessment saved');
      return reply.redirect(`/cases/${caseId}/profile#subject-${subjectKey}`, 303);
    };
    // Before the answers are compared with the record's: this post's twin saved them, and this one would change nothing.
    const submission = await formSubmission(request, caseId);
    if (submission.recordedBefore) return saved();
    // The catalogue says which factors the page holds; the use case checks the case, the access and the person.
    const factorIds = factorIdsOf(subjectKey);
    const form = readSubjectForm(factorIds, request.body);
    // Every error at once: what the form could not read, with the day's and the answers' problems as the record stands.
    const everyError = async (formErrors: { errors: Record<string, string>; dateParts?: DatePartErrors }) => {
      const found = await subjectAssessmentProblems(ctx, actor(request), caseId, { subjectKey, answers: form.answers, ...(form.evidence ? { evidence: form.evidence } : {}) });
      return page(request, reply, { values: form.values, ...subjectErrors(factorIds, formErrors, found) }, 400);
    };
    if (!form.ok) return everyError(form);
    const result = await assessSubject(ctx, actor(request), caseId, { subjectKey, answers: form.answers, ...(form.evidence ? { evidence: form.evidence } : {}), profileVersion: form.profileVersion }, submission.id);
    if (result.ok) return saved();
    // Nothing changed, or a conflict, because this post's twin, sent at the same moment, saved first: answered as the twin was.
    if ((result.code === 'nothing-changed' || result.code === 'version-conflict') && (await formSubmission(request, caseId)).recordedBefore) return saved();
    switch (result.code) {
      case 'not-found':
      case 'unknown-person':
        return sendErrorPage(reply, 'not-found');
      case 'forbidden':
        return sendErrorPage(reply, 'forbidden');
      case 'nothing-changed':
        return page(request, reply, { values: form.values, errors: { [`status-${form.answers[0]?.factorId ?? ''}`]: 'You have not changed any answer: change at least one, then save' } }, 400);
      case 'version-conflict': {
        const errors = Object.fromEntries(result.conflicts.map((c) => [`status-${c.factorId}`, `${factorById(c.factorId)?.label ?? c.factorId}: ${c.by} changed this while you were assessing. Look at their answer beside yours, then save again`]));
        return page(request, reply, { values: form.values, errors, conflicts: result.conflicts, profileVersion: result.profileVersion }, 409);
      }
      case 'invalid':
      case 'evidence-date':
        return everyError({ errors: {} });
    }
  });
}
