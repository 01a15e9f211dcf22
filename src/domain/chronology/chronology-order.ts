// The order a chronology is kept in, the same as the database reads it (chronology-rows.ts): the day
// it happened, then the moment (entries with only a day after those with a time on that day), then
// when it was recorded, then its id. Used to add new entries to a chronology already read.
import type { ChronologyEntry } from './chronology.types.ts';

type Ordered = Pick<ChronologyEntry, 'occurredAt' | 'recordedAt' | 'id'>;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareChronologyOrder(a: Ordered, b: Ordered): number {
  const day = compareText(a.occurredAt.slice(0, 10), b.occurredAt.slice(0, 10));
  if (day !== 0) return day;
  const aTimed = a.occurredAt.length > 10;
  const bTimed = b.occurredAt.length > 10;
  if (aTimed !== bTimed) return aTimed ? -1 : 1;
  if (aTimed) {
    const moment = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
    if (moment !== 0) return moment;
  }
  return compareText(a.recordedAt, b.recordedAt) || compareText(a.id, b.id);
}

/**
 * The chronology (already in order) with the new entries in their places; neither list is changed.
 * The few new entries are sorted and merged in, so a long chronology is walked once, not sorted again.
 */
export function withNewEntries<T extends Ordered>(chronology: readonly T[], added: readonly T[]): T[] {
  const adding = [...added].sort(compareChronologyOrder);
  const merged: T[] = [];
  let next = 0;
  for (let at = 0; at < chronology.length; at++) {
    const entry = chronology[at]!;
    // A chronology not in this order (never one read by chronology-rows.ts) is sorted whole instead.
    if (at > 0 && compareChronologyOrder(chronology[at - 1]!, entry) > 0) return [...chronology, ...added].sort(compareChronologyOrder);
    while (next < adding.length && compareChronologyOrder(adding[next]!, entry) < 0) merged.push(adding[next++]!);
    merged.push(entry);
  }
  while (next < adding.length) merged.push(adding[next++]!);
  return merged;
}
