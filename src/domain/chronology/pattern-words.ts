// The plain English the patterns are told in: days in words, names from the record, one line.
import { eventKindById } from '../catalogue/catalogue.ts';
import { dayInWords } from '../shared/calendar-date.ts';
import { listInWords } from '../profile/plain-words.ts';
import type { ChronologyEntry } from './chronology.types.ts';

/** Someone named in an entry who is not (or no longer) among the people in the record. */
const UNKNOWN_PERSON = 'someone not in the record';

export function nameOf(id: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(id)?.trim();
  return name ? name : UNKNOWN_PERSON;
}

/** "Sarah Hartley and Dean Hartley"; each name once. */
export function peopleInWords(ids: readonly string[], names: ReadonlyMap<string, string>): string {
  return listInWords([...new Set(ids.map((id) => nameOf(id, names)))]);
}

/** ", involving Sarah Hartley" or nothing. */
export function involving(ids: readonly string[], names: ReadonlyMap<string, string>): string {
  return ids.length === 0 ? '' : `, involving ${peopleInWords(ids, names)}`;
}

/** "on 4 January 2026" or "between 4 January 2026 and 2 September 2026". */
export function spanInWords(from: string, to: string): string {
  return from === to ? `on ${dayInWords(from)}` : `between ${dayInWords(from)} and ${dayInWords(to)}`;
}

/** "home visit": the entry's kind as a practitioner says it. */
export function kindInWords(entry: ChronologyEntry): string {
  const label = eventKindById(entry.kind)?.label ?? 'entry';
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** Whatever the names hold, a rationale stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
