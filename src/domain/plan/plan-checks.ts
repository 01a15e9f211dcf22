// Every contact checks the plan (issue 13; Derby and Derbyshire review, section 9.4: every
// practitioner in contact with the family is clear about what needs to be reviewed and assessed at
// each interaction). Which of the plan's check items are due for a visitor, and the last check of each
// item for the plan page, from the checks recorded so far. The answers themselves (checked against the
// plan, kept with the contact, read back from the chronology) are the chronology's
// (domain/chronology/plan-check-answers.ts), re-exported here. Pure.
//
// Due for a visitor: an item no agency is named for (any visitor), or one naming the visitor's kind
// of agency, checked since a day not after today, and
// - every contact: always;
// - weekly: unless it was checked (an answer other than "could not check") in the last 7 days, today
//   included;
// - monthly: unless it was checked after the same day last month.
import { PLAN_CHECK_OUTCOMES, type PlanCheckOutcome } from '../chronology/chronology.types.ts';
import { wasChecked, type RecordedCheck } from '../chronology/plan-check-answers.ts';
import { addDays, addMonths } from '../shared/calendar-date.ts';
import type { CheckItem, Plan } from './plan.types.ts';

// Answers are checked and read by the chronology's own rules (a contact's answers are part of the
// contact): published here too for what uses the plan's checks.
export {
  checkPlanAnswers,
  checksFromEntries,
  planCheckProblemMessage,
  recordedChecks,
  wasChecked,
  PLAN_CHECK_NOTE_LIMIT,
  PLAN_CHECK_PROBLEM_MESSAGES,
  type PlanCheckAnswer,
  type PlanCheckDraft,
  type PlanCheckProblem,
  type PlanCheckProblemCode,
  type PlanCheckResult,
  type RecordedCheck,
} from '../chronology/plan-check-answers.ts';

export { PLAN_CHECK_OUTCOMES, type PlanCheckOutcome };

export const PLAN_CHECK_OUTCOME_LABELS: Record<PlanCheckOutcome, string> = {
  'no-concern': 'Checked, no concern',
  concern: 'Checked, concern',
  'not-checked': 'Could not check',
};

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

/** The latest answer for each item of the plan (could-not-check included), by item id; items never answered are absent. */
export function lastChecks(plan: Plan | null, checks: readonly RecordedCheck[]): Map<string, RecordedCheck> {
  const last = new Map<string, RecordedCheck>();
  const inPlan = new Set(plan?.checkItems.map((item) => item.id) ?? []);
  for (const check of checks) if (inPlan.has(check.itemId)) last.set(check.itemId, check);
  return last;
}
