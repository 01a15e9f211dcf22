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
 * The runs so far, fed the checks one by one in the order checksFromEntries gives them (by day, then
 * as recorded). Kept beside a case's chronology (pattern-state.ts), a new check costs the same
 * whatever came before it.
 */
export class MissedCheckTracker {
  /** Runs ended by a check, in the order they ended; `inPlan` is decided when the runs are read. */
  readonly #ended: Omit<MissedCheckRun, 'inPlan'>[] = [];
  /** Items whose latest answers are "could not check", in the order a Map keeps them. */
  readonly #open = new Map<string, RecordedCheck[]>();

  add(check: RecordedCheck): void {
    if (check.outcome === 'not-checked') {
      this.#open.set(check.itemId, [...(this.#open.get(check.itemId) ?? []), check]);
      return;
    }
    const checks = this.#open.get(check.itemId) ?? [];
    if (checks.length >= MISSED_CHECKS_IN_A_ROW) this.#ended.push({ itemId: check.itemId, text: checks.at(-1)!.text, checks, ongoing: false });
    this.#open.delete(check.itemId);
  }

  /** Every run, in the order they start; `planItemIds` as for findMissedChecks. */
  runs(planItemIds?: ReadonlySet<string>): MissedCheckRun[] {
    const inPlan = (itemId: string) => planItemIds === undefined || planItemIds.has(itemId);
    const runs: MissedCheckRun[] = this.#ended.map((run) => ({ ...run, inPlan: inPlan(run.itemId) }));
    for (const [itemId, checks] of this.#open) {
      if (checks.length >= MISSED_CHECKS_IN_A_ROW) runs.push({ itemId, text: checks.at(-1)!.text, checks, ongoing: true, inPlan: inPlan(itemId) });
    }
    return runs.sort((a, b) => (a.checks[0]!.day < b.checks[0]!.day ? -1 : a.checks[0]!.day > b.checks[0]!.day ? 1 : 0));
  }
}

/**
 * Every run of MISSED_CHECKS_IN_A_ROW or more "could not check" answers for one item, in the order
 * they start. `planItemIds`: the ids of the check items of the case's current plan (none without a
 * plan); when not given, every item counts as still in the plan.
 */
export function findMissedChecks(entries: readonly ChronologyEntry[], planItemIds?: ReadonlySet<string>): MissedCheckRun[] {
  const tracker = new MissedCheckTracker();
  for (const check of checksFromEntries(entries)) tracker.add(check);
  return tracker.runs(planItemIds);
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
  return findMissedChecks(entries, planItemIds).map((run) => missedCheckPattern(run, names));
}

export function missedCheckPattern(run: MissedCheckRun, names: ReadonlyMap<string, string>): ChronologyPattern {
  return {
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
  };
}
