// What the domestic-abuse rule reads of every event (domestic-abuse.ts): the days of the police
// domestic abuse incidents, in day order, so that counting those of the last twelve months halves the
// list instead of walking every event. Each event's day is its own, and the reading kept by the case
// (event-reading.ts) is fed only entries at the chronology's end, which is in day order: a new
// incident's day is never before one read, so it goes at the end.
import { dayOf } from '../../shared/calendar-date.ts';
import { compareText } from '../../shared/sorted-list.ts';
import type { ProfileEvent } from '../profile.types.ts';

/** The days of the events' police domestic abuse incidents (those with a readable day), in day order. */
export function abuseIncidentDaysOf(events: readonly ProfileEvent[]): readonly string[] {
  const days = events.flatMap((event) => {
    const day = event.kind === 'police-domestic-abuse-incident' ? dayOf(event.occurredAt) : null;
    return day === null ? [] : [day];
  });
  return days.sort(compareText);
}

/** The days read before, then those of events added after them in day order; the list read is never changed. */
export function withAbuseIncidentDays(before: readonly string[], added: readonly ProfileEvent[]): readonly string[] {
  const days = abuseIncidentDaysOf(added);
  return days.length === 0 ? before : [...before, ...days];
}

