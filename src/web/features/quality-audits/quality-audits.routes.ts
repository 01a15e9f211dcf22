// Quality assurance audits (issue 16): /quality-audits lists the organisation's audits (safeguarding
// leads and managers); /quality-audits/new starts one (a safeguarding lead: every case or a random
// sample; an error keeps what was typed; another organisation's cases are refused with a 403);
// /quality-audits/:auditId lists its cases and how far it has got; /quality-audits/:auditId/cases/:caseId
// is a case's audit form, what the record says beside each question (works without JavaScript; an
// error keeps everything typed); /quality-audits/:auditId/report is the results with the themes, with
// a printable copy (/report/print) and a CSV file (/report.csv).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { answerAuditCase, nextUnansweredAfter, viewAuditCase, type AuditCaseView } from '../../../application/quality-audits/audit-case.ts';
import { auditStarted, openStartForm, START_QUALITY_AUDIT, startQualityAudit } from '../../../application/quality-audits/start-quality-audit.ts';
import { listQualityAudits, qualityAuditReport, viewQualityAudit } from '../../../application/quality-audits/view-quality-audits.ts';
import { AUDIT_ANSWER_LABELS, AUDIT_ANSWERS, AUDIT_QUESTIONS } from '../../../domain/quality-audits/audit-questions.ts';
import { SAMPLE_SIZE_BOUNDS } from '../../../domain/quality-audits/audit-scope.ts';
import { formSubmission, formSubmissionWithoutCase, sendAgainWhenRaced } from '../../forms/submission.ts';
import type { FormErrors } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { formatDateTime } from '../../views/london-time.ts';
import { PROTECTIVE_MARKING } from '../chronology/chronology-export.ts';
import { answerFormErrors, answerFormFrom, readAnswerForm, readStartForm, startFormErrors, type AnswerFormValues, type StartFormValues } from './quality-audits.form.ts';
import { auditCsv, auditTitle, csvFileName, progressWords, resultRows, scopeWords } from './quality-audits.presenter.ts';

type AuditParams = { Params: { auditId: string } };
type CaseParams = { Params: { auditId: string; caseId: string } };

