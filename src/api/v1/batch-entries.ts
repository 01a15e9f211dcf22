// One entry of a batch feed: a case id and the fields of POST /cases/{caseId}/events, checked on its
// own (with the options Fastify checks a single event with) so that one bad entry rejects only
// itself, and its problems are reported at paths into the batch (`/entries/3/occurredAt`).
import { Type, type Static } from 'typebox';
import type { BatchItem, BatchRejection } from '../../application/chronology/record-batch.ts';
import { ENTRY_PROBLEM_MESSAGES } from '../../domain/chronology/entry-rules.ts';
import { planCheckProblemMessage } from '../../domain/plan/plan-checks.ts';
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../../domain/shared/storable-text.ts';
import { validationDetail, type ApiErrorDetail } from '../api-error.ts';
import { compileBodySchema } from '../request-validation.ts';
import { inPlainWords } from '../schema-error-words.ts';
import { EventBody } from './events.routes.ts';

export const BatchEntry = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 100 }), ...EventBody.properties }, { additionalProperties: false });

export interface ApiRejection {
  index: number;
  code: string;
  message: string;
  details: ApiErrorDetail[];
}

const validate = compileBodySchema<Static<typeof BatchEntry>>(BatchEntry);

export const entryPath = (index: number, path = '') => `/entries/${String(index)}${path}`;

/** The entry as a batch item, or why it is not one. */
export function readBatchEntry(raw: unknown, index: number): { ok: true; item: BatchItem } | { ok: false; rejection: ApiRejection } {
  const unstorable = findUnstorableText(raw);
  if (unstorable !== undefined) {
    return { ok: false, rejection: { index, code: 'validation-failed', message: 'The entry is not valid: see details.', details: [{ path: entryPath(index, unstorable === '/' ? '' : unstorable), message: UNSTORABLE_TEXT_MESSAGE }] } };
  }
  if (validate(raw)) {
    const { caseId, ...entry } = raw;
    return { ok: true, item: { index, caseId, entry } };
  }
  const details = inPlainWords(validate.errors ?? []).map((error) => {
    const detail = validationDetail(error);
    return { path: entryPath(index, detail.path === '/' ? '' : detail.path), message: detail.message };
  });
  return { ok: false, rejection: { index, code: 'validation-failed', message: 'The entry is not valid: see details.', details } };
}

/** A rejection by the use case, in the API's words. */
export function apiRejection(rejection: BatchRejection): ApiRejection {
  const { index } = rejection;
  if (rejection.code === 'invalid') {
    const details = [
      ...rejection.problems.map((problem) => ({ path: entryPath(index, problem.path), message: ENTRY_PROBLEM_MESSAGES[problem.code] })),
      ...(rejection.planCheckProblems ?? []).map((problem) => ({ path: entryPath(index, problem.path), message: planCheckProblemMessage(problem) })),
    ];
    return { index, code: 'invalid-entry', message: rejection.message, details };
  }
  const path = rejection.code === 'unknown-correction' || rejection.code === 'already-corrected' ? '/corrects' : '/caseId';
  return { index, code: rejection.code, message: rejection.message, details: [{ path: entryPath(index, path), message: rejection.message }] };
}
