// The order a chronology is kept in, the same as the database reads it (chronology-rows.ts): the day
// it happened, then the moment (entries with only a day after those with a time on that day), then
// when it was recorded, then its id. Used to add new entries to a chronology already read.
import { compareText, placeAfter } from '../shared/sorted-list.ts';
import type { ChronologyEntry } from './chronology.types.ts';

type Ordered = Pick<ChronologyEntry, 'occurredAt' | 'recordedAt' | 'id'>;

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
 * The chronology with the new entries in their places; neither list is changed. The chronology must
 * be in this order already, as chronology-rows.ts reads it and as this returns it. The new entries are
 * sorted, the first one's place is found by halving and only the entries after it are walked, so
 * adding entries newer than the chronology's last (a feed's, nearly always) compares a few entries,
 * not every one (walking 80 chronologies of 1,000 entries each cost about 60 ms a batch).
 */
export function withNewEntries<T extends Ordered>(chronology: readonly T[], added: readonly T[]): T[] {
  const adding = [...added].sort(compareChronologyOrder);
  if (adding.length === 0) return [...chronology];
  const from = placeAfter(chronology, adding[0]!, compareChronologyOrder);
  const merged = chronology.slice(0, from);
  let next = 0;
  for (let at = from; at < chronology.length; at++) {
    const entry = chronology[at]!;
    while (next < adding.length && compareChronologyOrder(adding[next]!, entry) < 0) merged.push(adding[next++]!);
    merged.push(entry);
  }
  while (next < adding.length) merged.push(adding[next++]!);
  return merged;
}
