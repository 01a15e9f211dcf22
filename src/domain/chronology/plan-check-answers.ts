// A contact's answers to the plan's check items (issue 13; Derby and Derbyshire review, section 9.4):
// checked against the plan with a JSON pointer path per problem, kept with each item's words, and read
// back from the current chronology (a contact keeps its answers in its details, and a corrected
// contact's answers no longer count). Part of the chronology: the contact form's answers and an
// agency's entry are checked here, and the plan-check-missed pattern reads them; the plan
// (domain/plan/plan-checks.ts) works out which items are due from them. The plan is read only as the
// items it holds, so the chronology knows nothing else of it. Pure.
import type { FactorId } from '../catalogue/factor-ids.ts';
import { dayOf } from '../shared/calendar-date.ts';
import { currentEntries } from './current-entries.ts';
import { PLAN_CHECK_OUTCOMES, type ChronologyEntry, type PlanCheckOutcome, type RecordedPlanCheck } from './chronology.types.ts';

/** A check item as the answers need it: its id, its words, and the factor and person it watches. */
export interface AnswerableItem {
  id: string;
  text: string;
  factorId?: FactorId;
  personId?: string;
}

/** The plan as the answers need it: the check items it holds. */
export interface PlanToAnswer {
  checkItems: readonly AnswerableItem[];
}

/** The most a note holds. */
export const PLAN_CHECK_NOTE_LIMIT = 2000;

/** One answer as a page or an agency system sends it, before it is checked. */
export interface PlanCheckDraft {
  itemId?: string;
  outcome?: string;
  note?: string;
}

export interface PlanCheckAnswer {
  itemId: string;
  outcome: PlanCheckOutcome;
  /** Trimmed; may be empty for no concern. */
  note: string;
}

/** A check as recorded: the answer, the contact it was given at, when, by whom and for which agency. */
export interface RecordedCheck extends RecordedPlanCheck {
  entryId: string;
  /** YYYY-MM-DD: the day of the contact. */
  day: string;
  recordedAt: string;
  recordedBy: string;
  agency: string;
  agencyKind: string;
}

/**
 * Plain words for each problem, for the contact form and the API alike; `{item}` stands for the
 * item's words (planCheckProblemMessage fills it in).
 */
export const PLAN_CHECK_PROBLEM_MESSAGES = {
  'item-needed': 'Say which check item of the plan the answer is for.',
  'unknown-item': 'A check answer for an item not in the plan: the plan may have changed, so look at it again.',
  'duplicate-item': 'The same check item is answered twice: give one answer for each item.',
  'answer-needed': 'Select whether you checked {item} and found no concern, found a concern, or could not check it.',
  'concern-note-needed': 'Say what you saw or heard about {item} that is a concern.',
  'not-checked-note-needed': 'Say why you could not check {item}.',
  'note-too-long': `What you say about {item} must be ${PLAN_CHECK_NOTE_LIMIT.toLocaleString('en-GB')} characters or fewer.`,
  'not-at-a-contact': "Only a contact (a home visit, clinic contact or GP consultation) answers the plan's checks.",
  'needs-a-visit': 'A phone or video call cannot check {item} and find no concern: it needs a visit to see the baby or the home. Answer not-checked and say why, or record the visit.',
} as const;

/** The problem in words, naming the item by its words when they are known ("the item" otherwise). */
export function planCheckProblemMessage(problem: { code: PlanCheckProblemCode }, itemText?: string): string {
  return PLAN_CHECK_PROBLEM_MESSAGES[problem.code].replace('{item}', itemText === undefined || itemText === '' ? 'the item' : `“${itemText}”`);
}

export type PlanCheckProblemCode = keyof typeof PLAN_CHECK_PROBLEM_MESSAGES;

export interface PlanCheckProblem {
  code: PlanCheckProblemCode;
  /** JSON pointer into the answers: `/planChecks/1/note`. */
  path: string;
  /** The item the problem is about, when there is one in the plan. */
  itemId?: string;
}

export type PlanCheckResult = { ok: true; answers: PlanCheckAnswer[] } | { ok: false; problems: PlanCheckProblem[] };

