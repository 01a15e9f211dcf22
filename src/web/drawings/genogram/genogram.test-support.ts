// Geometry checks shared by the genogram tests: what "readable" means, measured on the layout.
import type { Box, GenogramLayout, PlacedPerson } from './genogram.layout.ts';
import type { Segment } from './genogram.lines.ts';

export function overlaps(a: Box, b: Box, margin = 0): boolean {
  return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
}

export function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** Pairs of people whose boxes (symbol, or symbol with words) come closer than the margin. */
export function overlappingPairs(layout: GenogramLayout, boxOf: (p: PlacedPerson) => Box, margin: number): string[] {
  const pairs: string[] = [];
  layout.people.forEach((a, i) => {
    for (const b of layout.people.slice(i + 1)) if (overlaps(boxOf(a), boxOf(b), margin)) pairs.push(`${a.member.id} & ${b.member.id}`);
  });
  return pairs;
}

/** Does an axis-aligned segment pass through the inside of a box (touching its edge is allowed)? */
export function crossesBox(s: Segment, box: Box): boolean {
  const inner = { x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2 };
  const seg = { x: Math.min(s.x1, s.x2), y: Math.min(s.y1, s.y2), width: Math.abs(s.x2 - s.x1), height: Math.abs(s.y2 - s.y1) };
  return overlaps(seg, inner);
}

/** Lines that run through someone's symbol or words. */
export function linesThroughPeople(layout: GenogramLayout): string[] {
  const found: string[] = [];
  for (const u of layout.unions) {
    for (const s of [...u.partnership, ...u.descent, ...u.marks]) {
      for (const p of layout.people) if (crossesBox(s, p.block)) found.push(`${u.union.id} through ${p.member.id}`);
    }
  }
  return found;
}

export function allSegments(layout: GenogramLayout): Segment[] {
  return layout.unions.flatMap((u) => [...u.partnership, ...u.descent, ...u.marks]);
}
