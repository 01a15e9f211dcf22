// What each case's profile reads from its events (domain/profile/event-reading.ts, ADR 0020), kept
// beside the chronologies the chronology cache keeps and the pattern states (pattern-states.ts), so
// that evaluating a profile after new entries reads only those entries' events. Correct whatever is
// kept: a state is fed only when the chronology given begins with the very entries it read, and the
// evaluation takes a reading only when it was made for its events, adults and settings; otherwise it
// is read again. Per process, at most MOST_KEPT cases, the least recently used going first.
import { readEventsKept, type EventReadingState } from '../../domain/profile/event-reading.ts';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import type { EventReading, ProfileSettings } from '../../domain/profile/profile.types.ts';
import { RecentlyUsed } from '../../domain/shared/recently-used.ts';

const kept = new RecentlyUsed<string, EventReadingState>(200);

/** The case's events and what they give, as a full reading of `entries` gives them. */
export function eventReadingOfCase(caseId: string, entries: readonly ChronologyEntry[], adultIds: ReadonlySet<string>, settings: ProfileSettings): EventReading {
  const state = readEventsKept(entries, adultIds, settings, kept.take(caseId));
  kept.set(caseId, state);
  return state.reading;
}
