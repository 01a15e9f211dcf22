// The genogram as positioned shapes, lines and the household boundary: pure data for the drawing
// (and for tests). dagre decides the order and spacing across each row; rows are one generation
// each, spaced here so every partnership line and every line of children has room.
import { placeAcross, VARIANTS } from './genogram.dagre.ts';
import type { Across } from './genogram.dagre.ts';
import { buildFamily } from './genogram.family.ts';
import type { Family, FamilyMember } from './genogram.family.ts';
import { blockFor, LABEL_OFFSET, LINE_HEIGHT, SYMBOL, symbolHalf } from './genogram.geometry.ts';
import type { Block, LabelLine } from './genogram.geometry.ts';
import { unionLines } from './genogram.lines.ts';
import type { Anchor, UnionLines } from './genogram.lines.ts';
import type { GenogramInput } from './genogram.model.ts';
import { HOUSEHOLD_PAD, MARGIN, planRows } from './genogram.rows.ts';
import { crossings, readabilityCost } from './genogram.score.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedPerson {
  member: FamilyMember;
  cx: number;
  cy: number;
  /** The drawn symbol (with the baby's second outline). */
  symbol: Box;
  /** Symbol and words together: what must not touch anyone else's. */
  block: Box;
  lines: (LabelLine & { x: number; y: number })[];
}

export interface GenogramLayout {
  family: Family;
  width: number;
  height: number;
  people: PlacedPerson[];
  unions: UnionLines[];
  household: Box | null;
}

/** The laid-out genogram: dagre's variants are each laid out and the most readable one kept. */
export function layoutGenogram(input: GenogramInput): GenogramLayout {
  const family = buildFamily(input);
  const blocks = new Map(family.members.map((m) => [m.id, blockFor(m)]));
  const widths = new Map([...blocks].map(([id, b]) => [id, b.width]));
  let best: { layout: GenogramLayout; cost: number } | null = null;
  for (const variant of VARIANTS) {
    const layout = arrange(family, blocks, placeAcross(family, widths, variant));
    const cost = readabilityCost(layout.unions);
    if (!best || cost < best.cost - 0.5) best = { layout, cost };
    // Each dagre run costs milliseconds: a layout with no crossings is good enough.
    if (crossings(layout.unions) === 0) break;
  }
  return best!.layout;
}

/** Where each union's line to its children leaves: above the middle of the children (straight down
 * to an only child) when that is on the couple's line and clear of both partners' stems, otherwise
 * from the middle of the couple's line, as genograms usually draw it. */
function dropPoints(family: Family, xOf: (id: string) => number): Map<string, number> {
  const drops = new Map<string, number>();
  for (const u of family.unions) {
    const xs = u.partnerIds.map(xOf);
    if (xs.length === 1) {
      drops.set(u.id, xs[0]!);
      continue;
    }
    const [left, right] = [Math.min(...xs), Math.max(...xs)];
    const kids = u.childIds.map(xOf);
    const target = kids.length > 0 ? (Math.min(...kids) + Math.max(...kids)) / 2 : xOf(u.id);
    // An only child may sit close to one parent: a line a little off the parent's stem beats a jog.
    const margin = kids.length === 1 ? 6 : 12;
    drops.set(u.id, target >= left + margin && target <= right - margin ? target : (left + right) / 2);
  }
  return drops;
}

function place(m: FamilyMember, block: Block, cx: number, cy: number): PlacedPerson {
  const half = symbolHalf(m);
  return {
    member: m,
    cx,
    cy,
    symbol: { x: cx - half, y: cy - half, width: 2 * half, height: 2 * half },
    block: { x: cx - block.width / 2, y: cy - half, width: block.width, height: half + block.below },
    lines: block.lines.map((line, i) => ({ ...line, x: cx, y: cy + SYMBOL / 2 + LABEL_OFFSET + i * LINE_HEIGHT })),
  };
}

function arrange(family: Family, blocks: Map<string, Block>, across: Across): GenogramLayout {
  const lefts = family.members.map((m) => across.x.get(m.id)! - blocks.get(m.id)!.width / 2);
  const shift = MARGIN - Math.min(...lefts, across.household?.left ?? Infinity);
  const xOf = (id: string): number => across.x.get(id)! + shift;
  const drops = dropPoints(family, xOf);
  const { rows, partnershipY, sibshipY } = planRows(family, blocks, xOf, drops);
  const people = family.members.map((m) => place(m, blocks.get(m.id)!, xOf(m.id), rows[m.generation]!.cy));
  const placed = new Map(people.map((p) => [p.member.id, p]));
  const anchor = (id: string): Anchor => {
    const p = placed.get(id)!;
    return { x: p.cx, bottom: p.block.y + p.block.height, top: p.symbol.y };
  };

  const householdRows = family.members.filter((m) => m.livesInHousehold).map((m) => rows[m.generation]!);
  const top = Math.min(...householdRows.map((r) => r.cy - r.half)) - HOUSEHOLD_PAD;
  const bottom = Math.max(...householdRows.map((r) => r.cy + r.below)) + HOUSEHOLD_PAD;
  const household = across.household && { x: across.household.left + shift, y: top, width: across.household.right - across.household.left, height: bottom - top };
  const edges = household ? [household.x, household.x + household.width] : [];

  const unions = family.unions.map((u) => {
    const rowXs = rows[placed.get(u.partnerIds[0]!)!.member.generation]!.members.map((m) => xOf(m.id));
    return unionLines(u, u.partnerIds.map(anchor), u.childIds.map(anchor), partnershipY(u.id), sibshipY(u.id), drops.get(u.id) ?? null, [...rowXs, ...edges]);
  });
  const ends = [
    ...people.map((p) => ({ x: p.block.x + p.block.width, y: p.block.y + p.block.height })),
    ...unions.flatMap((u) => [...u.partnership, ...u.descent]).map((seg) => ({ x: Math.max(seg.x1, seg.x2), y: Math.max(seg.y1, seg.y2) })),
    ...(household ? [{ x: household.x + household.width, y: household.y + household.height }] : []),
  ];
  return {
    family,
    width: Math.ceil(Math.max(...ends.map((e) => e.x)) + MARGIN),
    height: Math.ceil(Math.max(...ends.map((e) => e.y)) + MARGIN),
    people,
    unions,
    household,
  };
}
