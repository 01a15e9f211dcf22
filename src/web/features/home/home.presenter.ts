// How "My cases" shows each profile review: a tag for the ones that need doing, and a one-line count
// of those that are already due; and each case's most pressing clock, in plain words.
import type { MyCase, MyCasesOptions } from '../../../application/cases/list-my-cases.ts';
import { clockInWords } from '../../../domain/timescales/clock-urgency.ts';
import type { Clock } from '../../../domain/timescales/clocks.ts';
import type { ReviewStatus } from '../../../domain/profile/review-schedule.ts';
import { formatDate } from '../../views/london-time.ts';

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
export function reviewSummary(cases: readonly Pick<MyCase, 'review'>[]): string | null {
  const overdue = cases.filter((c) => c.review.state === 'overdue').length;
  const neverReviewed = cases.filter((c) => c.review.state === 'never-reviewed').length;
  const parts = [
    overdue > 0 ? `${overdue} ${overdue === 1 ? 'profile review is' : 'profile reviews are'} overdue` : '',
    neverReviewed > 0 ? `${neverReviewed} ${neverReviewed === 1 ? 'profile has' : 'profiles have'} not been reviewed yet` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join(' and ')}.` : null;
}

/** The most pressing clock of a case: overdue red, due soon yellow, due as plain text; none running says so. */
export function clockCell(clock: Clock | null, today: string): ReviewCell {
  const words = clock === null ? null : clockInWords(clock, today);
  if (clock === null || words === null) return { text: 'No timescale running' };
  if (clock.status === 'overdue') return { tag: { text: words, classes: 'govuk-tag--red' } };
  if (clock.status === 'due-soon') return { tag: { text: words, classes: 'govuk-tag--yellow' } };
  return { text: words };
}

/** "1 case has a timescale overdue.", or null when none has. */
export function clockSummary(overdueClockCases: number): string | null {
  if (overdueClockCases === 0) return null;
  return overdueClockCases === 1 ? '1 case has a timescale overdue.' : `${overdueClockCases} cases have a timescale overdue.`;
}

/** The list's order and filter from the page's query; anything else is the default. */
export function listOptions(query: unknown): Required<MyCasesOptions> {
  const asked = (query ?? {}) as Record<string, unknown>;
  return { order: asked['order'] === 'clocks' ? 'clocks' : 'review', overdueClocksOnly: asked['clocks'] === 'overdue' };
}
