// Lists kept in order, added to without sorting them again: the place of an item is found by
// halving, so a long list is not walked (a chronology of 5,000 entries, its trigger events).

/** How many of the list's first items come before `item` or tie with it (so an item added there comes after its equals). */
export function placeAfter<T>(sorted: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(item, sorted[middle]!) < 0) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The sorted list with each added item after its equals, as a stable sort of the list then the items gives them; neither list is changed. */
export function withInserted<T>(sorted: readonly T[], added: readonly T[], compare: (a: T, b: T) => number): readonly T[] {
  if (added.length === 0) return sorted;
  const merged = [...sorted];
  for (const item of added) merged.splice(placeAfter(merged, item, compare), 0, item);
  return merged;
}

/** Text in the order `<` puts it (code units), as Array.prototype.sort with no comparer sorts it. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How many texts of a list sorted by compareText are after `after` and up to `upTo`. */
export function countBetween(sorted: readonly string[], after: string, upTo: string): number {
  return Math.max(0, placeAfter(sorted, upTo, compareText) - placeAfter(sorted, after, compareText));
}
