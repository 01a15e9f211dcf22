// The marker shapes, drawn around a centre: a circle, a triangle, a plus, a star, a cross, a square
// and a diamond are told apart at a glance and in black and white. Significant entries are larger
// with a heavy outline; a corrected entry is hollow with a dashed outline.
import type { MarkerShape } from './timeline.kinds.ts';

export const INK = '#0b0c0c';
export const PAPER = '#ffffff';

/** Pattern bands: high concern hatched in red, needing attention shaded yellow. */
export const BAND_LOOK = {
  high: { tint: '#f6d7d2', edge: '#d4351c', hatched: true },
  attention: { tint: '#fff4b3', edge: '#505a5f', hatched: false },
} as const;

export interface MarkerLook {
  shape: MarkerShape;
  fill: string;
  radius: number;
  heavy: boolean;
  hollow: boolean;
}

export function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function polygon(points: [number, number][]): string {
  return `<polygon points="${points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}"`;
}

/** `count` points evenly round the centre, the first straight up. */
function around(cx: number, cy: number, count: number, radiusAt: (i: number) => number): [number, number][] {
  return Array.from({ length: count }, (_, i) => {
    const angle = (i / count) * 2 * Math.PI - Math.PI / 2;
    return [cx + radiusAt(i) * Math.cos(angle), cy + radiusAt(i) * Math.sin(angle)];
  });
}

/** A plus with arms `arm` wide reaching `reach` from the centre, turned by `turn` radians. */
function plus(cx: number, cy: number, reach: number, arm: number, turn: number): [number, number][] {
  const corners: [number, number][] = [
    [-arm, -reach], [arm, -reach], [arm, -arm], [reach, -arm], [reach, arm], [arm, arm],
    [arm, reach], [-arm, reach], [-arm, arm], [-reach, arm], [-reach, -arm], [-arm, -arm],
  ];
  const cos = Math.cos(turn);
  const sin = Math.sin(turn);
  return corners.map(([x, y]) => [cx + x * cos - y * sin, cy + x * sin + y * cos]);
}

function outline(shape: MarkerShape, cx: number, cy: number, r: number): string {
  switch (shape) {
    case 'circle':
      return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}"`;
    case 'square':
      return `<rect x="${n(cx - r * 0.85)}" y="${n(cy - r * 0.85)}" width="${n(r * 1.7)}" height="${n(r * 1.7)}"`;
    case 'triangle':
      return polygon([[cx, cy - r * 1.2], [cx + r * 1.15, cy + r * 0.85], [cx - r * 1.15, cy + r * 0.85]]);
    case 'diamond':
      return polygon(around(cx, cy, 4, () => r * 1.25));
    case 'plus':
      return polygon(plus(cx, cy, r * 1.15, r * 0.42, 0));
    case 'cross':
      return polygon(plus(cx, cy, r * 1.25, r * 0.38, Math.PI / 4));
    case 'star':
      return polygon(around(cx, cy, 10, (i) => (i % 2 === 0 ? r * 1.35 : r * 0.6)));
  }
}

export function markerSvg(look: MarkerLook, cx: number, cy: number): string {
  const fill = look.hollow ? PAPER : look.fill;
  const dash = look.hollow ? ' stroke-dasharray="3 2"' : '';
  return `${outline(look.shape, cx, cy, look.radius)} fill="${fill}" stroke="${INK}" stroke-width="${look.heavy ? 3 : 1.5}"${dash}/>`;
}
