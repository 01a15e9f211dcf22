// A check item of the plan that could not be checked at two contacts in a row (issue 13): whoever
// the visitors were, the same item answered "could not check" twice with no check between. It
// becomes the `plan-check-missed` finding while it is the item's latest news and the item is still in
// the plan; once someone checks the item, or the plan no longer holds it (removed, or replaced by
// another item), the run is history, shown in the chronology only. Read from the current entries
// only, so a corrected contact's answers neither raise nor end a run.
import { checksFromEntries, type RecordedCheck } from './plan-check-answers.ts';
import { dayInWords } from '../shared/calendar-date.ts';
import { involving, oneLine, spanInWords } from './pattern-words.ts';
import type { ChronologyEntry, ChronologyPattern } from './chronology.types.ts';

/** How many "could not check" answers in a row make the pattern. */
export const MISSED_CHECKS_IN_A_ROW = 2;

export interface MissedCheckRun {
  itemId: string;
  /** The item's words at the latest answer of the run. */
  text: string;
  checks: RecordedCheck[];
  /** True while no later answer has checked the item. */
  ongoing: boolean;
  /** False once the plan no longer holds the item. */
  inPlan: boolean;
}

/**
 * Every run of MISSED_CHECKS_IN_A_ROW or more "could not check" answers for one item, in the order
 * they start. `planItemIds`: the ids of the check items of the case's current plan (none without a
 * plan); when not given, every item counts as still in the plan.
 */
export function findMissedChecks(entries: readonly ChronologyEntry[], planItemIds?: ReadonlySet<string>): MissedCheckRun[] {
  const runs: MissedCheckRun[] = [];
  const open = new Map<string, RecordedCheck[]>();
  const close = (itemId: string, ongoing: boolean) => {
    const checks = open.get(itemId) ?? [];
    const inPlan = planItemIds === undefined || planItemIds.has(itemId);
    if (checks.length >= MISSED_CHECKS_IN_A_ROW) runs.push({ itemId, text: checks.at(-1)!.text, checks, ongoing, inPlan });
    open.delete(itemId);
  };
  for (const check of checksFromEntries(entries)) {
    if (check.outcome === 'not-checked') open.set(check.itemId, [...(open.get(check.itemId) ?? []), check]);
    else close(check.itemId, false);
  }
  for (const itemId of [...open.keys()]) close(itemId, true);
  return runs.sort((a, b) => (a.checks[0]!.day < b.checks[0]!.day ? -1 : a.checks[0]!.day > b.checks[0]!.day ? 1 : 0));
}

export function missedCheckRationale(run: MissedCheckRun, names: ReadonlyMap<string, string>): string {
  const first = run.checks[0]!.day;
  const last = run.checks.at(-1)!.day;
  const why = run.checks.map((check) => `${check.agency}, ${dayInWords(check.day)}: ${check.note.replace(/[.\s]+$/, '')}`).join('; ');
  const people = [...new Set(run.checks.flatMap((check) => (check.personId === undefined ? [] : [check.personId])))];
  const gone = run.ongoing && !run.inPlan ? ' The plan no longer holds this check.' : '';
  return oneLine(`"${run.text}" could not be checked at ${run.checks.length} contacts in a row ${spanInWords(first, last)}${involving(people, names)} (${why}).${gone}`);
}

export function missedCheckPatterns(entries: readonly ChronologyEntry[], names: ReadonlyMap<string, string>, planItemIds?: ReadonlySet<string>): ChronologyPattern[] {
  return findMissedChecks(entries, planItemIds).map((run) => ({
    id: 'plan-check-missed',
    severity: 'attention',
    title: 'A check in the plan could not be done twice in a row',
    rationale: missedCheckRationale(run, names),
    from: run.checks[0]!.day,
    to: run.checks.at(-1)!.day,
    entryIds: [...new Set(run.checks.map((check) => check.entryId))],
    personIds: [...new Set(run.checks.flatMap((check) => (check.personId === undefined ? [] : [check.personId])))],
    factorIds: [...new Set(run.checks.flatMap((check) => (check.factorId === undefined ? [] : [check.factorId])))],
    becomesFinding: run.ongoing && run.inPlan,
  }));
}
