// Assessing a subject in one sitting (issue 14): every factor of the baby, one adult or the
// household answered on one page, with one piece of evidence for the visit, saved as ONE profile
// version through the one way to change a case (cases/change-case.ts). Only the factors whose answer
// changed are written; each is checked by the domain's rules for one factor (checkAssessment), and
// a page loaded before someone else's change is refused for each factor both changed, with theirs.
import { factorsFor } from '../../domain/catalogue/catalogue.ts';
import type { EvidenceSource } from '../../domain/catalogue/evidence-sources.ts';
import type { FactorId } from '../../domain/catalogue/factor-ids.ts';
import type { FactorStatus, SubstancePattern } from '../../domain/catalogue/statuses.ts';
import type { StressResponseId } from '../../domain/catalogue/stress-responses.ts';
import type { Subject } from '../../domain/catalogue/subjects.ts';
import { checkAssessment, type AssessmentProblem } from '../../domain/profile/assessment-rules.ts';
import { checkEvidenceSeenOn, seenOnMessage, type SeenOnProblem } from '../../domain/profile/evidence-seen-on.ts';
import type { EvidenceDirection, FactorAssessment, Protection } from '../../domain/profile/profile.types.ts';
import { sortAnswers, type HeldState, type OtherChange } from '../../domain/profile/subject-answers.ts';
import type { UserActor } from '../actor.ts';
import type { RaisedAlert } from '../alerts/raise-alerts.ts';
import { changeCase, type CaseChange, type CaseChangeOutcome } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

/** One factor's answer on the subject's page. */
export interface SubjectFactorAnswer {
  factorId: string;
  status: FactorStatus;
  detail?: string;
  pattern?: SubstancePattern;
  reason?: string;
  protection?: Protection;
  /** `harmful-stress-response` only. */
  responses?: StressResponseId[];
  /** What rules it out or shows it, for this factor alone; the visit's note when not given. */
  note?: string;
}

/** The one piece of evidence for the visit: it goes with every answer excluded or present at it. */
export interface VisitEvidence {
  source: EvidenceSource;
  note?: string;
  givenBy?: string;
  /** The day it was seen (YYYY-MM-DD): not after today, not before the record began; today when not given. */
  seenOn?: string;
}

export interface SubjectAssessment {
  /** `infant`, `household`, or the adult's person id. */
  subjectKey: string;
  answers: SubjectFactorAnswer[];
  evidence?: VisitEvidence;
  /** The profile version the page was loaded at. */
  profileVersion: number;
}

export interface AnswerProblem {
  factorId: string;
  problem: AssessmentProblem | 'evidence-source-needed';
}

export type AssessSubjectResult =
  | { ok: true; written: string[]; profileVersion: number; alerts: RaisedAlert[] }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string }
  | { ok: false; code: 'unknown-person'; message: string }
  | { ok: false; code: 'nothing-changed'; message: string }
  | { ok: false; code: 'version-conflict'; message: string; profileVersion: number; conflicts: OtherChange[] }
  | { ok: false; code: 'invalid'; message: string; problems: AnswerProblem[] }
  | { ok: false; code: 'evidence-date'; message: string; problem: SeenOnProblem };

export const subjectOf = (key: string): Subject => (key === 'infant' || key === 'household' ? key : 'adult');

/** The state a version keeps before and after (profile-history.ts's FactorSnapshot, with the partner's protection). */
export function heldState(row: { status: string; detail: string | null; pattern: string | null; reason: string | null; responses: readonly string[] | null; protection: Protection | null }): HeldState {
  return {
    status: row.status,
    detail: row.detail,
    pattern: row.pattern,
    reason: row.reason,
    ...(row.responses ? { responses: row.responses } : {}),
    ...(row.protection ? { protection: row.protection } : {}),
  };
}

