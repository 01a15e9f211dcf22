// The laid-out timeline as one SVG string: lanes, month grid, shaded patterns, a marker per entry
// with its own title, the axis and a "today" line. role="img", labelled by its title and its
// description (the text alternative's summary); the page puts the full words and the key beside it.
// No scripts, no inline styles (the CSP allows neither): colours are attributes, the page's
// stylesheet sizes it.
import { spanInWords } from '../../../domain/chronology/pattern-words.ts';
import { escapeXml } from './timeline.escape.ts';
import { AXIS, bandBarY, bandLabelY, FONT, laneLabelY, RADIUS, textWidth, type TimelineLayout } from './timeline.layout.ts';
import { BAND_LOOK, INK, markerSvg, n, PAPER } from './timeline.symbols.ts';
import { entryWords, trimmed } from './timeline.words.ts';

const SECONDARY = '#505a5f';
const GRID = '#b1b4b6';
const STRIPE = '#f3f2f1';
/** A white edge round the letters, so a label stays readable where a band or grid line crosses it. */
const HALO = `stroke="${PAPER}" stroke-width="4" stroke-linejoin="round" paint-order="stroke"`;
const HATCH = `<pattern id="timeline-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="${BAND_LOOK.high.tint}"/><rect width="3" height="8" fill="${BAND_LOOK.high.edge}" fill-opacity="0.45"/></pattern>`;

function line(x1: number, y1: number, x2: number, y2: number, attrs: string): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" ${attrs}/>`;
}

function text(x: number, y: number, content: string, attrs: string): string {
  return `<text x="${n(x)}" y="${n(y)}" ${attrs}>${escapeXml(content)}</text>`;
}

function lanesSvg(layout: TimelineLayout): string {
  const { left, right } = layout.scale;
  return layout.lanes
    .map((lane, i) => {
      const stripe = i % 2 === 1 ? `<rect x="${left}" y="${n(lane.top)}" width="${right - left}" height="${n(lane.height)}" fill="${STRIPE}"/>` : '';
      return `${stripe}${line(left, lane.top + lane.height, right, lane.top + lane.height, `stroke="${GRID}" stroke-width="1"`)}`;
    })
    .join('');
}

function laneLabelsSvg(layout: TimelineLayout): string {
  return layout.lanes
    .map((lane) => {
      const count = lane.lane.entries.length;
      const agency = escapeXml(trimmed(lane.lane.agency, 60));
      return `<text x="${layout.scale.left}" y="${n(laneLabelY(lane))}" font-size="${FONT.lane}" fill="${INK}" ${HALO}><tspan font-weight="bold">${agency}</tspan><tspan fill="${SECONDARY}"> (${count} ${count === 1 ? 'entry' : 'entries'})</tspan></text>`;
    })
    .join('');
}

function gridSvg(layout: TimelineLayout): string {
  return layout.ticks
    .filter((tick) => tick.major)
    .map((tick) => line(tick.x, layout.lanesTop, tick.x, layout.lanesBottom, `stroke="${GRID}" stroke-width="1"`))
    .join('');
}

function bandsSvg(layout: TimelineLayout): string {
  return layout.bands
    .map((band) => {
      const look = BAND_LOOK[band.planned.pattern.severity];
      const { lanesTop: top, lanesBottom: bottom } = layout;
      const edge = `stroke="${look.edge}" stroke-width="2" stroke-dasharray="4 3"`;
      const fill = look.hatched ? 'url(#timeline-hatch)' : look.tint;
      return [
        `<rect class="app-timeline__band" data-pattern="${escapeXml(band.planned.pattern.id)}" x="${n(band.x1)}" y="${n(top)}" width="${n(band.x2 - band.x1)}" height="${n(bottom - top)}" fill="${fill}" fill-opacity="0.75"/>`,
        line(band.x1, top, band.x1, bottom, edge),
        line(band.x2, top, band.x2, bottom, edge),
      ].join('');
    })
    .join('');
}

function bandLabelsSvg(layout: TimelineLayout): string {
  return layout.bands
    .map((band) => {
      const barY = bandBarY(band.row);
      const { edge } = BAND_LOOK[band.planned.pattern.severity];
      return [
        text(band.labelX, bandLabelY(band.row), band.planned.pattern.title, `font-size="${FONT.band}" font-weight="bold" fill="${INK}"`),
        `<rect x="${n(band.x1)}" y="${n(barY)}" width="${n(band.x2 - band.x1)}" height="3" fill="${edge}"/>`,
        line(band.x1, barY, band.x1, layout.lanesTop, `stroke="${edge}" stroke-width="2"`),
      ].join('');
    })
    .join('');
}

