// One case in an audit (issue 16): what the record says beside each question (worked out now, from
// the profile as the rules see it, the chronology, the plan and the case's supervisions:
// domain/quality-audits/record-says.ts), and the answers given so far. Opening it is a look at the
// case (quality-audit.case-view, with the case); answering it stores every answer with what the record
// said beside it (quality-audit.answer). A slip in the answers is audited as a failure and stores nothing.
import { mayAnswerAudit } from '../../domain/quality-audits/audit-access.ts';
import { checkAuditAnswers, type AnswerDraft, type AnswerProblem } from '../../domain/quality-audits/audit-answers.ts';
import { QUESTION_IDS, type QuestionId } from '../../domain/quality-audits/audit-questions.ts';
import { recordSays, type RecordSays } from '../../domain/quality-audits/record-says.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import { noteSubmission } from '../cases/form-submissions.ts';
import type { AppContext } from '../context.ts';
import { readCurrentPlan } from '../plan/plan-rows.ts';
import { evaluateStoredProfile } from '../profile/profile-facts.ts';
import { recorderFor } from '../recorder.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { openAuditCase, type Refusal } from './open-audit.ts';
import { readAuditCases, type AuditCase, type QualityAudit } from './quality-audit-rows.ts';

export interface AuditCaseView {
  audit: QualityAudit;
  auditCase: AuditCase;
  says: Record<QuestionId, RecordSays>;
  /** Its place in the audit (1-based), of how many, and the next case not yet answered after it. */
  place: number;
  of: number;
  nextUnanswered: string | null;
  canAnswer: boolean;
}

async function readRecordSays(ctx: AppContext, caseId: string, today: string): Promise<Record<QuestionId, RecordSays> | null> {
  const { settings } = await settingsInForce(ctx);
  const [evaluated, plan, supervision] = await Promise.all([
    evaluateStoredProfile(ctx.db, caseId, today, settings),
    readCurrentPlan(ctx.db, caseId),
    ctx.db.selectFrom('case_supervisions').select((eb) => eb.fn.max('held_on').as('last')).where('case_id', '=', caseId).executeTakeFirst(),
  ]);
  if (!evaluated) return null;
  const { stored, evaluation, review } = evaluated;
  return recordSays({
    status: stored.facts.infant.status,
    today,
    review,
    lastReviewedOn: stored.facts.lastReviewedAt,
    subjects: evaluation.subjects,
    people: stored.facts.people,
    chronology: stored.chronology,
    plan: plan ? { since: serviceToday(new Date(plan.recordedAt)), checkItems: plan.checkItems.length } : null,
    lastSupervisedOn: supervision?.last ?? null,
    supervisionPeriodDays: settings.supervisionPeriodDays,
  });
}

const complete = (c: AuditCase) => QUESTION_IDS.every((id) => c.answers[id] !== undefined);

export async function viewAuditCase(ctx: AppContext, actor: UserActor, auditId: string, caseId: string): Promise<{ ok: true; value: AuditCaseView } | Refusal> {
  const opened = await openAuditCase(ctx, actor, auditId, caseId, 'quality-audit.case-view', 'read');
  if (!opened.ok) return opened;
  const today = serviceToday(ctx.clock.now());
  const [cases, says] = await Promise.all([readAuditCases(ctx.db, auditId), readRecordSays(ctx, caseId, today)]);
  const index = cases.findIndex((c) => c.caseId === caseId);
  const auditCase = cases[index];
  if (!auditCase || !says) return { ok: false, code: 'not-found', message: 'This case is not in the audit.' };
  const after = [...cases.slice(index + 1), ...cases.slice(0, index)];
  await recordAuditAlone(ctx, actor, { action: 'quality-audit.case-view', caseId, subjectType: 'quality-audit', subjectId: auditId, details: { basis: opened.caseAccess.allowed ? opened.caseAccess.basis : null } });
  return {
    ok: true,
    value: {
      audit: opened.audit,
      auditCase,
      says,
      place: index + 1,
      of: cases.length,
      nextUnanswered: after.find((c) => !complete(c))?.caseId ?? null,
      canAnswer: mayAnswerAudit(actor, opened.audit),
    },
  };
}

export type AnswerAuditCaseResult = { ok: true; value: { nextUnanswered: string | null } } | Refusal | { ok: false; code: 'invalid'; message: string; problems: AnswerProblem[] };

/** `submission`: the one-time id of the form it was posted from, noted with the answers so that a second post records nothing (ADR 0026). */
export async function answerAuditCase(ctx: AppContext, actor: UserActor, auditId: string, caseId: string, drafts: Partial<Record<QuestionId, AnswerDraft>>, submission?: string): Promise<AnswerAuditCaseResult> {
  const action = 'quality-audit.answer';
  const opened = await openAuditCase(ctx, actor, auditId, caseId, action, 'answer');
  if (!opened.ok) return opened;
  const checked = checkAuditAnswers(drafts);
  const subject = { caseId, subjectType: 'quality-audit', subjectId: auditId };
  if (!checked.ok) {
    await recordAuditAlone(ctx, actor, { action, outcome: 'failure', ...subject, details: { reason: 'invalid', problems: [...new Set(checked.problems.map((p) => p.code))] } });
    return { ok: false, code: 'invalid', message: 'The answers cannot be saved like this: see the problems.', problems: checked.problems };
  }
  const now = ctx.clock.now();
  const says = await readRecordSays(ctx, caseId, serviceToday(now));
  if (!says) return { ok: false, code: 'not-found', message: 'This case is not in the audit.' };
  await ctx.db.transaction().execute(async (trx) => {
    const recorder = await recorderFor(trx, actor);
    const rows = QUESTION_IDS.map((question) => ({
      audit_id: auditId,
      case_id: caseId,
      question,
      answer: checked.answers[question].answer,
      note: checked.answers[question].note,
      record_said: says[question].words,
      answered_at: now,
      answered_by: actor.userId,
      answered_by_name: recorder.name,
    }));
    await trx
      .insertInto('quality_audit_answers')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['audit_id', 'case_id', 'question']).doUpdateSet((eb) => ({
          answer: eb.ref('excluded.answer'),
          note: eb.ref('excluded.note'),
          record_said: eb.ref('excluded.record_said'),
          answered_at: eb.ref('excluded.answered_at'),
          answered_by: eb.ref('excluded.answered_by'),
          answered_by_name: eb.ref('excluded.answered_by_name'),
        })),
      )
      .execute();
    await recordAudit(trx, ctx, actor, { action, ...subject, details: { answers: Object.fromEntries(QUESTION_IDS.map((q) => [q, checked.answers[q].answer])) } });
    if (submission !== undefined) await noteSubmission(trx, actor, now, { caseId, submissionId: submission, action, recordId: auditId });
  });
  return { ok: true, value: { nextUnanswered: await nextUnansweredAfter(ctx, auditId, caseId) } };
}

/** The next case of the audit after this one with a question unanswered: where answering one goes next, and answering it again (ADR 0026). */
export async function nextUnansweredAfter(ctx: AppContext, auditId: string, caseId: string): Promise<string | null> {
  const cases = await readAuditCases(ctx.db, auditId);
  const index = cases.findIndex((c) => c.caseId === caseId);
  const after = [...cases.slice(index + 1), ...cases.slice(0, index)];
  return after.find((c) => !complete(c))?.caseId ?? null;
}