/** The answer's evidence: the visit's, for an answer that excludes or shows the factor; none otherwise. */
export function evidenceFor(answer: SubjectFactorAnswer, visit: VisitEvidence | undefined): { source: EvidenceSource; note: string; indicates: EvidenceDirection; givenBy?: string; seenOn?: string } | null {
  if (visit === undefined || (answer.status !== 'excluded' && answer.status !== 'present')) return null;
  const note = answer.note?.trim() || visit.note?.trim() || (answer.status === 'present' ? answer.detail?.trim() : undefined);
  if (!note) return null;
  return { source: visit.source, note, indicates: answer.status === 'excluded' ? 'absent' : 'present', ...(visit.givenBy?.trim() ? { givenBy: visit.givenBy.trim() } : {}), ...(visit.seenOn ? { seenOn: visit.seenOn } : {}) };
}

/** The evidence a subject's factor already holds, as stored. */
export interface HeldEvidenceRow {
  factor_id: string;
  source: string;
  note: string;
  indicates: EvidenceDirection;
  recorded_at: Date;
}

/** The assessment an answer makes, with the evidence the factor holds and the visit's for it (`visitEvidence`, stamped with when and by whom). */
export function assessmentOf(
  answer: SubjectFactorAnswer,
  subject: Subject,
  key: string,
  held: readonly HeldEvidenceRow[],
  visitEvidence: (NonNullable<ReturnType<typeof evidenceFor>> & { recordedAt: string; recordedBy: string; agency: string }) | null,
): FactorAssessment {
  return {
    factorId: answer.factorId as FactorId,
    subject,
    ...(subject === 'adult' ? { personId: key } : {}),
    status: answer.status,
    ...(answer.detail?.trim() ? { detail: answer.detail.trim() } : {}),
    ...(answer.pattern ? { pattern: answer.pattern } : {}),
    ...(answer.reason?.trim() ? { reason: answer.reason.trim() } : {}),
    ...(answer.protection ? { protection: answer.protection } : {}),
    ...(answer.responses ? { responses: [...new Set(answer.responses)] } : {}),
    evidence: [
      ...held.filter((e) => e.factor_id === answer.factorId).map((e) => ({ source: e.source as EvidenceSource, note: e.note, indicates: e.indicates, recordedAt: e.recorded_at.toISOString(), recordedBy: '', agency: '' })),
      ...(visitEvidence ? [visitEvidence] : []),
    ],
  };
}

/** What stops an answer being written: a note of its own without the visit's evidence to go with it, and the domain's rules for one factor. */
export function answerProblems(answer: SubjectFactorAnswer, visit: VisitEvidence | undefined, assessment: FactorAssessment): AnswerProblem[] {
  return [
    ...(answer.note?.trim() && visit === undefined ? [{ factorId: answer.factorId, problem: 'evidence-source-needed' as const }] : []),
    ...checkAssessment(assessment).map((problem) => ({ factorId: answer.factorId, problem })),
  ];
}

/** `submission`: the one-time id of the form it was posted from, noted with what it records so that a second post is answered as the first, not refused as stale (ADR 0026). */
export async function assessSubject(ctx: AppContext, actor: UserActor, caseId: string, assessment: SubjectAssessment, submission?: string): Promise<AssessSubjectResult> {
  return changeCase<AssessSubjectResult>(
    ctx,
    actor,
    caseId,
    { action: 'profile.subject-assess', refusalSubject: { subjectType: 'subject', subjectId: assessment.subjectKey }, submission },
    (refusal) => ({ ok: false, ...refusal }),
    (given) => recordSubject(given, assessment),
  );
}

