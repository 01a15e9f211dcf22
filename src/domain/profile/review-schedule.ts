// When the profile is next due for review: an interval by the case's level, brought forward to the
// day of any trigger event since the last review (the profile is continuous: docs/domain.md, Re-assess when things change).
import { isTriggerEventKind } from '../catalogue/catalogue.ts';
import { isAfter } from './profile-dates.ts';
import { addDays, dayOf } from '../shared/calendar-date.ts';
import type { CaseLevel } from '../shared/case-levels.ts';
import type { ProfileEvent } from './profile.types.ts';

/**
 * Weeks between reviews. Infants change fast, so these are tighter than the statutory meeting
 * cycle (a CP review conference at 3 then 6 months): every 4 weeks on a child protection plan
 * (about the core group rhythm), 6 weeks for child in need and looked after (the usual CIN review
 * cycle), 8 weeks for early help, and 13 weeks (3 months) for universal services.
 */
export const REVIEW_INTERVAL_WEEKS: Readonly<Record<CaseLevel, number>> = {
  'child-protection': 4,
  'looked-after': 6,
  'child-in-need': 6,
  'early-help': 8,
  universal: 13,
};

export type NextReview =
  | { reason: 'never-reviewed'; dueOn: null }
  | { reason: 'scheduled'; dueOn: string }
  | { reason: 'trigger-event'; dueOn: string; eventId: string };

/**
 * The next review: `lastReviewedAt` plus the level's interval, or the day of the earliest trigger
 * event after the last review if that is sooner. Never reviewed means due now (`dueOn: null`).
 */
export function nextReviewDate(
  level: CaseLevel,
  lastReviewedAt: string | null,
  events: readonly Pick<ProfileEvent, 'id' | 'kind' | 'occurredAt'>[],
  intervals: Readonly<Record<CaseLevel, number>> = REVIEW_INTERVAL_WEEKS,
): NextReview {
  const last = dayOf(lastReviewedAt);
  if (lastReviewedAt === null || last === null) return { reason: 'never-reviewed', dueOn: null };
  const weeks = intervals[level] ?? REVIEW_INTERVAL_WEEKS.universal;
  const scheduled = addDays(last, Math.round(weeks * 7));
  const trigger = events
    .filter((e) => isTriggerEventKind(e.kind) && dayOf(e.occurredAt) !== null && isAfter(e.occurredAt, lastReviewedAt))
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))[0];
  const triggerDay = trigger ? dayOf(trigger.occurredAt) : null;
  if (trigger && triggerDay !== null && (scheduled === '' || triggerDay < scheduled)) {
    return { reason: 'trigger-event', dueOn: triggerDay, eventId: trigger.id };
  }
  return { reason: 'scheduled', dueOn: scheduled };
}

export type ReviewState = 'never-reviewed' | 'overdue' | 'due-soon' | 'scheduled';

export interface ReviewStatus {
  state: ReviewState;
  dueOn: string | null;
}

/** A review due within this many days of today (today included) is "due soon". */
export const DUE_SOON_DAYS = 7;

/**
 * How pressing the next review is on `today`: overdue once its day has passed, due soon from
 * `DUE_SOON_DAYS` before it up to and including the day itself. Never reviewed is due now.
 */
export function reviewState(next: NextReview, today: string): ReviewState {
  if (next.dueOn === null) return 'never-reviewed';
  if (next.dueOn < today) return 'overdue';
  if (next.dueOn <= addDays(today, DUE_SOON_DAYS)) return 'due-soon';
  return 'scheduled';
}

const URGENCY: Readonly<Record<ReviewState, number>> = { overdue: 0, 'never-reviewed': 1, 'due-soon': 2, scheduled: 3 };

/**
 * Most pressing first: overdue (longest overdue first), never reviewed, due soon, then the rest,
 * each by due date. Equal reviews compare as 0, so a stable sort keeps their order.
 */
export function byReviewUrgency(a: ReviewStatus, b: ReviewStatus): number {
  return URGENCY[a.state] - URGENCY[b.state] || (a.dueOn ?? '').localeCompare(b.dueOn ?? '');
}
