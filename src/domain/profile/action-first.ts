// What needs action first, for a list of cases (My cases, and the organisation's cases on a
// safeguarding lead's or manager's home page; docs/domain.md, My cases). Pure. A case with a
// critical finding comes first, then one with a high finding (in each, the one with more of them
// first); then a case with a clock overdue; then every other case. Within each, the soonest next
// due day (a running clock's or the profile review's, whichever is sooner; a profile never reviewed
// is due today) comes first, so the longest overdue leads. Equal cases compare as 0, so a stable
// sort keeps the order they came in (family name).
import { severityRank, type Severity } from '../catalogue/finding-definitions.ts';
import type { Clock } from '../timescales/clocks.ts';
import type { ReviewStatus } from './review-schedule.ts';

/** A case's most severe finding: its severity, how many findings have it, and how many findings in all. */
export interface HighestFindings {
  severity: Severity;
  count: number;
  total: number;
}

/** The most severe of a profile version's findings, or null when it has none. */
export function highestFindings(findings: readonly { severity: Severity }[]): HighestFindings | null {
  let highest: Severity | null = null;
  let count = 0;
  for (const { severity } of findings) {
    if (highest === null || severityRank(severity) < severityRank(highest)) {
      highest = severity;
      count = 1;
    } else if (severity === highest) count++;
  }
  return highest === null ? null : { severity: highest, count, total: findings.length };
}

/** What falls due next on a case: its most pressing running clock or its profile review. */
export interface NextDue {
  what: 'clock' | 'review';
  /** YYYY-MM-DD; a profile never reviewed is due on `today`. */
  dueOn: string;
}

/** The sooner of the running clock's day and the review's; on the same day, the clock. */
export function nextDue(urgentClock: Clock | null, review: ReviewStatus, today: string): NextDue {
  const reviewOn = review.dueOn ?? today;
  if (urgentClock !== null && urgentClock.status !== 'met' && urgentClock.dueOn <= reviewOn) return { what: 'clock', dueOn: urgentClock.dueOn };
  return { what: 'review', dueOn: reviewOn };
}

export interface CaseToAct {
  findings: HighestFindings | null;
  urgentClock: Clock | null;
  next: NextDue;
}

function rank(c: CaseToAct): number {
  if (c.findings?.severity === 'critical') return 0;
  if (c.findings?.severity === 'high') return 1;
  if (c.urgentClock?.status === 'overdue') return 2;
  return 3;
}

/** Orders cases by what needs action first (see the head of this file); 0 when equally pressing. */
export function byActionNeeded(a: CaseToAct, b: CaseToAct): number {
  const ranks = rank(a) - rank(b);
  if (ranks !== 0) return ranks;
  const more = rank(a) <= 1 ? (b.findings?.count ?? 0) - (a.findings?.count ?? 0) : 0;
  return more !== 0 ? more : a.next.dueOn.localeCompare(b.next.dueOn);
}
