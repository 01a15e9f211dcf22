// The open work that keeps a case from disposal besides a legal hold (issue 21; docs/domain.md,
// "Retention and disposal"): an alert nobody has taken up, an open action in its plan, a clock still running, and
// a transfer to another area whose receipt is not yet confirmed (the receipt task is open: until the
// receiving area says it has the pack, this copy may be the only one). Pure: what was read comes in,
// and what keeps the case goes out in words, for the list and the refusal.
import { dayInWords } from '../shared/calendar-date.ts';

export interface OpenWorkFacts {
  alertNotTakenUp: boolean;
  openPlanAction: boolean;
  /** The labels of the clocks still running (not met). */
  clocksRunning: readonly string[];
  /** A transfer whose receipt is not confirmed: where to and the day receipt was due; null when none is waiting. */
  receiptAwaited: { toArea: string; dueOn: string } | null;
}

/** What keeps the case, in words; empty when nothing does. */
export function openWorkKeeping(facts: OpenWorkFacts): string[] {
  return [
    ...(facts.alertNotTakenUp ? ['an alert nobody has taken up'] : []),
    ...(facts.openPlanAction ? ['an open action in the plan'] : []),
    ...facts.clocksRunning.map((label) => `a clock still running: ${label}`),
    ...(facts.receiptAwaited ? [`a transfer to ${facts.receiptAwaited.toArea} whose receipt is not confirmed (due ${dayInWords(facts.receiptAwaited.dueOn)})`] : []),
  ];
}
