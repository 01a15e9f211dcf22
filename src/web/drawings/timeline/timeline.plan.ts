// What goes on the timeline, before any geometry: which entries are drawn (and which are left out,
// and why), the lanes, the period, and the patterns that fall in it. The text alternative reads the
// same plan, so the words and the picture cannot disagree.
import type { ChronologyEntry, ChronologyPattern } from '../../../domain/chronology/chronology.types.ts';
import { currentEntries } from '../../../domain/chronology/current-entries.ts';
import { dayNumber, dayOf } from '../../../domain/shared/calendar-date.ts';
import { markerGroupOf, type MarkerGroup } from './timeline.kinds.ts';
import type { TimelineInput } from './timeline.model.ts';

export const NO_AGENCY = 'Agency not recorded';

export interface PlannedEntry {
  entry: ChronologyEntry;
  /** The lane: the entry's agency, or NO_AGENCY. */
  agency: string;
  day: string;
  dayNumber: number;
  group: MarkerGroup;
  /** Superseded by a correction: still drawn, hollow and dashed. */
  corrected: boolean;
}

export interface Lane {
  agency: string;
  /** In date order. */
  entries: PlannedEntry[];
}

export interface PlannedPattern {
  pattern: ChronologyPattern;
  /** The part of the pattern inside the period, YYYY-MM-DD. */
  from: string;
  to: string;
}

export interface TimelinePlan {
  /** Every drawn entry, in date order (entries on the same day in the order given). */
  drawn: PlannedEntry[];
  /** One per agency, in the order of each agency's first entry. */
  lanes: Lane[];
  /** Inclusive YYYY-MM-DD days; null when no entry is drawn. */
  period: { from: string; to: string } | null;
  patterns: PlannedPattern[];
  /** When `today` is a real day inside the period. */
  today: string | null;
  outside: ChronologyEntry[];
  undated: ChronologyEntry[];
  /** The period asked for, when one was. */
  asked: { from: string | null; to: string | null };
}

const earliest = (days: string[]) => days.reduce((a, b) => (b < a ? b : a));
const latest = (days: string[]) => days.reduce((a, b) => (b > a ? b : a));

function askedPeriod(input: TimelineInput): { from: string | null; to: string | null } {
  const from = dayOf(input.from);
  const to = dayOf(input.to);
  return from !== null && to !== null && from > to ? { from: to, to: from } : { from, to };
}

function readablePatterns(patterns: readonly ChronologyPattern[]): PlannedPattern[] {
  return patterns.flatMap((pattern) => {
    const a = dayOf(pattern.from);
    const b = dayOf(pattern.to) ?? a;
    if (a === null || b === null) return [];
    return [{ pattern, from: a < b ? a : b, to: a < b ? b : a }];
  });
}

export function planTimeline(input: TimelineInput): TimelinePlan {
  const asked = askedPeriod(input);
  const current = new Set(currentEntries(input.entries).map((entry) => entry.id));
  const undated: ChronologyEntry[] = [];
  const outside: ChronologyEntry[] = [];
  const drawn: PlannedEntry[] = [];
  for (const entry of input.entries) {
    const day = dayOf(entry.occurredAt);
    if (day === null) undated.push(entry);
    else if ((asked.from !== null && day < asked.from) || (asked.to !== null && day > asked.to)) outside.push(entry);
    else drawn.push({ entry, agency: entry.agency.trim() || NO_AGENCY, day, dayNumber: dayNumber(day), group: markerGroupOf(entry.kind), corrected: !current.has(entry.id) });
  }
  drawn.sort((a, b) => a.dayNumber - b.dayNumber);

  const lanes = new Map<string, Lane>();
  for (const planned of drawn) {
    const lane = lanes.get(planned.agency) ?? { agency: planned.agency, entries: [] };
    lane.entries.push(planned);
    lanes.set(planned.agency, lane);
  }

  const patterns = readablePatterns(input.patterns);
  const today = dayOf(input.today);
  let period: TimelinePlan['period'] = null;
  if (drawn.length > 0) {
    const from = asked.from ?? earliest([drawn[0]!.day, ...patterns.map((p) => p.from)]);
    const ends = [drawn.at(-1)!.day, ...patterns.map((p) => p.to), ...(today !== null && today >= from ? [today] : [])];
    period = { from, to: asked.to ?? latest(ends) };
  }
  const inPeriod = (day: string) => period !== null && day >= period.from && day <= period.to;
  return {
    drawn,
    lanes: [...lanes.values()],
    period,
    patterns: period === null ? [] : patterns.filter((p) => p.to >= period.from && p.from <= period.to).map((p) => ({ ...p, from: p.from < period.from ? period.from : p.from, to: p.to > period.to ? period.to : p.to })),
    today: today !== null && inPeriod(today) ? today : null,
    outside,
    undated,
    asked,
  };
}
