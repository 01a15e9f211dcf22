// What makes one stored assessment acceptable (docs/domain.md, "Statuses"): the use case that saves a
// factor calls this; the profile reports the same problems for anything already stored.
import { factorById } from '../catalogue/catalogue.ts';
import { isHarmfulStressResponse } from '../catalogue/stress-responses.ts';
import { directionOf } from './evidence-tally.ts';
import type { FactorAssessment, ProfileProblemCode } from './profile.types.ts';

export type AssessmentProblem = Extract<
  ProfileProblemCode,
  | 'unknown-factor'
  | 'derived-factor-stored'
  | 'subject-mismatch'
  | 'person-needed'
  | 'person-not-expected'
  | 'exclusion-needs-evidence'
  | 'detail-needed'
  | 'pattern-needed'
  | 'reason-needed'
  | 'responses-not-expected'
  | 'harmful-response-but-excluded'
>;

const blank = (text: string | undefined) => text === undefined || text.trim() === '';

/** The problems with an assessment; empty when it can be stored. */
export function checkAssessment(assessment: FactorAssessment): AssessmentProblem[] {
  const factor = factorById(assessment.factorId);
  if (factor === undefined) return ['unknown-factor'];
  if (factor.derived) return ['derived-factor-stored'];
  const problems: AssessmentProblem[] = [];
  if (assessment.subject !== factor.subject) problems.push('subject-mismatch');
  if (factor.subject === 'adult' && blank(assessment.personId)) problems.push('person-needed');
  if (factor.subject !== 'adult' && assessment.personId !== undefined) problems.push('person-not-expected');
  const responses = assessment.responses ?? [];
  const recordsResponses = factor.id === 'harmful-stress-response';
  // A harmful response, once named, says what is known: it stands in for the detail.
  const harmfulNamed = recordsResponses && responses.some(isHarmfulStressResponse);
  if (!recordsResponses && responses.length > 0) problems.push('responses-not-expected');
  const absence = assessment.evidence.filter((e) => directionOf(e, assessment.status) === 'absent');
  if (assessment.status === 'excluded' && absence.length === 0) problems.push('exclusion-needs-evidence');
  if (assessment.status === 'excluded' && harmfulNamed) problems.push('harmful-response-but-excluded');
  if (assessment.status === 'present' && blank(assessment.detail) && !harmfulNamed) problems.push('detail-needed');
  if (assessment.status === 'present' && factor.substanceUse && assessment.pattern === undefined) problems.push('pattern-needed');
  if (assessment.status === 'cannot-assess' && blank(assessment.reason)) problems.push('reason-needed');
  return problems;
}
