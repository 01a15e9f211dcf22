// Every contact checks the plan (issue 13; Derby and Derbyshire review, section 9.4: every
// practitioner in contact with the family is clear about what needs to be reviewed and assessed at
// each interaction). Which of the plan's check items are due for a visitor, the answers they give
// checked with a JSON pointer path per problem, the checks recorded so far (read from the current
// chronology: a contact keeps its answers in its details, and a corrected contact's answers no
// longer count) and the last check of each item for the plan page. Pure.
//
// Due for a visitor: an item no agency is named for (any visitor), or one naming the visitor's kind
// of agency, checked since a day not after today, and
// - every contact: always;
// - weekly: unless it was checked (an answer other than "could not check") in the last 7 days, today
//   included;
// - monthly: unless it was checked after the same day last month.
import { currentEntries } from '../chronology/current-entries.ts';
import { PLAN_CHECK_OUTCOMES, type ChronologyEntry, type PlanCheckOutcome, type RecordedPlanCheck } from '../chronology/chronology.types.ts';
import { addDays, addMonths, dayOf } from '../shared/calendar-date.ts';
import type { CheckItem, Plan } from './plan.types.ts';

export { PLAN_CHECK_OUTCOMES, type PlanCheckOutcome };

export const PLAN_CHECK_OUTCOME_LABELS: Record<PlanCheckOutcome, string> = {
  'no-concern': 'Checked, no concern',
  concern: 'Checked, concern',
  'not-checked': 'Could not check',
};

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

/** Whether the item is one this kind of agency checks: no agency named means any visitor. */
export function checkedByVisitor(item: CheckItem, visitorKind: string): boolean {
  return item.checkedBy.length === 0 || (item.checkedBy as readonly string[]).includes(visitorKind);
}

/** The check items of the plan due for a visitor from this kind of agency on `today`, in the plan's order. */
export function dueCheckItems(plan: Plan | null, visitorKind: string, checks: readonly RecordedCheck[], today: string): CheckItem[] {
  if (plan === null) return [];
  return plan.checkItems.filter((item) => {
    if (!checkedByVisitor(item, visitorKind) || item.since > today) return false;
    if (item.frequency === 'every-contact') return true;
    const after = item.frequency === 'weekly' ? addDays(today, -7) : addMonths(today, -1);
    return !checks.some((check) => check.itemId === item.id && wasChecked(check) && check.day > after && check.day <= today);
  });
}

/**
 * The answers checked against the plan: each for an item in it, once, with an answer, and a note for a
 * concern (what was seen) or "could not check" (why). Every item in `due` needs an answer; a missing
 * one is reported at `/planChecks` with its item. An item of the plan that is not due may be answered.
 */
export function checkPlanAnswers(drafts: readonly PlanCheckDraft[], plan: Plan | null, due: readonly CheckItem[]): PlanCheckResult {
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
export function recordedChecks(answers: readonly PlanCheckAnswer[], plan: Plan): RecordedPlanCheck[] {
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

/** Every check recorded in the chronology's current entries, oldest first (by day, then as recorded). */
export function checksFromEntries(entries: readonly ChronologyEntry[]): RecordedCheck[] {
  const checks = currentEntries(entries).flatMap((entry) => {
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
  });
  return checks.sort((a, b) => (a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
}

/** The latest answer for each item of the plan (could-not-check included), by item id; items never answered are absent. */
export function lastChecks(plan: Plan | null, checks: readonly RecordedCheck[]): Map<string, RecordedCheck> {
  const last = new Map<string, RecordedCheck>();
  const inPlan = new Set(plan?.checkItems.map((item) => item.id) ?? []);
  for (const check of checks) if (inPlan.has(check.itemId)) last.set(check.itemId, check);
  return last;
}
