// The vertical plan: one row per generation, with lanes beneath each row for its partnership
// lines and above it for the lines to its children, and enough room between for both.
import type { Family, FamilyMember } from './genogram.family.ts';
import { SYMBOL, symbolHalf } from './genogram.geometry.ts';
import type { Block } from './genogram.geometry.ts';
import { assignLanes, laneCount } from './genogram.lanes.ts';

export const MARGIN = 16;
export const HOUSEHOLD_PAD = 8;
const LANE_START = 12;
const LANE_STEP = 10;
const DROP_MIN = 22;
const SIBSHIP_GAP = 16;

export interface Row {
  members: FamilyMember[];
  /** Half the height of the tallest symbol. */
  half: number;
  /** From the symbols' centre to the bottom of the longest label. */
  below: number;
  cy: number;
}

export interface RowPlan {
  rows: Row[];
  /** y of a couple's partnership line, or null for a single parent. */
  partnershipY: (unionId: string) => number | null;
  /** y of the line along a union's children, or null when it has none. */
  sibshipY: (unionId: string) => number | null;
}

export function planRows(family: Family, blocks: Map<string, Block>, xOf: (id: string) => number, dropX: Map<string, number>): RowPlan {
  const generationOf = new Map(family.members.map((m) => [m.id, m.generation]));
  const rows: Row[] = Array.from({ length: family.generationCount }, (_, g) => {
    const members = family.members.filter((m) => m.generation === g);
    return { members, half: Math.max(SYMBOL / 2, ...members.map(symbolHalf)), below: Math.max(0, ...members.map((m) => blocks.get(m.id)!.below)), cy: 0 };
  });
  const couples = family.unions.filter((u) => u.partnerIds.length === 2);
  const partnerLanes = rows.map((_, g) =>
    assignLanes(couples.filter((u) => generationOf.get(u.partnerIds[0]!) === g).map((u) => {
      const xs = u.partnerIds.map(xOf);
      return { id: u.id, from: Math.min(...xs), to: Math.max(...xs) };
    })),
  );
  const parented = family.unions.filter((u) => u.childIds.length > 0);
  const sibshipLanes = rows.map((_, g) =>
    assignLanes(parented.filter((u) => generationOf.get(u.childIds[0]!) === g).map((u) => {
      const xs = [dropX.get(u.id)!, ...u.childIds.map(xOf)];
      return { id: u.id, from: Math.min(...xs), to: Math.max(...xs) };
    })),
  );

  const householdOnTop = family.members.some((m) => m.livesInHousehold && m.generation === 0);
  rows.forEach((row, g) => {
    const above = rows[g - 1];
    if (!above) {
      row.cy = MARGIN + row.half + (householdOnTop ? HOUSEHOLD_PAD + 4 : 0);
      return;
    }
    const lanes = laneCount(partnerLanes[g - 1]!);
    const lanesBottom = above.cy + above.below + (lanes > 0 ? LANE_START + (lanes - 1) * LANE_STEP : 0);
    row.cy = lanesBottom + DROP_MIN + Math.max(0, laneCount(sibshipLanes[g]!) - 1) * LANE_STEP + SIBSHIP_GAP + row.half;
  });

  return {
    rows,
    partnershipY: (unionId) => {
      const union = couples.find((u) => u.id === unionId);
      const g = union ? generationOf.get(union.partnerIds[0]!)! : -1;
      const lane = partnerLanes[g]?.get(unionId);
      return lane === undefined ? null : rows[g]!.cy + rows[g]!.below + LANE_START + lane * LANE_STEP;
    },
    sibshipY: (unionId) => {
      const union = parented.find((u) => u.id === unionId);
      const g = union ? generationOf.get(union.childIds[0]!)! : -1;
      const lane = sibshipLanes[g]?.get(unionId);
      return lane === undefined ? null : rows[g]!.cy - rows[g]!.half - SIBSHIP_GAP - lane * LANE_STEP;
    },
  };
}
