// Left-to-right placement by dagre (@dagrejs/dagre, MIT): people and their unions form a layered
// graph, a person's rank fixed by their generation and a union's halfway below its partners, so
// children hang beneath their parents and crossings are kept down. The household is a dagre
// cluster, which keeps its members side by side in every row and gives the boundary's extent.
import { dagreLayout, newDagreGraph } from './genogram.dagre-api.ts';
import type { DagreGraph, OrderConstraint } from './genogram.dagre-api.ts';
import type { Family, FamilyUnion } from './genogram.family.ts';

export interface Across {
  /** Centre of each person's block, and of each union node. */
  x: Map<string, number>;
  household: { left: number; right: number } | null;
}

const HOUSEHOLD = 'cluster:household';
const UNION_WIDTH = 2;

/**
 * dagre's own rankers would pull an unconnected person (a friend, a great aunt) to the top row,
 * so ranks are fixed: ours are scaled past every minimum edge length dagre has set by now, and
 * its helper nodes (cluster borders, the nesting root) are fitted around them.
 */
function fixedRanks(g: DagreGraph): void {
  const factor = 2 * (g.graph().nodeRankFactor ?? 1);
  const free: string[] = [];
  for (const v of g.nodes()) {
    const node = g.node(v);
    if (typeof node.rank === 'number') node.rank *= factor;
    else free.push(v);
  }
  const rankOf = (v: string): number | undefined => g.node(v).rank;
  let progress = true;
  while (progress) {
    progress = false;
    for (const v of free) {
      if (rankOf(v) !== undefined) continue;
      const outs = g.outEdges(v) ?? [];
      const ins = g.inEdges(v) ?? [];
      if (outs.length > 0 && outs.every((e) => rankOf(e.w) !== undefined)) {
        g.node(v).rank = Math.min(...outs.map((e) => rankOf(e.w)! - (g.edge(e).minlen ?? 1)));
      } else if (outs.length === 0 && ins.length > 0 && ins.every((e) => rankOf(e.v) !== undefined)) {
        g.node(v).rank = Math.max(...ins.map((e) => rankOf(e.v)! + (g.edge(e).minlen ?? 1)));
      } else continue;
      progress = true;
    }
  }
  for (const v of free) g.node(v).rank ??= 0;
}

function unionInHousehold(union: FamilyUnion, inHousehold: (id: string) => boolean): boolean {
  const partners = union.partnerIds.filter(inHousehold).length;
  return partners === union.partnerIds.length || (partners > 0 && union.childIds.some(inHousehold));
}

/**
 * dagre's ordering is a heuristic and, with a cluster, easily settles on a poor order, so a few
 * variants are tried and the layout keeps the one with the fewest line crossings: nodes given in
 * reverse, and the order dagre finds without the household carried into the clustered layout.
 */
export interface Variant {
  reverse: boolean;
  keepFreeOrder: boolean;
}

export const VARIANTS: Variant[] = [
  { reverse: false, keepFreeOrder: false },
  { reverse: false, keepFreeOrder: true },
  { reverse: true, keepFreeOrder: false },
  { reverse: true, keepFreeOrder: true },
];

function buildGraph(family: Family, widths: Map<string, number>, clustered: boolean, reverse: boolean): DagreGraph {
  const g = newDagreGraph();
  g.setGraph({ rankdir: 'TB', nodesep: 26, edgesep: 12, ranksep: 20, marginx: 0, marginy: 0, ranker: fixedRanks });
  g.setDefaultEdgeLabel(() => ({}));
  const household = new Set(family.members.filter((m) => m.livesInHousehold).map((m) => m.id));
  const inHousehold = (id: string): boolean => household.has(id);
  if (clustered) g.setNode(HOUSEHOLD, { width: 0, height: 0 });
  const inOrder = <T>(list: T[]): T[] => (reverse ? [...list].reverse() : list);
  for (const m of inOrder([...family.members].sort((a, b) => a.generation - b.generation))) {
    g.setNode(m.id, { width: widths.get(m.id) ?? 60, height: 40, rank: 2 * m.generation });
    if (clustered && inHousehold(m.id)) g.setParent(m.id, HOUSEHOLD);
  }
  const generation = new Map(family.members.map((m) => [m.id, m.generation]));
  for (const union of inOrder(family.unions)) {
    g.setNode(union.id, { width: UNION_WIDTH, height: 2, rank: 2 * (generation.get(union.partnerIds[0]!) ?? 0) + 1 });
    if (clustered && unionInHousehold(union, inHousehold)) g.setParent(union.id, HOUSEHOLD);
    // Partners are tied more strongly than children, so couples stay side by side.
    for (const p of union.partnerIds) g.setEdge(p, union.id, { weight: 4, minlen: 1 });
    for (const c of union.childIds) g.setEdge(union.id, c, { weight: 1, minlen: 1 });
  }
  return g;
}

