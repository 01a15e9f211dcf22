// The lines of one union, in genogram convention: a partnership line beneath the couple (one slash
// across it when separated, two when former partners, dashed when no relationship is recorded),
// a line down from it to the children's line, and a short drop to each child.
import type { FamilyUnion } from './genogram.family.ts';

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface UnionLines {
  union: FamilyUnion;
  /** The partnership line and each partner's stem down to it; dashed for parents with no recorded relationship. */
  partnership: Segment[];
  dashed: boolean;
  /** The slashes of a separation or a former partnership. */
  marks: Segment[];
  /** Down from the union, along the children, down to each child. */
  descent: Segment[];
}

export interface Anchor {
  x: number;
  /** Bottom of the words under the symbol, where a stem starts. */
  bottom: number;
  /** Top of the symbol, where a line from the parents ends. */
  top: number;
}

const SLASH = 7;

function slashes(kind: FamilyUnion['kind'], x: number, y: number): Segment[] {
  const one = (cx: number): Segment => ({ x1: cx - SLASH / 1.6, y1: y + SLASH, x2: cx + SLASH / 1.6, y2: y - SLASH });
  if (kind === 'separated') return [one(x)];
  if (kind === 'ex-partners') return [one(x - 4), one(x + 4)];
  return [];
}

/** Where the slashes go: the middle of the widest stretch of line clear of the people above it
 * and of the line down to the children, so they are not read as belonging to someone else. */
function markX(left: number, right: number, obstacles: number[]): number {
  const stops = [left, ...obstacles.filter((x) => x > left && x < right), right].sort((a, b) => a - b);
  let best = { from: left, to: right, gap: -1 };
  for (let i = 1; i < stops.length; i++) {
    const gap = stops[i]! - stops[i - 1]!;
    if (gap > best.gap) best = { from: stops[i - 1]!, to: stops[i]!, gap };
  }
  return (best.from + best.to) / 2;
}

export function unionLines(
  union: FamilyUnion,
  partners: Anchor[],
  children: Anchor[],
  laneY: number | null,
  sibshipY: number | null,
  dropX: number | null,
  /** Centres of the other people in the partners' row. */
  rowXs: number[] = [],
): UnionLines {
  const partnership: Segment[] = [];
  const descent: Segment[] = [];
  let marks: Segment[] = [];
  let fromY: number | null = null;
  if (partners.length === 2 && laneY !== null) {
    const [a, b] = [...partners].sort((p, q) => p.x - q.x) as [Anchor, Anchor];
    partnership.push({ x1: a.x, y1: a.bottom, x2: a.x, y2: laneY }, { x1: b.x, y1: b.bottom, x2: b.x, y2: laneY });
    partnership.push({ x1: a.x, y1: laneY, x2: b.x, y2: laneY });
    const obstacles = [...rowXs, ...(children.length > 0 && dropX !== null ? [dropX] : [])];
    marks = slashes(union.kind, markX(a.x, b.x, obstacles), laneY);
    fromY = laneY;
  } else if (partners.length === 1) {
    fromY = partners[0]!.bottom;
  }
  if (children.length > 0 && fromY !== null && sibshipY !== null && dropX !== null) {
    descent.push({ x1: dropX, y1: fromY, x2: dropX, y2: sibshipY });
    const xs = [dropX, ...children.map((c) => c.x)];
    const left = Math.min(...xs);
    const right = Math.max(...xs);
    if (right - left > 0.5) descent.push({ x1: left, y1: sibshipY, x2: right, y2: sibshipY });
    for (const c of children) descent.push({ x1: c.x, y1: sibshipY, x2: c.x, y2: c.top });
  }
  return { union, partnership, dashed: union.kind === 'co-parents', marks, descent };
}
