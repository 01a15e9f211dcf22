// The words shared by the markers' titles and the text alternative, so both say the same thing.
import { eventKindById } from '../../../domain/catalogue/catalogue.ts';
import { oneLine } from '../../../domain/chronology/pattern-words.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';
import type { PlannedEntry } from './timeline.plan.ts';

/** Enough of a summary to recognise the entry; the chronology has the rest. */
export const SUMMARY_LENGTH = 140;

export function kindLabel(kind: string): string {
  return eventKindById(kind)?.label ?? kind;
}

/** One line, cut at a word near `length` with an ellipsis. */
export function trimmed(text: string, length: number): string {
  const line = oneLine(text);
  if (line.length <= length) return line;
  const cut = line.slice(0, length - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "3 March 2026: Home visit, Health visiting, significant. Baby seen asleep in her cot". */
export function entryWords(planned: PlannedEntry, extra = ''): string {
  const { entry } = planned;
  const flags = [entry.significant ? 'significant' : '', planned.corrected ? 'corrected by a later entry' : ''].filter(Boolean);
  const head = [kindLabel(entry.kind), trimmed(planned.agency, 80), ...flags].join(', ');
  const summary = trimmed(entry.summary, SUMMARY_LENGTH);
  return `${dayInWords(planned.day)}: ${head}${extra}.${summary ? ` ${summary}` : ''}`;
}