function linkedIds(family: Family): Set<string> {
  return new Set(family.unions.flatMap((u) => [...u.partnerIds, ...u.childIds]));
}

/**
 * A first pass's order, row by row and on each side of the household boundary, as chains of
 * left-to-right constraints for a second pass; people linked to no one (a friend, a professional
 * carer) moved to the end, since dagre has nothing to place them by and may leave them mid-family.
 */
function keepOrder(g: DagreGraph, family: Family): OrderConstraint[] {
  const household = new Set(family.members.filter((m) => m.livesInHousehold).map((m) => m.id));
  for (const u of family.unions) if (unionInHousehold(u, (id) => household.has(id))) household.add(u.id);
  const linked = linkedIds(family);
  const loner = (id: string): boolean => family.members.some((m) => m.id === id) && !linked.has(id);
  const groups = new Map<string, { id: string; x: number }[]>();
  for (const v of g.nodes()) {
    const node = g.node(v);
    if (typeof node.rank !== 'number' || typeof node.x !== 'number' || node.dummy) continue;
    const key = `${node.rank}:${household.has(v)}`;
    groups.set(key, [...(groups.get(key) ?? []), { id: v, x: node.x }]);
  }
  return [...groups.values()].flatMap((list) => {
    const sorted = list.sort((a, b) => Number(loner(a.id)) - Number(loner(b.id)) || a.x - b.x);
    return sorted.slice(1).map((n, i) => ({ left: sorted[i]!.id, right: n.id }));
  });
}

/** Does someone linked to no one sit left of someone in the family, in their row and group? */
function lonersMisplaced(g: DagreGraph, family: Family): boolean {
  const linked = linkedIds(family);
  return family.members.some((a) =>
    !linked.has(a.id) &&
    family.members.some((b) => linked.has(b.id) && b.generation === a.generation && b.livesInHousehold === a.livesInHousehold && g.node(b.id).x! > g.node(a.id).x!),
  );
}

/** Children of one union in birth order; dagre keeps constrained nodes together when it must reorder them. */
function birthOrder(family: Family): OrderConstraint[] {
  return family.unions.flatMap((u) => u.childIds.slice(1).map((id, i) => ({ left: u.childIds[i]!, right: id })));
}

/** Constraints in turn, leaving out any that would close a cycle (dagre would drop those nodes). */
function withoutCycles(constraints: OrderConstraint[]): OrderConstraint[] {
  const after = new Map<string, string[]>();
  const reaches = (from: string, to: string): boolean => {
    const stack = [from];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (v === to) return true;
      if (seen.has(v)) continue;
      seen.add(v);
      stack.push(...(after.get(v) ?? []));
    }
    return false;
  };
  return constraints.filter(({ left, right }) => {
    if (reaches(right, left)) return false;
    after.set(left, [...(after.get(left) ?? []), right]);
    return true;
  });
}

export function placeAcross(family: Family, widths: Map<string, number>, variant: Variant): Across {
  const constraints = birthOrder(family);
  const first = buildGraph(family, widths, !variant.keepFreeOrder, variant.reverse);
  dagreLayout(first, { constraints });
  let g = first;
  if (variant.keepFreeOrder || lonersMisplaced(first, family)) {
    g = buildGraph(family, widths, true, variant.reverse);
    dagreLayout(g, { constraints: withoutCycles([...constraints, ...keepOrder(first, family)]) });
  }
  const x = new Map<string, number>();
  for (const v of g.nodes()) {
    const node = g.node(v);
    if (v !== HOUSEHOLD && typeof node.x === 'number') x.set(v, node.x);
  }
  const cluster = g.node(HOUSEHOLD);
  const bounds = typeof cluster.x === 'number' ? { left: cluster.x - cluster.width / 2, right: cluster.x + cluster.width / 2 } : null;
  return { x, household: bounds };
}