/** Changes to the subject's factors saved since the page was loaded, by factor: the state the page showed, the last state and who. */
async function changesSince({ trx, record }: CaseChange, key: string, loadedAt: number): Promise<Map<string, OtherChange>> {
  const others = new Map<string, OtherChange>();
  if (loadedAt >= record.profileVersion) return others;
  const rows = await trx
    .selectFrom('profile_versions')
    .select(['version', 'factor_id', 'change', 'changed_at', 'changed_by_name'])
    .where('case_id', '=', record.id)
    .where('kind', '=', 'factor')
    .where('subject_key', '=', key)
    .where('version', '>', loadedAt)
    .orderBy('version')
    .execute();
  for (const row of rows) {
    const change = row.change as { before?: HeldState | null; after?: HeldState | null; factors?: { factorId: string; before: HeldState | null; after: HeldState | null }[] };
    const changed = change.factors ?? (row.factor_id ? [{ factorId: row.factor_id, before: change.before ?? null, after: change.after ?? null }] : []);
    for (const factor of changed) {
      const first = others.get(factor.factorId);
      others.set(factor.factorId, { factorId: factor.factorId, loaded: first ? first.loaded : factor.before, theirs: factor.after, by: row.changed_by_name ?? 'Someone', at: row.changed_at.toISOString() });
    }
  }
  return others;
}

/** The visit's evidence dated: the day it was seen, checked against today and the day the record began; today when not given. */
async function datedEvidence({ trx, record, today }: CaseChange, visit: VisitEvidence | undefined): Promise<{ ok: true; visit?: VisitEvidence } | { ok: false; problem: SeenOnProblem; message: string }> {
  if (visit === undefined) return { ok: true };
  if (visit.seenOn === undefined) return { ok: true, visit: { ...visit, seenOn: today } };
  const { created_at: began } = await trx.selectFrom('cases').select('created_at').where('id', '=', record.id).executeTakeFirstOrThrow();
  const recordBegan = serviceToday(began);
  const problem = checkEvidenceSeenOn(visit.seenOn, today, recordBegan);
  return problem === null ? { ok: true, visit } : { ok: false, problem, message: seenOnMessage(problem, recordBegan) };
}

