// Where everything goes, in SVG units. A fixed width (the page scales it): pattern labels on top,
// then one lane per agency (its name above its markers), then the axis. Markers never overlap: in a
// lane they take the first of three rows with room, and when none has room (many entries on one
// day, or years squeezed into the width) they are piled on the marker before them and counted.
import { axisTicks, dayWidth, timeScale, xOfDay, type Tick, type TimeScale } from './timeline.axis.ts';
import type { Lane, PlannedEntry, PlannedPattern, TimelinePlan } from './timeline.plan.ts';

export const VIEW_WIDTH = 800;
const SIDE = 24;
export const FONT = { lane: 16, tick: 15, band: 15, count: 12 } as const;
export const RADIUS = { plain: 6, significant: 8 } as const;
export const STACK = 3;
const ROW = 22;
const LANE_LABEL = 26;
const LANE_PAD = 6;
/** Centre to centre: two significant markers with heavy outlines, and a little air. */
export const MARKER_GAP = 2 * RADIUS.significant + 4;
const TOP = 8;
const BAND_ROW = 26;
export const AXIS = { tick: 6, month: 22, year: 40, today: 60, height: 48, todayHeight: 68 } as const;
/** Average advance of Arial, as a share of the font size: enough to keep labels apart. */
const CHARACTER_WIDTH = 0.56;

export interface PlacedMarker {
  planned: PlannedEntry;
  x: number;
  y: number;
  /** On another marker's spot, because no row had room. */
  piled: boolean;
  /** How many markers are piled on this one. */
  pile: number;
}

export interface PlacedLane {
  lane: Lane;
  top: number;
  height: number;
  markers: PlacedMarker[];
}

export interface PlacedBand {
  planned: PlannedPattern;
  x1: number;
  x2: number;
  labelX: number;
  /** The label's row above the lanes, from 0. */
  row: number;
}

export interface TimelineLayout {
  /** Inclusive YYYY-MM-DD days. */
  period: { from: string; to: string };
  width: number;
  height: number;
  scale: TimeScale;
  ticks: Tick[];
  bandRows: number;
  lanesTop: number;
  lanesBottom: number;
  lanes: PlacedLane[];
  bands: PlacedBand[];
  todayX: number | null;
  /** Every drawn marker, in date order. */
  markers: PlacedMarker[];
}

export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * CHARACTER_WIDTH;
}

export function bandLabelY(row: number): number {
  return TOP + row * BAND_ROW + 16;
}

export function bandBarY(row: number): number {
  return TOP + row * BAND_ROW + 21;
}

export function laneLabelY(lane: PlacedLane): number {
  return lane.top + 18;
}

/** First row whose last marker is far enough to the left; otherwise piled on the marker just placed. */
function placeMarkers(lane: Lane, scale: TimeScale, top: number): { markers: PlacedMarker[]; rows: number } {
  // Significant entries first on a day, so they get a row of their own rather than the pile.
  const order = [...lane.entries].sort((a, b) => a.dayNumber - b.dayNumber || Number(b.entry.significant) - Number(a.entry.significant));
  const rowEnds: number[] = Array.from({ length: STACK }, () => Number.NEGATIVE_INFINITY);
  const markers: PlacedMarker[] = [];
  let last: PlacedMarker | null = null;
  let rows = 1;
  for (const planned of order) {
    const x = xOfDay(scale, planned.day);
    const row = rowEnds.findIndex((end) => end + MARKER_GAP <= x);
    if (row === -1) {
      // Every row is taken this far right, so a marker has been placed: the nearest is the last.
      const base = last!;
      base.pile += 1;
      markers.push({ planned, x: base.x, y: base.y, piled: true, pile: 0 });
      continue;
    }
    rowEnds[row] = x;
    rows = Math.max(rows, row + 1);
    last = { planned, x, y: top + LANE_LABEL + row * ROW + ROW / 2, piled: false, pile: 0 };
    markers.push(last);
  }
  return { markers, rows };
}

/** Each band's label starts at its band (or ends at the right edge) on the first row where it fits. */
function placeBands(patterns: PlannedPattern[], scale: TimeScale): { bands: PlacedBand[]; rows: number } {
  const half = dayWidth(scale) / 2;
  const rowEnds: number[] = [];
  const bands = patterns.map((planned): PlacedBand => {
    const centre = (xOfDay(scale, planned.from) + xOfDay(scale, planned.to)) / 2;
    const x1 = Math.min(xOfDay(scale, planned.from) - half, centre - 3);
    const x2 = Math.max(xOfDay(scale, planned.to) + half, centre + 3);
    const width = textWidth(planned.pattern.title, FONT.band);
    const labelX = Math.max(scale.left, Math.min(x1, scale.right - width));
    const start = Math.min(x1, labelX);
    const end = Math.max(x2, labelX + width);
    let row = rowEnds.findIndex((rowEnd) => rowEnd + 12 <= start);
    if (row === -1) row = rowEnds.push(end) - 1;
    else rowEnds[row] = end;
    return { planned, x1, x2, labelX, row };
  });
  return { bands, rows: rowEnds.length };
}

export function layoutTimeline(plan: TimelinePlan): TimelineLayout | null {
  if (plan.period === null) return null;
  const scale = timeScale(plan.period.from, plan.period.to, SIDE, VIEW_WIDTH - SIDE);
  const { bands, rows: bandRows } = placeBands(plan.patterns, scale);
  const lanesTop = TOP + bandRows * BAND_ROW + (bandRows > 0 ? 6 : 0);
  let top = lanesTop;
  const lanes = plan.lanes.map((lane): PlacedLane => {
    const { markers, rows } = placeMarkers(lane, scale, top);
    const placed = { lane, top, height: LANE_LABEL + rows * ROW + LANE_PAD, markers };
    top += placed.height;
    return placed;
  });
  const todayX = plan.today === null ? null : xOfDay(scale, plan.today);
  const markers = lanes.flatMap((lane) => lane.markers).sort((a, b) => a.planned.dayNumber - b.planned.dayNumber);
  return {
    period: plan.period,
    width: VIEW_WIDTH,
    height: top + (todayX === null ? AXIS.height : AXIS.todayHeight) + 8,
    scale,
    ticks: axisTicks(scale),
    bandRows,
    lanesTop,
    lanesBottom: top,
    lanes,
    bands,
    todayX,
    markers,
  };
}
