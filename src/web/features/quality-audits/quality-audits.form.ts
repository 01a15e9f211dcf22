// The two forms of a quality assurance audit: starting one (every case or a sample, its size, an
// earlier seed) and answering one case (`answer-<question>` yes, no or not applicable, and
// `note-<question>`), read as typed so an error shows them again, and the domain's problems turned
// into GOV.UK errors on the field they are about, in the order of the form.
import { ANSWER_PROBLEM_MESSAGES, AUDIT_NOTE_LIMIT, type AnswerProblem } from '../../../domain/quality-audits/audit-answers.ts';
import { AUDIT_QUESTIONS, QUESTION_IDS, type QuestionId } from '../../../domain/quality-audits/audit-questions.ts';
import { START_PROBLEM_MESSAGES, type StartProblem } from '../../../domain/quality-audits/audit-scope.ts';
import { tooLongMessage } from '../../forms/too-long.ts';
import { formErrors, type FormErrors } from '../../forms/validate-form.ts';

/** A field exactly as typed, however long: a form given back must hold all of it (the domain refuses what is too long). */
const str = (body: unknown, key: string): string => {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : '';
};

export interface StartFormValues {
  scope: string;
  sampleSize: string;
  seed: string;
  organisationId: string;
}

export function readStartForm(body: unknown): StartFormValues {
  return { scope: str(body, 'scope'), sampleSize: str(body, 'sampleSize').trim(), seed: str(body, 'seed').trim(), organisationId: str(body, 'organisationId') };
}

const START_FIELDS: Record<string, string> = { '/organisationId': 'scope', '/scope': 'scope', '/sampleSize': 'sampleSize', '/seed': 'seed' };

export function startFormErrors(problems: readonly StartProblem[]): FormErrors {
  const errors: Record<string, string> = {};
  for (const field of ['scope', 'sampleSize', 'seed']) {
    const problem = problems.find((p) => START_FIELDS[p.path] === field);
    if (problem) errors[field] = START_PROBLEM_MESSAGES[problem.code];
  }
  return formErrors(errors);
}

export type AnswerFormValues = Record<QuestionId, { answer: string; note: string }>;

export function readAnswerForm(body: unknown): AnswerFormValues {
  return Object.fromEntries(QUESTION_IDS.map((id) => [id, { answer: str(body, `answer-${id}`), note: str(body, `note-${id}`) }])) as AnswerFormValues;
}

/** The answers given so far, as the form shows them. */
export function answerFormFrom(given: Partial<Record<QuestionId, { answer: string; note: string }>>): AnswerFormValues {
  return Object.fromEntries(QUESTION_IDS.map((id) => [id, { answer: given[id]?.answer ?? '', note: given[id]?.note ?? '' }])) as AnswerFormValues;
}

/** "The note on “Has the baby been seen awake?” must be 2,000 characters or fewer: you have 2,001.". */
function noteTooLong(id: QuestionId, values: AnswerFormValues): string {
  const question = AUDIT_QUESTIONS.find((q) => q.id === id)?.question ?? id;
  return tooLongMessage({ label: `The note on “${question}”`, limit: AUDIT_NOTE_LIMIT }, values[id].note) ?? ANSWER_PROBLEM_MESSAGES['too-long'];
}

export function answerFormErrors(problems: readonly AnswerProblem[], values: AnswerFormValues): FormErrors {
  const errors: Record<string, string> = {};
  for (const id of QUESTION_IDS) {
    for (const part of ['answer', 'note'] as const) {
      const problem = problems.find((p) => p.path === `/${id}/${part}`);
      if (problem) errors[`${part}-${id}`] = problem.code === 'too-long' ? noteTooLong(id, values) : ANSWER_PROBLEM_MESSAGES[problem.code];
    }
  }
  return formErrors(errors);
}
