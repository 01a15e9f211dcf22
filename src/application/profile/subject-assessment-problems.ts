// What assessSubject would refuse a subject's answers for and the user puts right on the page, found
// without writing or auditing anything: the day the visit's evidence was seen (before the record
// began, after today) and each changed answer's problems (assess-subject.ts answerProblems, with the
// evidence the factor holds). For the subject's page, so that its own checks, the day's and the
// domain's show in one pass (web/forms/all-errors.ts). A change someone else made meanwhile is not a
// problem with the answers: assessSubject still refuses it when saving, with theirs beside.
import { checkEvidenceSeenOn, seenOnMessage, type SeenOnProblem } from '../../domain/profile/evidence-seen-on.ts';
import { sortAnswers } from '../../domain/profile/subject-answers.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { UserActor } from '../actor.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import type { AppContext } from '../context.ts';
import { answerProblems, assessmentOf, evidenceFor, heldState, subjectOf, type AnswerProblem, type SubjectAssessment } from './assess-subject.ts';

export interface SubjectAssessmentProblems {
  problems: AnswerProblem[];
  /** The day the evidence was seen cannot be that day, and the words to fix it; null when it can. */
  seenOn: { problem: SeenOnProblem; message: string } | null;
}

const NONE: SubjectAssessmentProblems = { problems: [], seenOn: null };

/** Every problem with the answers as the record stands; none for someone who may not change the case (the page has checked and audited that). */
export async function subjectAssessmentProblems(ctx: AppContext, actor: UserActor, caseId: string, assessment: Omit<SubjectAssessment, 'profileVersion'>): Promise<SubjectAssessmentProblems> {
  const now = ctx.clock.now();
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed || !access.canChange) return NONE;
  const key = assessment.subjectKey;
  const [record, rows, evidenceRows] = await Promise.all([
    ctx.db.selectFrom('cases').select('created_at').where('id', '=', caseId).executeTakeFirst(),
    ctx.db.selectFrom('profile_assessments').selectAll().where('case_id', '=', caseId).where('subject_key', '=', key).execute(),
    ctx.db.selectFrom('profile_evidence').select(['factor_id', 'source', 'note', 'indicates', 'recorded_at']).where('case_id', '=', caseId).where('subject_key', '=', key).execute(),
  ]);
  if (!record) return NONE;
  const visit = assessment.evidence;
  const recordBegan = serviceToday(record.created_at);
  const problem = visit?.seenOn === undefined ? null : checkEvidenceSeenOn(visit.seenOn, serviceToday(now), recordBegan);
  const held = new Map(rows.map((row) => [row.factor_id, { factorId: row.factor_id, ...heldState(row) }]));
  const { toWrite } = sortAnswers(assessment.answers, held, new Map());
  const subject = subjectOf(key);
  const stamp = { recordedAt: now.toISOString(), recordedBy: '', agency: '' };
  return {
    problems: toWrite.flatMap((answer) => {
      const evidence = evidenceFor(answer, visit);
      return answerProblems(answer, visit, assessmentOf(answer, subject, key, evidenceRows, evidence && { ...evidence, ...stamp }));
    }),
    seenOn: problem === null ? null : { problem, message: seenOnMessage(problem, recordBegan) },
  };
}
