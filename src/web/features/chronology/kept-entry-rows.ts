// The chronology list's rows (entry-rows.njk), written once for each page of a chronology as it
// stands and kept: a long chronology's page is viewed again and again (after each entry opened from
// it, by each member of the team), and its 50 rows were most of what the page's template wrote.
// What a page's rows show depends only on the chronology's entries, the case, and the list's query
// (the filters as typed, the order and the page), so the rows are kept with the listed chronology
// they were written from, by the case and that query: a new profile version lists the chronology
// anew (read-chronology.ts), so rows kept from the old list are written again, never shown.
// The queries have no bound: at most MOST_KEPT pages, the least recently viewed going first.
import type { ListedEntry } from '../../../domain/chronology/filter-entries.ts';
import { KeptMarkup } from '../../views/kept-markup.ts';

/** Some 40 to 100 KB each. */
const MOST_KEPT = 64;

export class KeptEntryRows {
  readonly #kept = new KeptMarkup<readonly ListedEntry[]>({ most: MOST_KEPT });

  /**
   * The rows of the page `query` names (the case's list with its filters, order and page) written from
   * `all` (the case's listed chronology): those kept when written from this very list, else written
   * now by `write` and kept.
   */
  async rows(all: readonly ListedEntry[], query: string, write: () => Promise<string>): Promise<string> {
    return this.#kept.markup(all, query, write);
  }
}
