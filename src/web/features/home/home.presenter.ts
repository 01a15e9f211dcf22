// How "My cases" shows each case's most severe finding (a tag saying the severity and how many), its
// profile review (a tag for the ones that need doing) and its most pressing clock in plain words;
// one-line counts of what is due above the list; the list's order, filter and page from the query.
import type { MyCases, MyCasesOptions } from '../../../application/cases/list-my-cases.ts';
import type { DecisionAwaitingAnswer } from '../../../application/profile/profile-decisions-awaiting.ts';
import type { HighestFindings } from '../../../domain/profile/action-first.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';
import type { ClosedForTransfer } from '../../../domain/transfer/closed-for-transfer.ts';
import { clockInWords } from '../../../domain/timescales/clock-urgency.ts';
import type { Clock } from '../../../domain/timescales/clocks.ts';
import type { ReviewStatus } from '../../../domain/profile/review-schedule.ts';
import { formatDate, formatDateTime } from '../../views/london-time.ts';
import { severityTag } from '../../views/severity.ts';

export type ReviewCell = { tag: { text: string; classes: string } } | { text: string };

export function reviewCell(review: ReviewStatus): ReviewCell {
  const dueOn = formatDate(review.dueOn);
  switch (review.state) {
    case 'overdue':
      return { tag: { text: `Overdue: was due ${dueOn}`, classes: 'govuk-tag--red' } };
    case 'never-reviewed':
      return { tag: { text: 'Not yet reviewed', classes: 'govuk-tag--orange' } };
    case 'due-soon':
      return { tag: { text: `Review due ${dueOn}`, classes: 'govuk-tag--yellow' } };
    case 'scheduled':
      return { text: `Review due ${dueOn}` };
  }
}

/** "2 profile reviews are overdue and 1 profile has not been reviewed yet.", or null when none is due. */
export function reviewSummary({ overdueReviews: overdue, neverReviewed }: MyCases['counts']): string | null {
  const parts = [
    overdue > 0 ? `${overdue} ${overdue === 1 ? 'profile review is' : 'profile reviews are'} overdue` : '',
    neverReviewed > 0 ? `${neverReviewed} ${neverReviewed === 1 ? 'profile has' : 'profiles have'} not been reviewed yet` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join(' and ')}.` : null;
}

/** "1 case has a critical finding and 2 cases have a high finding.", or null when none has either. */
export function findingsSummary({ critical, high }: MyCases['counts']): string | null {
  const cases = (n: number) => (n === 1 ? '1 case has' : `${n} cases have`);
  const parts = [critical > 0 ? `${cases(critical)} a critical finding` : '', high > 0 ? `${cases(high)} a high finding` : ''].filter(Boolean);
  return parts.length > 0 ? `${parts.join(' and ')}.` : null;
}

/** The most severe finding as a tag ("2 high findings"), with how many findings in all when there are more; none says so. */
export function findingsCell(findings: HighestFindings | null): { tag: { text: string; classes: string }; more: string | null } | { text: string } {
  if (findings === null) return { text: 'No findings' };
  const { classes } = severityTag(findings.severity);
  const label = findings.severity === 'attention' ? 'needing attention' : findings.severity;
  const text = findings.severity === 'attention' ? `${findings.count} ${findings.count === 1 ? 'finding' : 'findings'} ${label}` : `${findings.count} ${label} ${findings.count === 1 ? 'finding' : 'findings'}`;
  return { tag: { text, classes }, more: findings.total > findings.count ? `${findings.total} findings in all` : null };
}

/** The most pressing clock of a case: overdue red, due soon yellow, due as plain text; none running says so. */
export function clockCell(clock: Clock | null, today: string): ReviewCell {
  const words = clock === null ? null : clockInWords(clock, today);
  if (clock === null || words === null) return { text: 'No timescale running' };
  if (clock.status === 'overdue') return { tag: { text: words, classes: 'govuk-tag--red' } };
  if (clock.status === 'due-soon') return { tag: { text: words, classes: 'govuk-tag--yellow' } };
  return { text: words };
}

/**
 * A case closed for transfer: its review and timescale cells say why none is due here, and its name is
 * marked (docs/domain.md, "Transfer to another area"); null for an open case.
 */
export function closedForTransferCells(closed: ClosedForTransfer | null): { closedTag: string; reviewCell: ReviewCell; clockCell: ReviewCell } | null {
  if (closed === null) return null;
  return {
    closedTag: `Closed for transfer to ${closed.toArea} on ${dayInWords(closed.closedOn)}`,
    reviewCell: { text: 'None here: the receiving area reviews it' },
    clockCell: { text: 'None running: the case was closed for transfer' },
  };
}

/** "1 case has a timescale overdue.", or null when none has. */
export function clockSummary(overdueClockCases: number): string | null {
  if (overdueClockCases === 0) return null;
  return overdueClockCases === 1 ? '1 case has a timescale overdue.' : `${overdueClockCases} cases have a timescale overdue.`;
}

/** The list's order, filter and page from the page's query; anything else is the default. */
export function listOptions(query: unknown): Required<MyCasesOptions> {
  const asked = (query ?? {}) as Record<string, unknown>;
  const order = asked['order'] === 'clocks' || asked['order'] === 'review' ? asked['order'] : 'action';
  const page = typeof asked['page'] === 'string' && /^\d{1,6}$/.test(asked['page']) ? Number(asked['page']) : 1;
  return { order, overdueClocksOnly: asked['clocks'] === 'overdue', page };
}

/** The address of a page of the list, keeping its order and filter. */
export function listHref(options: Required<MyCasesOptions>, page: number): string {
  const query = new URLSearchParams();
  if (options.order !== 'action') query.set('order', options.order);
  if (options.overdueClocksOnly) query.set('clocks', 'overdue');
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/?${text}` : '/';
}

/** A lead's decisions awaiting their answer (ADR 0027, amendment), each a link straight to its confirmation page. */
export function decisionsAwaitingCells(decisions: readonly DecisionAwaitingAnswer[]) {
  return decisions.map((d) => ({
    href: `/cases/${encodeURIComponent(d.caseId)}/profile/decisions/${encodeURIComponent(d.decisionId)}/confirmation`,
    text: `Confirm or overturn “${d.decisionLabel}” on ${d.caseName}`,
    recorded: `Recorded by ${d.decidedBy} (${d.agency}), ${formatDateTime(d.decidedAt)}`,
  }));
}
