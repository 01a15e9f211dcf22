// "N or more within M months": the rolling window behind repeated incidents and missed
// appointments. Windows that share an entry are one run, so a pattern that goes on is shown once.
import { addMonths } from '../shared/calendar-date.ts';
import type { DatedEntry } from './chronology-days.ts';

export interface Threshold {
  /** How many entries make a pattern: at least 2. */
  minimum: number;
  /** Calendar months from the first: the last must fall before the same day that many months on. */
  withinMonths: number;
}

function wholeNumber(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** The threshold as given when it makes sense (2 to 1,000 entries, 1 to 120 months), otherwise the fallback. */
export function checkedThreshold(given: Partial<Threshold> | undefined, fallback: Threshold): Threshold {
  return {
    minimum: wholeNumber(given?.minimum, 2, 1000) ? given.minimum : fallback.minimum,
    withinMonths: wholeNumber(given?.withinMonths, 1, 120) ? given.withinMonths : fallback.withinMonths,
  };
}

/** Every maximal run of entries (already in day order) in which each entry sits in a window that meets the threshold. */
export function runsWithin<T extends DatedEntry>(items: readonly T[], threshold: Threshold): T[][] {
  const runs: [first: number, last: number][] = [];
  let last = 0;
  items.forEach((item, first) => {
    const end = addMonths(item.day, threshold.withinMonths);
    last = Math.max(last, first);
    while (last + 1 < items.length && items[last + 1]!.day < end) last += 1;
    if (last - first + 1 < threshold.minimum) return;
    const previous = runs.at(-1);
    if (previous !== undefined && first <= previous[1]) previous[1] = last;
    else runs.push([first, last]);
  });
  return runs.map(([first, lastIndex]) => items.slice(first, lastIndex + 1));
}
