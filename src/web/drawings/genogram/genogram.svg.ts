// The laid-out genogram as one SVG string for the page: black lines on white so it prints, every
// person a link to their record with their own title, and the key beneath. No scripts and no
// inline styles (the CSP allows neither); the page's stylesheet may style the class names.
import { escapeXml } from './genogram.escape.ts';
import { DETAIL_FONT, NAME_FONT, statusWords } from './genogram.geometry.ts';
import type { GenogramLayout, PlacedPerson } from './genogram.layout.ts';
import { legendSvg } from './genogram.legend.ts';
import type { Segment, UnionLines } from './genogram.lines.ts';
import { INK, PAPER, symbolSvg } from './genogram.symbols.ts';
import { summarise } from './genogram.text.ts';

export const LINK_COLOUR = '#1d70b8';
const HOUSEHOLD_FILL = '#f3f2f1';
const MIN_WIDTH = 520;

export interface SvgOptions {
  /** A file on its own (the preview) may carry a style element; a page under the CSP may not. */
  standalone?: boolean;
}

/** Focus and hover styles, for the page's stylesheet or a standalone file. */
export const GENOGRAM_CSS = [
  '.app-genogram__person:focus { outline: none; }',
  '.app-genogram__person:focus .app-genogram__target { fill: #ffdd00; fill-opacity: 1; stroke: #0b0c0c; stroke-width: 4; }',
  '.app-genogram__person:focus .app-genogram__name { fill: #0b0c0c; text-decoration: none; }',
  '.app-genogram__person:hover .app-genogram__name { text-decoration-thickness: 3px; }',
].join('\n');

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function segments(list: Segment[], attrs: string): string {
  return list.map((s) => `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" ${attrs}/>`).join('');
}

function unionSvg(u: UnionLines): string {
  const stroke = `stroke="${INK}" stroke-width="2"`;
  return [
    segments(u.partnership, u.dashed ? `${stroke} stroke-dasharray="6 4"` : stroke),
    segments(u.marks, stroke),
    segments(u.descent, stroke),
  ].join('');
}

function personTitle(p: PlacedPerson): string {
  const m = p.member;
  const facts = [m.role.toLowerCase(), ...statusWords(m).map((w) => w.toLowerCase()), m.livesInHousehold ? "lives in the baby's household" : "does not live in the baby's household"];
  return `${m.label}: ${facts.join('; ')}`;
}

function personSvg(p: PlacedPerson): string {
  const m = p.member;
  const texts = p.lines.map((line) => {
    const name = line.kind === 'name';
    const attrs = name
      ? `class="app-genogram__name" font-size="${NAME_FONT}" font-weight="bold" fill="${LINK_COLOUR}" text-decoration="underline"`
      : `font-size="${DETAIL_FONT}" fill="${INK}"`;
    return `<text x="${n(line.x)}" y="${n(line.y)}" text-anchor="middle" ${attrs}>${escapeXml(line.text)}</text>`;
  });
  const target = `<rect class="app-genogram__target" x="${n(p.block.x)}" y="${n(p.block.y - 4)}" width="${n(p.block.width)}" height="${n(p.block.height + 6)}" rx="4" fill="${PAPER}" fill-opacity="0"/>`;
  const symbol = symbolSvg({ sex: m.sex, unborn: m.unborn, deceased: m.deceased, identityKnown: m.identityKnown, index: m.isInfant }, p.cx, p.cy);
  return `<a href="${escapeXml(m.href)}" class="app-genogram__person" data-person-id="${escapeXml(m.id)}"><title>${escapeXml(personTitle(p))}</title>${target}${symbol}${texts.join('')}</a>`;
}

export function renderGenogramSvg(layout: GenogramLayout, options: SvgOptions = {}): string {
  const infant = layout.family.members.find((m) => m.isInfant)!;
  const width = Math.max(layout.width, MIN_WIDTH);
  const legend = legendSvg(layout.family, layout.height + 4, 16, width - 32);
  const height = layout.height + 4 + legend.height + 12;
  const h = layout.household;
  const boundary = h
    ? `<rect class="app-genogram__household" x="${n(h.x)}" y="${n(h.y)}" width="${n(h.width)}" height="${n(h.height)}" rx="14" fill="${HOUSEHOLD_FILL}" stroke="${INK}" stroke-width="2" stroke-dasharray="9 5"/>`
    : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-genogram" role="group" aria-labelledby="genogram-title" aria-describedby="genogram-desc"`,
    ` viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="Arial, Helvetica, sans-serif">`,
    `<title id="genogram-title">Family diagram (genogram) for ${escapeXml(infant.label)}</title>`,
    `<desc id="genogram-desc">${escapeXml(summarise(layout.family))}</desc>`,
    options.standalone ? `<style>${GENOGRAM_CSS}</style>` : '',
    `<rect width="${width}" height="${height}" fill="${PAPER}"/>`,
    `<g aria-hidden="true">${boundary}${layout.unions.map(unionSvg).join('')}</g>`,
    // In reading order, so the tab order follows the rows top to bottom, left to right.
    `<g class="app-genogram__people">${[...layout.people].sort((a, b) => a.cy - b.cy || a.cx - b.cx).map(personSvg).join('')}</g>`,
    legend.svg,
    '</svg>',
  ].join('');
}