const isOutcome = (value: string): value is PlanCheckOutcome => (PLAN_CHECK_OUTCOMES as readonly string[]).includes(value);

/** Whether an answer says the item was looked at: "could not check" is not a check. */
export const wasChecked = (check: { outcome: PlanCheckOutcome }): boolean => check.outcome !== 'not-checked';

/**
 * The answers checked against the plan: each for an item in it, once, with an answer, and a note for a
 * concern (what was seen) or "could not check" (why). Every item in `due` needs an answer; a missing
 * one is reported at `/planChecks` with its item. An item of the plan that is not due may be answered.
 */
export function checkPlanAnswers(drafts: readonly PlanCheckDraft[], plan: PlanToAnswer | null, due: readonly { id: string }[]): PlanCheckResult {
  const problems: PlanCheckProblem[] = [];
  const inPlan = new Set(plan?.checkItems.map((item) => item.id) ?? []);
  const seen = new Set<string>();
  const answers: PlanCheckAnswer[] = [];
  drafts.forEach((draft, i) => {
    const at = `/planChecks/${i}`;
    const itemId = draft.itemId?.trim() ?? '';
    const known = inPlan.has(itemId);
    const about = known ? { itemId } : {};
    if (itemId === '') problems.push({ code: 'item-needed', path: `${at}/itemId` });
    else if (!known) problems.push({ code: 'unknown-item', path: `${at}/itemId` });
    else if (seen.has(itemId)) problems.push({ code: 'duplicate-item', path: `${at}/itemId`, itemId });
    seen.add(itemId);
    const outcome = draft.outcome?.trim() ?? '';
    const note = draft.note?.trim() ?? '';
    if (!isOutcome(outcome)) problems.push({ code: 'answer-needed', path: `${at}/outcome`, ...about });
    else if (outcome === 'concern' && note === '') problems.push({ code: 'concern-note-needed', path: `${at}/note`, ...about });
    else if (outcome === 'not-checked' && note === '') problems.push({ code: 'not-checked-note-needed', path: `${at}/note`, ...about });
    if (note.length > PLAN_CHECK_NOTE_LIMIT) problems.push({ code: 'note-too-long', path: `${at}/note`, ...about });
    if (known && isOutcome(outcome)) answers.push({ itemId, outcome, note });
  });
  for (const item of due) {
    if (!seen.has(item.id)) problems.push({ code: 'answer-needed', path: '/planChecks', itemId: item.id });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}

/** The answers as a contact keeps them: each with its item's words, factor and person that day. */
export function recordedChecks(answers: readonly PlanCheckAnswer[], plan: PlanToAnswer): RecordedPlanCheck[] {
  const items = new Map(plan.checkItems.map((item) => [item.id, item]));
  return answers.flatMap((answer) => {
    const item = items.get(answer.itemId);
    if (!item) return [];
    return [
      {
        itemId: item.id,
        text: item.text,
        outcome: answer.outcome,
        note: answer.note,
        ...(item.factorId === undefined ? {} : { factorId: item.factorId }),
        ...(item.personId === undefined ? {} : { personId: item.personId }),
      },
    ];
  });
}

/** The checks one entry records (none when its day cannot be read), in the order it gives them. */
export function checksOfEntry(entry: ChronologyEntry): RecordedCheck[] {
  const day = dayOf(entry.occurredAt);
  if (day === null || !entry.planChecks) return [];
  return entry.planChecks.map((check) => ({
    ...check,
    entryId: entry.id,
    day,
    recordedAt: entry.recordedAt,
    recordedBy: entry.recordedBy,
    agency: entry.agency,
    agencyKind: entry.agencyKind,
  }));
}

/** The order of checks: by day, then as recorded. */
export function compareChecks(a: RecordedCheck, b: RecordedCheck): number {
  return a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0;
}

/** Every check recorded in the chronology's current entries, oldest first (by day, then as recorded). */
export function checksFromEntries(entries: readonly ChronologyEntry[]): RecordedCheck[] {
  return currentEntries(entries).flatMap(checksOfEntry).sort(compareChecks);
}
