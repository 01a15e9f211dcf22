// The subject's page as a form: every factor's answer under names of its own (status-<factor>,
// detail-<factor> ...), and the visit's one piece of evidence with the day it was seen. Turns a body into the use case's
// answers, or into GOV.UK errors that link to the field, keeping everything typed.
import { factorById } from '../../../domain/catalogue/catalogue.ts';
import { EVIDENCE_SOURCE_IDS, isEvidenceSource } from '../../../domain/catalogue/evidence-sources.ts';
import { isFactorStatus, isSubstancePattern } from '../../../domain/catalogue/statuses.ts';
import { isStressResponseId } from '../../../domain/catalogue/stress-responses.ts';
import type { AnswerProblem, SubjectFactorAnswer, VisitEvidence } from '../../../application/profile/assess-subject.ts';
import type { SubjectAssessmentProblems } from '../../../application/profile/subject-assessment-problems.ts';
import { AllErrors } from '../../forms/all-errors.ts';
import { PARTS, readDateInput, type DatePartErrors, type Values } from '../../forms/date-input.ts';
import { ASSESSMENT_PROBLEM_MESSAGES } from './factor.schema.ts';

/** What the page shows in its fields: text by name, and the ticked boxes of the response to stress. */
export type SubjectValues = Record<string, string | string[]>;

const factorLabel = (factorId: string) => factorById(factorId)?.label ?? factorId;

export const field = (name: string, factorId: string) => `${name}-${factorId}`;

const LIMITS: Record<string, number> = { detail: 4000, reason: 4000, note: 4000, protectionHow: 2000, protectionWhen: 2000, evidenceNote: 4000, evidenceGivenBy: 200 };

function read(body: unknown): SubjectValues {
  if (body === null || typeof body !== 'object') return {};
  const values: SubjectValues = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === '_csrf') continue;
    if (typeof value === 'string') values[key] = key.startsWith('responses-') ? [value.trim()] : value.trim();
    else if (Array.isArray(value)) {
      const strings = value.filter((v): v is string => typeof v === 'string').map((v) => v.trim());
      values[key] = key.startsWith('responses-') ? strings : (strings[0] ?? '');
    }
  }
  return values;
}

export type SubjectForm =
  | { ok: true; values: SubjectValues; answers: SubjectFactorAnswer[]; evidence?: VisitEvidence; profileVersion: number }
  | { ok: false; values: SubjectValues; errors: Record<string, string>; dateParts?: DatePartErrors; answers: SubjectFactorAnswer[]; evidence?: VisitEvidence };

/** The GOV.UK date input of the day the visit's evidence was seen: evidenceSeenOn-day, -month and -year. */
export const SEEN_ON = 'evidenceSeenOn';