export async function qualityAuditRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  app.get('/quality-audits', { preHandler: requireUser }, async (request, reply) => {
    const result = await listQualityAudits(ctx, actor(request));
    if (!result.ok) return sendErrorPage(reply, result.code);
    return reply.page('quality-audits/quality-audits.njk', {
      title: 'Quality assurance audits',
      canStart: result.value.canStart,
      audits: result.value.audits.map((a) => ({ href: `/quality-audits/${a.id}`, title: auditTitle(a), by: a.startedBy, scope: scopeWords(a, a.cases), progress: progressWords(a.answered, a.cases) })),
    });
  });

  function startPage(reply: FastifyReply, values: StartFormValues, errors: FormErrors | null = null, status = 200) {
    return reply.page(
      'quality-audits/quality-audit-new.njk',
      { title: 'Start a quality assurance audit', values, sizeBounds: SAMPLE_SIZE_BOUNDS, fieldErrors: {}, ...(errors ?? {}), backLink: '/quality-audits' },
      status,
    );
  }

  app.get('/quality-audits/new', { preHandler: requireUser }, async (request, reply) => {
    const opened = await openStartForm(ctx, actor(request));
    if (!opened.ok) return sendErrorPage(reply, opened.code);
    return startPage(reply, { scope: '', sampleSize: '', seed: '', organisationId: request.user!.organisationId });
  });

  // Posted twice, it starts one audit (ADR 0026): a second post goes to the first one's audit.
  app.post('/quality-audits/new', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const started = ({ auditId, cases }: { auditId: string; cases: number }) => {
      flashSuccess(request, `Audit started with ${String(cases)} ${cases === 1 ? 'case' : 'cases'}.`, 'audit-started');
      return reply.redirect(`/quality-audits/${auditId}`, 303);
    };
    const submission = await formSubmissionWithoutCase(request, START_QUALITY_AUDIT);
    if (submission.recordedBefore) return started(await auditStarted(ctx, actor(request), submission.recordedBefore));
    const values = readStartForm(request.body);
    const result = await startQualityAudit(ctx, actor(request), values, submission.id);
    if (result.ok) return started(result.value);
    if (result.code !== 'invalid') return sendErrorPage(reply, result.code);
    return startPage(reply, { ...values, organisationId: request.user!.organisationId }, startFormErrors(result.problems), result.refused ? 403 : 400);
  });

  app.get<AuditParams>('/quality-audits/:auditId', { preHandler: requireUser }, async (request, reply) => {
    const result = await viewQualityAudit(ctx, actor(request), request.params.auditId);
    if (!result.ok) return sendErrorPage(reply, result.code);
    const { audit, cases, answered, canAnswer } = result.value;
    return reply.page('quality-audits/quality-audit.njk', {
      title: auditTitle(audit),
      audit,
      scope: scopeWords(audit, cases.length),
      progress: progressWords(answered, cases.length),
      canAnswer,
      nextHref: cases.find((c) => !c.complete) ? `/quality-audits/${audit.id}/cases/${cases.find((c) => !c.complete)!.caseId}` : null,
      cases: cases.map((c) => ({ href: `/quality-audits/${audit.id}/cases/${c.caseId}`, babyName: c.babyName, position: c.position + 1, complete: c.complete })),
      backLink: '/quality-audits',
    });
  });

  function casePage(reply: FastifyReply, view: AuditCaseView, values: AnswerFormValues, errors: FormErrors | null = null, status = 200) {
    const { audit, auditCase } = view;
    return reply.page(
      'quality-audits/audit-case.njk',
      {
        title: `Audit: ${auditCase.babyName}`,
        auditId: audit.id,
        caseId: auditCase.caseId,
        babyName: auditCase.babyName,
        auditTitle: auditTitle(audit),
        place: view.place,
        of: view.of,
        canAnswer: view.canAnswer,
        questions: AUDIT_QUESTIONS.map((q) => {
          const given = auditCase.answers[q.id];
          return {
            ...q,
            says: view.says[q.id].words,
            suggests: view.says[q.id].suggests === null ? null : AUDIT_ANSWER_LABELS[view.says[q.id].suggests!],
            items: AUDIT_ANSWERS.map((answer) => ({ value: answer, text: AUDIT_ANSWER_LABELS[answer], checked: values[q.id].answer === answer })),
            note: values[q.id].note,
            given: given ? `${AUDIT_ANSWER_LABELS[given.answer]}${given.note ? `: ${given.note}` : ''} (${given.answeredBy}, ${formatDateTime(given.answeredAt)})` : null,
          };
        }),
        fieldErrors: {},
        ...(errors ?? {}),
        backLink: `/quality-audits/${audit.id}`,
      },
      status,
    );
  }

  app.get<CaseParams>('/quality-audits/:auditId/cases/:caseId', { preHandler: requireUser }, async (request, reply) => {
    const result = await viewAuditCase(ctx, actor(request), request.params.auditId, request.params.caseId);
    if (!result.ok) return sendErrorPage(reply, result.code);
    return casePage(reply, result.value, answerFormFrom(result.value.auditCase.answers));
  });

  app.post<CaseParams>('/quality-audits/:auditId/cases/:caseId', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const { auditId, caseId } = request.params;
    const saved = (nextUnanswered: string | null) => {
      flashSuccess(request, 'Answers saved.', 'answers-saved');
      return reply.redirect(nextUnanswered ? `/quality-audits/${auditId}/cases/${nextUnanswered}` : `/quality-audits/${auditId}/report`, 303);
    };
    const submission = await formSubmission(request, caseId);
    if (submission.recordedBefore) return saved(await nextUnansweredAfter(ctx, auditId, caseId));
    const values = readAnswerForm(request.body);
    const result = await answerAuditCase(ctx, actor(request), auditId, caseId, values, submission.id);
    if (result.ok) return saved(result.value.nextUnanswered);
    if (result.code !== 'invalid') return sendErrorPage(reply, result.code);
    const view = await viewAuditCase(ctx, actor(request), auditId, caseId);
    if (!view.ok) return sendErrorPage(reply, view.code);
    return casePage(reply, view.value, values, answerFormErrors(result.problems, values), 400);
  });

  async function reportPage(request: FastifyRequest<AuditParams>, reply: FastifyReply, printing: boolean) {
    const result = await qualityAuditReport(ctx, actor(request), request.params.auditId, printing ? 'print' : 'page');
    if (!result.ok) return sendErrorPage(reply, result.code);
    const { audit, results } = result.value;
    return reply.page('quality-audits/audit-report.njk', {
      title: `Results: ${auditTitle(audit)}`,
      audit,
      scope: scopeWords(audit, results.cases),
      progress: progressWords(results.answered, results.cases),
      questions: resultRows(results.questions),
      themes: results.themes.map((theme) => ({ ...theme, cases: theme.cases.map((c) => ({ ...c, href: `/quality-audits/${audit.id}/cases/${c.caseId}` })) })),
      printing,
      marking: PROTECTIVE_MARKING,
      ...(printing ? { printed: `Printed by ${request.user!.name} on ${formatDateTime(ctx.clock.now())}: ${PROTECTIVE_MARKING}`, bodyClasses: 'app-print-page' } : { backLink: `/quality-audits/${audit.id}` }),
    });
  }

  app.get<AuditParams>('/quality-audits/:auditId/report', { preHandler: requireUser }, (request, reply) => reportPage(request, reply, false));
  app.get<AuditParams>('/quality-audits/:auditId/report/print', { preHandler: requireUser }, (request, reply) => reportPage(request, reply, true));

  app.get<AuditParams>('/quality-audits/:auditId/report.csv', { preHandler: requireUser }, async (request, reply) => {
    const result = await qualityAuditReport(ctx, actor(request), request.params.auditId, 'csv');
    if (!result.ok) return sendErrorPage(reply, result.code);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${csvFileName(result.value.audit)}"`)
      .send(auditCsv(result.value.cases));
  });
}
