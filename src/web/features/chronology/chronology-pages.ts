// A long chronology (2,000 entries is not unusual for a baby known to every agency) is shown a page
// at a time, newest first unless the user asks for oldest first; the CSV file and the printable page
// always hold every entry the filters keep, in the same order.
import type { ChronologyOrder } from './chronology-filters.ts';

export const ENTRIES_PER_PAGE = 50;

export interface PageOf<T> {
  items: T[];
  page: number;
  pages: number;
  /** 1-based positions of the first and last item shown. */
  first: number;
  last: number;
}

/** The page number asked for in the query (`?page=3`): 1 when none, or not a number. */
export function pageNumber(asked: unknown): number {
  return typeof asked === 'string' && /^\d{1,6}$/.test(asked) ? Math.max(Number(asked), 1) : 1;
}

/** The entries, listed oldest first, in the order asked for: the same array, or a reversed copy. */
export function inOrder<T>(oldestFirst: readonly T[], order: ChronologyOrder): readonly T[] {
  return order === 'oldest' ? oldestFirst : [...oldestFirst].reverse();
}

/** The page asked for in the query (`?page=3`), kept within the pages there are. */
export function pageOf<T>(items: readonly T[], asked: unknown, size = ENTRIES_PER_PAGE): PageOf<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(pageNumber(asked), pages);
  const start = (page - 1) * size;
  const slice = items.slice(start, start + size);
  return { items: slice, page, pages, first: slice.length === 0 ? 0 : start + 1, last: start + slice.length };
}

/** GOV.UK pagination: previous, next and the page numbers, each keeping the filters. */
export function paginationLinks(page: number, pages: number, hrefFor: (page: number) => string) {
  if (pages <= 1) return null;
  const near = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  const numbers = [...near].sort((a, b) => a - b);
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = [];
  numbers.forEach((p, index) => {
    if (index > 0 && p - numbers[index - 1]! > 1) items.push({ ellipsis: true });
    items.push({ number: p, href: hrefFor(p), current: p === page });
  });
  return {
    items,
    ...(page > 1 ? { previous: { href: hrefFor(page - 1) } } : {}),
    ...(page < pages ? { next: { href: hrefFor(page + 1) } } : {}),
  };
}
