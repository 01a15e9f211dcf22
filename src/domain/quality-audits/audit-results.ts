// The results of a quality assurance audit (issue 16): for each question, how many cases were
// answered yes, no and not applicable, and the share of yes and no among the cases it applied to;
// and the themes: the questions most often answered no, most first, each with the cases and what the
// auditor noted. A case not yet answered counts as not answered; the shares are of the answered
// cases the question applied to, in whole per cent (half up). Pure.
import { AUDIT_QUESTIONS, type AuditAnswer, type QuestionId } from './audit-questions.ts';

export interface AnsweredCase {
  caseId: string;
  babyName: string;
  /** Empty until the case is answered. */
  answers: Partial<Record<QuestionId, { answer: AuditAnswer; note: string }>>;
}

export interface QuestionResult {
  id: QuestionId;
  question: string;
  short: string;
  yes: number;
  no: number;
  notApplicable: number;
  notAnswered: number;
  /** Of yes and no together; null when the question applied to no answered case. */
  percentYes: number | null;
  percentNo: number | null;
}

export interface Theme {
  id: QuestionId;
  question: string;
  no: number;
  cases: { caseId: string; babyName: string; note: string }[];
}

export interface AuditResults {
  cases: number;
  /** Cases with every question answered. */
  answered: number;
  questions: QuestionResult[];
  /** Questions answered no at least once, most often first (ties in the questions' order). */
  themes: Theme[];
}

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part * 100) / whole));

export function auditResults(cases: readonly AnsweredCase[]): AuditResults {
  const questions = AUDIT_QUESTIONS.map((q): QuestionResult => {
    const given = cases.map((c) => c.answers[q.id]?.answer);
    const yes = given.filter((a) => a === 'yes').length;
    const no = given.filter((a) => a === 'no').length;
    const notApplicable = given.filter((a) => a === 'not-applicable').length;
    return { id: q.id, question: q.question, short: q.short, yes, no, notApplicable, notAnswered: cases.length - yes - no - notApplicable, percentYes: percent(yes, yes + no), percentNo: percent(no, yes + no) };
  });
  const themes = AUDIT_QUESTIONS.map((q): Theme => ({
    id: q.id,
    question: q.question,
    no: 0,
    cases: cases.flatMap((c) => {
      const answer = c.answers[q.id];
      return answer?.answer === 'no' ? [{ caseId: c.caseId, babyName: c.babyName, note: answer.note }] : [];
    }),
  }))
    .map((theme) => ({ ...theme, no: theme.cases.length }))
    .filter((theme) => theme.no > 0);
  const order = (id: QuestionId) => AUDIT_QUESTIONS.findIndex((q) => q.id === id);
  themes.sort((a, b) => b.no - a.no || order(a.id) - order(b.id));
  const answered = cases.filter((c) => AUDIT_QUESTIONS.every((q) => c.answers[q.id] !== undefined)).length;
  return { cases: cases.length, answered, questions, themes };
}
