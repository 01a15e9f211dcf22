// Checking the answers to an audit's questions for one case (issue 16): every question answered yes,
// no or not applicable, with a note; a "no" needs a note that says what is missing, since the note is
// what the report's themes show. Pure.
import { AUDIT_ANSWERS, isAuditAnswer, QUESTION_IDS, type AuditAnswer, type QuestionId } from './audit-questions.ts';

export const AUDIT_NOTE_LIMIT = 2000;

export const ANSWER_PROBLEM_MESSAGES = {
  'answer-needed': 'Answer yes, no or not applicable.',
  'note-needed': 'Say what is missing or wrong: the report lists it under the themes.',
  'too-long': `The note must be ${String(AUDIT_NOTE_LIMIT)} characters or fewer.`,
} as const;
export type AnswerProblemCode = keyof typeof ANSWER_PROBLEM_MESSAGES;

export interface AnswerProblem {
  /** JSON pointer: /profile-current/answer, /seen-awake/note. */
  path: string;
  code: AnswerProblemCode;
}

export interface AnswerDraft {
  answer?: string;
  note?: string;
}

export interface CheckedAnswer {
  answer: AuditAnswer;
  /** Trimmed; may be empty unless the answer is no. */
  note: string;
}

export type CheckedAnswers = { ok: true; answers: Record<QuestionId, CheckedAnswer> } | { ok: false; problems: AnswerProblem[] };

const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export function checkAuditAnswers(drafts: Partial<Record<QuestionId, AnswerDraft>>): CheckedAnswers {
  const problems: AnswerProblem[] = [];
  const answers = {} as Record<QuestionId, CheckedAnswer>;
  for (const id of QUESTION_IDS) {
    const answer = trimmed(drafts[id]?.answer);
    const note = trimmed(drafts[id]?.note);
    if (!isAuditAnswer(answer)) problems.push({ path: `/${id}/answer`, code: 'answer-needed' });
    if (note.length > AUDIT_NOTE_LIMIT) problems.push({ path: `/${id}/note`, code: 'too-long' });
    else if (answer === 'no' && note === '') problems.push({ path: `/${id}/note`, code: 'note-needed' });
    answers[id] = { answer: isAuditAnswer(answer) ? answer : AUDIT_ANSWERS[0], note };
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}
