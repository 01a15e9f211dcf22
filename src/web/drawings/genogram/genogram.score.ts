// How hard a laid-out genogram is to read: each place where one family's line crosses another's
// counts most, then the length of the horizontal lines (long partnership lines are hard to follow).
import type { Segment, UnionLines } from './genogram.lines.ts';

const EPSILON = 0.5;

function isHorizontal(s: Segment): boolean {
  return Math.abs(s.y1 - s.y2) < EPSILON && Math.abs(s.x1 - s.x2) >= EPSILON;
}

function isVertical(s: Segment): boolean {
  return Math.abs(s.x1 - s.x2) < EPSILON && Math.abs(s.y1 - s.y2) >= EPSILON;
}

function strictlyBetween(value: number, a: number, b: number): boolean {
  return value > Math.min(a, b) + EPSILON && value < Math.max(a, b) - EPSILON;
}

export function crossings(unions: UnionLines[]): number {
  const lines = unions.map((u) => [...u.partnership, ...u.descent]);
  let count = 0;
  lines.forEach((own, i) => {
    const horizontals = own.filter(isHorizontal);
    lines.forEach((other, j) => {
      if (i === j) return;
      for (const v of other.filter(isVertical)) {
        for (const h of horizontals) if (strictlyBetween(v.x1, h.x1, h.x2) && strictlyBetween(h.y1, v.y1, v.y2)) count++;
      }
    });
  });
  return count;
}

export function readabilityCost(unions: UnionLines[]): number {
  const horizontalLength = unions
    .flatMap((u) => [...u.partnership, ...u.descent])
    .filter(isHorizontal)
    .reduce((sum, s) => sum + Math.abs(s.x2 - s.x1), 0);
  return crossings(unions) * 1000 + horizontalLength;
}
