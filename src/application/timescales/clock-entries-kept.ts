// The entries of each case's chronology that its clocks read (domain/timescales/clock-events.ts
// clockEntriesKept), kept beside the chronologies the chronology cache keeps, as the profile's event
// readings and pattern states are (ADR 0020), so that the dashboards' summary a change writes
// (dashboards/case-summaries.ts summaryOfProfile) reads only the entries the change added, not the
// case's whole history. Correct whatever is kept: a state is fed only when the chronology given begins
// with the very entries it read; otherwise it is read again. Per process, at most MOST_KEPT cases, the
// least recently used going first.
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { RecentlyUsed } from '../../domain/shared/recently-used.ts';
import { clockEntriesKept, type ClockEntriesState } from '../../domain/timescales/clock-events.ts';

const kept = new RecentlyUsed<string, ClockEntriesState>(200);

/** The entries of the case's `chronology` that clockEventsFrom reads: it gives the same clocks from these as from the whole. */
export function clockEntriesOfCase(caseId: string, chronology: readonly ChronologyEntry[]): readonly ChronologyEntry[] {
  const state = clockEntriesKept(chronology, kept.take(caseId));
  kept.set(caseId, state);
  return state.entries;
}
