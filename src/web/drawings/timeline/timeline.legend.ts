// The key the page shows beside the picture, as HTML it can reflow on a small screen: a small
// drawing and its words for each kind of marker, mark and band this picture uses.
import { MARKER_GROUPS } from './timeline.kinds.ts';
import type { LegendItem } from './timeline.model.ts';
import { RADIUS, type TimelineLayout } from './timeline.layout.ts';
import { countBadge } from './timeline.svg.ts';
import { BAND_LOOK, INK, markerSvg } from './timeline.symbols.ts';

const NEUTRAL = '#b1b4b6';

function sample(drawing: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="app-timeline-key__symbol" viewBox="0 0 36 24" width="36" height="24" aria-hidden="true" focusable="false">${drawing}</svg>`;
}

function band({ tint, edge, hatched }: { tint: string; edge: string; hatched: boolean }): string {
  const hatch = hatched ? [6, 14, 22, 30].map((x) => `<line x1="${x - 4}" y1="20" x2="${x + 4}" y2="4" stroke="${edge}" stroke-width="2" stroke-opacity="0.6"/>`).join('') : '';
  return sample(`<rect x="2" y="4" width="32" height="16" fill="${tint}"/>${hatch}<rect x="2" y="4" width="32" height="16" fill="none" stroke="${edge}" stroke-width="2" stroke-dasharray="4 3"/>`);
}

export function legendItems(layout: TimelineLayout): LegendItem[] {
  const drawn = layout.markers.map((marker) => marker.planned);
  const groups = new Set(drawn.map((p) => p.group.id));
  const plain = { fill: NEUTRAL, radius: RADIUS.plain, heavy: false, hollow: false } as const;
  const severities = new Set(layout.bands.map((b) => b.planned.pattern.severity));
  const items: (LegendItem | false)[] = [
    ...MARKER_GROUPS.filter((group) => groups.has(group.id)).map((group) => ({ text: group.label, symbol: sample(markerSvg({ ...plain, shape: group.shape, fill: group.fill }, 18, 12)) })),
    drawn.some((p) => p.entry.significant) && { text: 'Significant entry: larger, with a heavy outline', symbol: sample(markerSvg({ ...plain, shape: 'circle', radius: RADIUS.significant, heavy: true }, 18, 12)) },
    drawn.some((p) => p.corrected) && { text: 'Corrected entry: hollow, with a dashed outline (the correction is an entry of its own)', symbol: sample(markerSvg({ ...plain, shape: 'circle', hollow: true }, 18, 12)) },
    layout.markers.some((m) => m.pile > 0) && { text: 'More entries at the same point than there is room to draw: how many more', symbol: sample(`${markerSvg({ ...plain, shape: 'circle' }, 10, 14)}${countBadge(12, 3, 3)}`) },
    severities.has('high') && { text: 'Pattern of high concern: hatched band, named above the lanes', symbol: band(BAND_LOOK.high) },
    severities.has('attention') && { text: 'Pattern that needs attention: shaded band, named above the lanes', symbol: band(BAND_LOOK.attention) },
    layout.todayX !== null && { text: 'Today: dashed line', symbol: sample(`<line x1="18" y1="2" x2="18" y2="22" stroke="${INK}" stroke-width="2" stroke-dasharray="6 4"/>`) },
  ];
  return items.filter((item): item is LegendItem => item !== false);
}