/** The answers for the given factors (in page order), each problem as the field and the words to fix it. */
export function readSubjectForm(factorIds: readonly string[], body: unknown): SubjectForm {
  const values = read(body);
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : '';
  };
  const errors: Record<string, string> = {};
  const tooLong = (name: string, limitKey: string, label: string) => {
    const limit = LIMITS[limitKey]!;
    if (text(name).length > limit) errors[name] = `${label} must be ${limit.toLocaleString('en-GB')} characters or fewer`;
  };
  const answers: SubjectFactorAnswer[] = [];
  for (const factorId of factorIds) {
    const label = factorLabel(factorId);
    const status = text(field('status', factorId));
    // Each factor's radios come checked with what the record holds: one not sent is left as it is.
    if (status === '') continue;
    if (!isFactorStatus(status)) {
      errors[field('status', factorId)] = `${label}: select what you found`;
      continue;
    }
    for (const [name, words] of [['detail', 'What is known'], ['reason', 'Why it cannot be assessed'], ['note', 'What rules it out'], ['protectionHow', 'How the partner protects the baby'], ['protectionWhen', 'When they are there']] as const) {
      tooLong(field(name, factorId), name, `${label}: ${words}`);
    }
    const pattern = text(field('pattern', factorId));
    if (pattern !== '' && !isSubstancePattern(pattern)) errors[field('pattern', factorId)] = `${label}: select whether the use is stable or chaotic`;
    const ticked = values[field('responses', factorId)];
    const responses = (Array.isArray(ticked) ? ticked : []).filter((r) => r !== '');
    if (responses.some((r) => !isStressResponseId(r))) errors[field('responses', factorId)] = `${label}: select how they respond to stress from the list`;
    // Only what goes with the answer chosen: text under another answer, revealed without JavaScript, is not sent on.
    const detail = status === 'present' ? text(field('detail', factorId)) : '';
    const reason = status === 'cannot-assess' ? text(field('reason', factorId)) : '';
    const note = status === 'excluded' ? text(field('note', factorId)) : '';
    const how = text(field('protectionHow', factorId));
    const when = text(field('protectionWhen', factorId));
    answers.push({
      factorId,
      status,
      ...(detail ? { detail } : {}),
      ...(status === 'present' && isSubstancePattern(pattern) ? { pattern } : {}),
      ...(reason ? { reason } : {}),
      ...(note ? { note } : {}),
      ...(factorId === 'supportive-partner' && status === 'present' && (how || when) ? { protection: { how, whenPresent: when } } : {}),
      ...(factorId === 'harmful-stress-response' ? { responses: status === 'present' ? responses.filter(isStressResponseId) : [] } : {}),
    });
  }
  const source = text('evidenceSource');
  if (source !== '' && !isEvidenceSource(source)) errors['evidenceSource'] = `Select where the evidence comes from: one of ${String(EVIDENCE_SOURCE_IDS.length)} choices`;
  tooLong('evidenceNote', 'evidenceNote', 'What was seen, said or checked');
  tooLong('evidenceGivenBy', 'evidenceGivenBy', 'Who said it');
  if (text('evidenceNote') !== '' && source === '') errors['evidenceSource'] = 'Select where the evidence from this visit comes from';
  const dateParts: DatePartErrors = {};
  const seenOn = readDateInput(values as Values, { prefix: SEEN_ON, label: 'The date the evidence was seen', enter: 'Enter the date the evidence was seen' }, false);
  if (!seenOn.ok) {
    errors[seenOn.field] = seenOn.text;
    dateParts[SEEN_ON] = seenOn.parts;
  }
  const profileVersion = text('profileVersion');
  if (!/^\d+$/.test(profileVersion)) errors['profileVersion'] = 'Reload the page and try again';
  const evidence: VisitEvidence | undefined = isEvidenceSource(source)
    ? { source, ...(text('evidenceNote') ? { note: text('evidenceNote') } : {}), ...(text('evidenceGivenBy') ? { givenBy: text('evidenceGivenBy') } : {}), ...(seenOn.ok && seenOn.iso ? { seenOn: seenOn.iso } : {}) }
    : undefined;
  // Refused, with what could be read: the answers and evidence go on to the record's checks, so every error shows at once.
  if (Object.keys(errors).length > 0) return { ok: false, values, errors, dateParts, answers, ...(evidence ? { evidence } : {}) };
  return { ok: true, values, answers, ...(evidence ? { evidence } : {}), profileVersion: Number(profileVersion) };
}

/** The use case's problems as errors on each factor's field, named by the factor. */
export function problemErrors(problems: readonly AnswerProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { factorId, problem } of problems) {
    const label = factorLabel(factorId);
    if (problem === 'evidence-source-needed') {
      errors['evidenceSource'] = 'Select where the evidence from this visit comes from';
      continue;
    }
    if (problem === 'exclusion-needs-evidence') {
      errors[field('note', factorId)] = `${label}: to exclude this, say what rules it out, here or in the evidence from this visit, and where it comes from`;
      continue;
    }
    const message = ASSESSMENT_PROBLEM_MESSAGES[problem];
    const name = message ? (message.field === 'evidenceNote' ? 'note' : message.field) : 'status';
    errors[field(name, factorId)] = `${label}: ${message ? message.text.charAt(0).toLowerCase() + message.text.slice(1) : 'this answer cannot be recorded'}`;
  }
  return errors;
}

/** The page's fields in the order it asks them: each factor's answer and the fields under it, then the visit's evidence. */
function fieldOrder(factorIds: readonly string[]): string[] {
  const underEach = ['status', 'note', 'responses', 'detail', 'pattern', 'protectionHow', 'protectionWhen', 'reason'];
  return [...factorIds.flatMap((factorId) => underEach.map((name) => field(name, factorId))), 'evidenceSource', 'evidenceNote', 'evidenceGivenBy', SEEN_ON, 'profileVersion'];
}

/**
 * Every error of the page in one pass (web/forms/all-errors.ts), in the page's order: the form's own
 * (what could not be read, a text too long), then the day the evidence was seen and each answer's
 * problems as the record stands (application/profile/subject-assessment-problems.ts), a field keeping
 * the first message it was given.
 */
export function subjectErrors(factorIds: readonly string[], form: { errors: Record<string, string>; dateParts?: DatePartErrors }, found: SubjectAssessmentProblems): { errors: Record<string, string>; dateParts: DatePartErrors } {
  const all = new AllErrors(fieldOrder(factorIds));
  for (const [name, text] of Object.entries(form.errors)) all.add(name, text, name.startsWith(`${SEEN_ON}-`) ? form.dateParts?.[SEEN_ON] : undefined);
  if (found.seenOn) all.add(`${SEEN_ON}-day`, found.seenOn.message, PARTS);
  for (const [name, text] of Object.entries(problemErrors(found.problems))) all.add(name, text);
  const { fieldErrors, dateParts } = all.result();
  return { errors: Object.fromEntries(Object.entries(fieldErrors).map(([name, error]) => [name, error.text])), dateParts };
}
