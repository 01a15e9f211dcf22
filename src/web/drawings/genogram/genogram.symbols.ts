// The standard genogram symbols as SVG: square male, circle female, diamond sex not known, triangle
// unborn; a second outline for the baby the record is about, a diagonal line through someone who
// has died, a question mark inside an adult whose identity is not known.
import { INDEX_RING, SYMBOL } from './genogram.geometry.ts';

export const INK = '#0b0c0c';
export const PAPER = '#ffffff';

export interface SymbolSpec {
  sex: 'female' | 'male' | 'unknown';
  unborn: boolean;
  deceased: boolean;
  identityKnown: boolean;
  index: boolean;
}

const STROKE = `stroke="${INK}" stroke-width="2"`;

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function shape(spec: SymbolSpec, cx: number, cy: number, h: number, fill: string): string {
  if (spec.unborn) {
    return `<polygon points="${n(cx)},${n(cy - h)} ${n(cx + h)},${n(cy + h * 0.8)} ${n(cx - h)},${n(cy + h * 0.8)}" fill="${fill}" ${STROKE}/>`;
  }
  if (spec.sex === 'male') return `<rect x="${n(cx - h)}" y="${n(cy - h)}" width="${n(2 * h)}" height="${n(2 * h)}" fill="${fill}" ${STROKE}/>`;
  if (spec.sex === 'female') return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(h)}" fill="${fill}" ${STROKE}/>`;
  return `<polygon points="${n(cx)},${n(cy - h)} ${n(cx + h)},${n(cy)} ${n(cx)},${n(cy + h)} ${n(cx - h)},${n(cy)}" fill="${fill}" ${STROKE}/>`;
}

/** One person's symbol centred on (cx, cy), at the standard size unless told otherwise. */
export function symbolSvg(spec: SymbolSpec, cx: number, cy: number, size = SYMBOL): string {
  const h = size / 2;
  const parts: string[] = [];
  if (spec.index) parts.push(shape(spec, cx, cy, h + (INDEX_RING * size) / SYMBOL, PAPER));
  parts.push(shape(spec, cx, cy, h, PAPER));
  if (!spec.identityKnown) {
    parts.push(`<text x="${n(cx)}" y="${n(cy + h * 0.36 + (spec.unborn ? h * 0.2 : 0))}" text-anchor="middle" font-size="${n(h)}" font-weight="bold" fill="${INK}">?</text>`);
  }
  if (spec.deceased) {
    const d = h + 3;
    parts.push(`<line x1="${n(cx - d)}" y1="${n(cy + d)}" x2="${n(cx + d)}" y2="${n(cy - d)}" ${STROKE}/>`);
  }
  return parts.join('');
}
