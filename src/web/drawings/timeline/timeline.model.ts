// What the timeline is drawn from, and what it gives back to the page.
import type { ChronologyEntry, ChronologyPattern } from '../../../domain/chronology/chronology.types.ts';

export interface TimelineInput {
  /** Every entry of the chronology, corrected ones included (they are drawn hollow). */
  entries: readonly ChronologyEntry[];
  /** From findPatterns: shaded as bands across the lanes. */
  patterns: readonly ChronologyPattern[];
  /** The period to draw, inclusive YYYY-MM-DD days. Without them: the first entry to today (or to the last entry or pattern, if later). */
  from?: string;
  to?: string;
  /** YYYY-MM-DD: marked with a line. */
  today: string;
  /** Person id to display name, for whom the significant entries are about. */
  names: ReadonlyMap<string, string>;
}

export interface TextSection {
  heading: string;
  items: string[];
}

/** One line of the key the page shows beside the picture: a small SVG sample and its words. */
export interface LegendItem {
  text: string;
  symbol: string;
}

export interface RenderedTimeline {
  /** Empty when there is nothing to draw. */
  svg: string;
  /** In plain words: how many entries from which agencies, how many significant, which patterns. Also the picture's description. */
  textAlternative: string;
  /** The same facts in full, as headed lists: entries by agency, significant entries in order, patterns, anything not drawn. */
  sections: TextSection[];
  /** Only what this picture uses. */
  legend: LegendItem[];
}
