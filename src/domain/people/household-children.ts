// Whether the practitioners have established who the other children living with the baby are
// (docs/domain.md, "Another child under two at home"): the people on the record may not be all of
// them, so an empty list is not evidence that there is no other child. The answer carries who said so.
import { EVIDENCE_SOURCE_IDS, type EvidenceSource } from '../catalogue/evidence-sources.ts';

export const HOUSEHOLD_CHILDREN_ANSWERS = {
  recorded: 'They are all recorded in the people on this record',
  none: 'No other child lives with the baby',
} as const;

export type HouseholdChildrenAnswer = keyof typeof HOUSEHOLD_CHILDREN_ANSWERS;

export const HOUSEHOLD_CHILDREN_ANSWER_IDS = Object.keys(HOUSEHOLD_CHILDREN_ANSWERS) as HouseholdChildrenAnswer[];

export function isHouseholdChildrenAnswer(value: unknown): value is HouseholdChildrenAnswer {
  return typeof value === 'string' && Object.hasOwn(HOUSEHOLD_CHILDREN_ANSWERS, value);
}

/** The answer as recorded: what, on whose word (the evidence vocabulary), by whom and when. */
export interface HouseholdChildren {
  answer: HouseholdChildrenAnswer;
  source: EvidenceSource;
  /** Who gave it, in words ("her mother"), for a third party or an account. */
  givenBy?: string;
  /** ISO date-time it was recorded. */
  recordedAt: string;
  recordedBy: string;
  agency: string;
}

export type HouseholdChildrenProblem = 'answer-needed' | 'source-needed' | 'given-by-too-long';

export const GIVEN_BY_MAX = 200;

/** What the form or the API gives, checked: the answer and its source are needed. */
export function householdChildrenProblems(input: { answer?: unknown; source?: unknown; givenBy?: unknown }): HouseholdChildrenProblem[] {
  const problems: HouseholdChildrenProblem[] = [];
  if (!isHouseholdChildrenAnswer(input.answer)) problems.push('answer-needed');
  if (typeof input.source !== 'string' || !(EVIDENCE_SOURCE_IDS as string[]).includes(input.source)) problems.push('source-needed');
  if (typeof input.givenBy === 'string' && input.givenBy.trim().length > GIVEN_BY_MAX) problems.push('given-by-too-long');
  return problems;
}

/** The answer as stored (JSON), or null when there is none or it is not one this version understands. */
export function householdChildrenFrom(stored: unknown): HouseholdChildren | null {
  if (stored === null || typeof stored !== 'object') return null;
  const { answer, source, givenBy, recordedAt, recordedBy, agency } = stored as Record<string, unknown>;
  if (!isHouseholdChildrenAnswer(answer) || typeof source !== 'string' || !(EVIDENCE_SOURCE_IDS as string[]).includes(source)) return null;
  if (typeof recordedAt !== 'string' || typeof recordedBy !== 'string' || typeof agency !== 'string') return null;
  return { answer, source: source as EvidenceSource, recordedAt, recordedBy, agency, ...(typeof givenBy === 'string' && givenBy !== '' ? { givenBy } : {}) };
}
