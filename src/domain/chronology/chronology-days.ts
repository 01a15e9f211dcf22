// Entries placed on the calendar. The patterns speak of days, so an entry's time of day never
// matters; an entry whose date cannot be read has no place in any pattern.
import { dayOf } from '../shared/calendar-date.ts';
import type { ChronologyEntry } from './chronology.types.ts';

export interface DatedEntry {
  entry: ChronologyEntry;
  /** YYYY-MM-DD. */
  day: string;
}

/** The entries with a real date, oldest first; entries on the same day keep the order given. */
export function datedEntries(entries: readonly ChronologyEntry[]): DatedEntry[] {
  const dated: DatedEntry[] = [];
  for (const entry of entries) {
    const day = dayOf(entry.occurredAt);
    if (day !== null) dated.push({ entry, day });
  }
  return dated.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** Leaves out entries dated after `today` (they have not happened); leaves everything when `today` cannot be read. */
export function happenedBy(entries: readonly ChronologyEntry[], today: string): ChronologyEntry[] {
  const end = dayOf(today);
  if (end === null) return [...entries];
  return entries.filter((entry) => {
    const day = dayOf(entry.occurredAt);
    return day === null || day <= end;
  });
}

/** Everyone an entry is about, including who was harmed and who harmed, each once in order. */
export function peopleOf(entries: readonly ChronologyEntry[]): string[] {
  // Added one by one, with no list made per entry: a pattern's run can hold thousands of entries, and its people are read on every evaluation.
  const people = new Set<string>();
  for (const entry of entries) addPeopleOf(entry, people);
  return [...people];
}

/** Adds everyone the entry is about to `people`, in peopleOf's order. */
export function addPeopleOf(entry: ChronologyEntry, people: Set<string>): void {
  for (const id of entry.personIds) people.add(id);
  for (const id of entry.victimIds) people.add(id);
  for (const id of entry.perpetratorIds) people.add(id);
}
