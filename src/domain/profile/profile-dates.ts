// When an event counts as after a review, for the profile rules. Days themselves (reading, counting,
// adding, words) are the calendar's: shared/calendar-date.ts.
import { dayOf } from '../shared/calendar-date.ts';

/**
 * Whether an event happened after a review. With times on both, the instants decide; with dates
 * only, an event on the day of the review counts as seen by it.
 */
export function isAfter(eventAt: string, reviewedAt: string): boolean {
  if (eventAt.includes('T') && reviewedAt.includes('T')) {
    const event = Date.parse(eventAt);
    const review = Date.parse(reviewedAt);
    if (!Number.isNaN(event) && !Number.isNaN(review)) return event > review;
  }
  const eventDay = dayOf(eventAt);
  const reviewDay = dayOf(reviewedAt);
  if (eventDay === null) return false;
  return reviewDay === null || eventDay > reviewDay;
}