async function recordSubject(given: CaseChange, assessment: SubjectAssessment): Promise<CaseChangeOutcome<AssessSubjectResult>> {
  const { trx, ctx, actor, recorder, record, now } = given;
  const caseId = record.id;
  const refuse = (answer: AssessSubjectResult): CaseChangeOutcome<AssessSubjectResult> => ({ changed: false, answer });
  const key = assessment.subjectKey;
  const subject = subjectOf(key);
  if (subject === 'adult') {
    const person = await trx.selectFrom('people').select('id').where('case_id', '=', caseId).where('id', '=', key).executeTakeFirst();
    if (!person) return refuse({ ok: false, code: 'unknown-person', message: 'That person is not in this record.' });
  }
  const assessable = new Set(factorsFor(subject).filter((f) => !f.derived).map((f) => f.id as string));
  const unknown = assessment.answers.filter((a) => !assessable.has(a.factorId));
  if (unknown.length > 0) return refuse({ ok: false, code: 'invalid', message: 'Some answers are not factors of this subject.', problems: unknown.map((a) => ({ factorId: a.factorId, problem: 'unknown-factor' })) });

  const [rows, evidenceRows, others] = await Promise.all([
    trx.selectFrom('profile_assessments').selectAll().where('case_id', '=', caseId).where('subject_key', '=', key).execute(),
    trx.selectFrom('profile_evidence').select(['factor_id', 'source', 'note', 'indicates', 'recorded_at']).where('case_id', '=', caseId).where('subject_key', '=', key).execute(),
    changesSince(given, key, assessment.profileVersion),
  ]);
  const current = new Map(rows.map((row) => [row.factor_id, row]));
  const held = new Map(rows.map((row) => [row.factor_id, { factorId: row.factor_id, ...heldState(row) }]));
  const { toWrite, conflicts } = sortAnswers(assessment.answers, held, others);
  if (conflicts.length > 0) {
    return refuse({
      ok: false,
      code: 'version-conflict',
      message: 'Someone else changed some of these factors while you were assessing. Look at their change beside yours, then save again.',
      profileVersion: record.profileVersion,
      conflicts: conflicts.map((c) => c.theirs),
    });
  }
  if (toWrite.length === 0) return refuse({ ok: false, code: 'nothing-changed', message: 'Nothing was changed: answer at least one factor, then save.' });
  const dated = await datedEvidence(given, assessment.evidence);
  if (!dated.ok) return refuse({ ok: false, code: 'evidence-date', message: dated.message, problem: dated.problem });
  const visit = dated.visit;

  const problems: AnswerProblem[] = [];
  const writes = toWrite.map((answer) => {
    const evidence = evidenceFor(answer, visit);
    const factorAssessment = assessmentOf(answer, subject, key, evidenceRows, evidence && { ...evidence, recordedAt: now.toISOString(), recordedBy: recorder.name, agency: recorder.organisation });
    problems.push(...answerProblems(answer, visit, factorAssessment));
    return { answer, factorAssessment, evidence, before: current.get(answer.factorId) };
  });
  if (problems.length > 0) return refuse({ ok: false, code: 'invalid', message: 'Some answers cannot be recorded like this: see the problems.', problems });

  for (const { answer, factorAssessment: a, before } of writes) {
    const columns = {
      person_id: a.personId ?? null,
      status: a.status,
      detail: a.detail ?? null,
      pattern: a.pattern ?? null,
      reason: a.reason ?? null,
      protection: a.protection ? JSON.stringify(a.protection) : null,
      responses: a.responses ? JSON.stringify(a.responses) : null,
      version: (before?.version ?? 0) + 1,
      updated_at: now,
      updated_by: actor.userId,
    };
    if (before) await trx.updateTable('profile_assessments').set(columns).where('case_id', '=', caseId).where('factor_id', '=', answer.factorId).where('subject_key', '=', key).execute();
    else await trx.insertInto('profile_assessments').values({ case_id: caseId, factor_id: answer.factorId, subject_key: key, ...columns }).execute();
  }
  const withEvidence = writes.flatMap((w) => (w.evidence ? [{ factorId: w.answer.factorId, evidence: w.evidence }] : []));
  if (withEvidence.length > 0) {
    await trx
      .insertInto('profile_evidence')
      .values(
        withEvidence.map(({ factorId, evidence }) => ({
          case_id: caseId,
          id: ctx.newId(),
          factor_id: factorId,
          subject_key: key,
          source: evidence.source,
          note: evidence.note,
          indicates: evidence.indicates,
          given_by: evidence.givenBy ?? null,
          recorded_at: now,
          recorded_by: actor.userId,
          recorded_by_name: recorder.name,
          agency: recorder.organisation,
          event_id: null,
          seen_on: evidence.seenOn ?? null,
        })),
      )
      .execute();
  }
  const factors = writes.map(({ answer, factorAssessment: a, evidence, before }) => ({
    factorId: answer.factorId,
    before: before ? heldState(before) : null,
    after: heldState({ status: a.status, detail: a.detail ?? null, pattern: a.pattern ?? null, reason: a.reason ?? null, responses: a.responses ?? null, protection: a.protection ?? null }),
    evidenceAdded: evidence ? [{ source: evidence.source, note: evidence.note, indicates: evidence.indicates, ...(evidence.seenOn ? { seenOn: evidence.seenOn } : {}) }] : [],
  }));
  const written = writes.map((w) => w.answer.factorId);
  return {
    changed: true,
    version: {
      kind: 'factor',
      subjectKey: key,
      change: { factors, evidenceAdded: factors.flatMap((f) => f.evidenceAdded) },
      why: visit?.note?.trim() || null,
    },
    entriesAdded: [],
    audit: ({ profileVersion, alerts }) => ({
      action: 'profile.subject-assess',
      caseId,
      subjectType: 'subject',
      subjectId: key,
      details: { factors: written, profileVersion, evidenceAdded: withEvidence.length, ...(alerts.length > 0 ? { alerts: alerts.map((a) => a.id) } : {}) },
    }),
    answer: ({ profileVersion, alerts }) => ({ ok: true, written, profileVersion, alerts }),
    recordId: key,
  };
}