function markersSvg(layout: TimelineLayout): string {
  return layout.markers
    .map((marker) => {
      const { planned } = marker;
      const significant = planned.entry.significant;
      const look = { shape: planned.group.shape, fill: planned.group.fill, radius: significant ? RADIUS.significant : RADIUS.plain, heavy: significant, hollow: planned.corrected };
      return `<g class="app-timeline__entry" data-entry-id="${escapeXml(planned.entry.id)}"><title>${escapeXml(entryWords(planned))}</title>${markerSvg(look, marker.x, marker.y)}</g>`;
    })
    .join('');
}

/** "+4": how many more entries lie under a marker. Drawn last, so nothing covers it. */
export function countBadge(x: number, y: number, count: number): string {
  const label = `+${count}`;
  const width = textWidth(label, FONT.count) + 6;
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="15" rx="3" fill="${PAPER}" stroke="${INK}" stroke-width="1"/>${text(x + 3, y + 11.5, label, `font-size="${FONT.count}" font-weight="bold" fill="${INK}"`)}`;
}

function countsSvg(layout: TimelineLayout): string {
  return layout.markers
    .filter((marker) => marker.pile > 0)
    .map((marker) => countBadge(marker.x + 4, marker.y - RADIUS.significant - 9, marker.pile))
    .join('');
}

function axisSvg(layout: TimelineLayout): string {
  const { left, right } = layout.scale;
  const y = layout.lanesBottom;
  const parts = [line(left, y, right, y, `stroke="${INK}" stroke-width="2"`)];
  for (const tick of layout.ticks) {
    parts.push(line(tick.x, y, tick.x, y + (tick.major ? AXIS.tick : AXIS.tick - 2), `stroke="${tick.major ? INK : SECONDARY}" stroke-width="${tick.major ? 2 : 1}"`));
    tick.lines.forEach((words, i) => {
      parts.push(text(tick.x, y + (i === 0 ? AXIS.month : AXIS.year), words, `font-size="${FONT.tick}" text-anchor="middle" fill="${INK}"${i === 1 ? ' font-weight="bold"' : ''}`));
    });
  }
  if (layout.todayX !== null) {
    const labelX = Math.min(Math.max(layout.todayX, left + 22), right - 22);
    parts.push(
      line(layout.todayX, layout.lanesTop, layout.todayX, y + AXIS.today - 14, `stroke="${INK}" stroke-width="2" stroke-dasharray="6 4"`),
      text(labelX, y + AXIS.today, 'Today', `font-size="${FONT.tick}" font-weight="bold" text-anchor="middle" fill="${INK}"`),
    );
  }
  return parts.join('');
}

function timelineTitle(layout: TimelineLayout): string {
  return `Timeline of the chronology ${spanInWords(layout.period.from, layout.period.to)}`;
}

export function renderTimelineSvg(layout: TimelineLayout, description: string): string {
  const { width, height } = layout;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-timeline" role="img" aria-labelledby="timeline-title timeline-desc"`,
    ` viewBox="0 0 ${width} ${n(height)}" width="${width}" height="${n(height)}" font-family="Arial, Helvetica, sans-serif">`,
    `<title id="timeline-title">${escapeXml(timelineTitle(layout))}</title>`,
    `<desc id="timeline-desc">${escapeXml(description)}</desc>`,
    `<defs>${HATCH}</defs>`,
    `<rect width="${width}" height="${n(height)}" fill="${PAPER}"/>`,
    `<g class="app-timeline__lanes">${lanesSvg(layout)}${gridSvg(layout)}</g>`,
    `<g class="app-timeline__bands">${bandsSvg(layout)}</g>`,
    `<g class="app-timeline__lane-labels">${laneLabelsSvg(layout)}</g>`,
    `<g class="app-timeline__axis">${axisSvg(layout)}</g>`,
    `<g class="app-timeline__markers">${markersSvg(layout)}</g>`,
    `<g class="app-timeline__counts">${countsSvg(layout)}</g>`,
    `<g class="app-timeline__band-labels">${bandLabelsSvg(layout)}</g>`,
    '</svg>',
  ].join('');
}

