// The chronology list's filter form (filter-form.njk), written once for each list and query and kept:
// three selects of the chronology's agencies and kinds and of the case's people, and two dates, the
// largest part of the list's own template once its rows were kept (kept-entry-rows.ts). What the form
// shows depends only on the case, the query (the filters as typed, which give any errors, and the
// order), the case's people and the agencies and kinds of the listed chronology; so the form is kept
// by the first three, with the listed chronology it was written from: a new profile version lists
// the chronology anew (read-chronology.ts), and the form kept from the old list is written again.
// The queries have no bound: at most MOST_KEPT forms, the least recently viewed going first.
import type { ListedEntry } from '../../../domain/chronology/filter-entries.ts';
import { KeptMarkup } from '../../views/kept-markup.ts';

/** Some 4 to 8 KB each. */
const MOST_KEPT = 256;

export class KeptFilterForms {
  readonly #kept = new KeptMarkup<readonly ListedEntry[]>({ most: MOST_KEPT });

  /**
   * The form for the list `query` names (the case's list with its filters and order), the case's
   * `people` and the listed chronology `all`: the one kept when written from these, else written now
   * by `write` and kept.
   */
  async form(all: readonly ListedEntry[], query: string, people: readonly { id: string; name: string }[], write: () => Promise<string>): Promise<string> {
    return this.#kept.markup(all, `${query}\n${people.map((person) => `${person.id}\t${person.name}`).join('\n')}`, write);
  }
}
