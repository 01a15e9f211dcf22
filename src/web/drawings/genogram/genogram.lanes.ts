// Horizontal lines that would lie on top of each other (two partnerships of one row, two families
// of children) are given separate lanes. Narrow spans take the nearest lane, so a wide line passes
// beneath the short ones rather than through them.
export interface Span {
  id: string;
  from: number;
  to: number;
}

/** Lane index (0 nearest) for each span. Spans that only touch at an end still take different
 * lanes: on one lane, a mother's two partnerships would read as one line through her. */
export function assignLanes(spans: Span[]): Map<string, number> {
  const lanes: Span[][] = [];
  const result = new Map<string, number>();
  const sorted = [...spans].sort((a, b) => a.to - a.from - (b.to - b.from) || a.from - b.from);
  for (const span of sorted) {
    let lane = lanes.findIndex((taken) => taken.every((t) => span.to < t.from - 1 || span.from > t.to + 1));
    if (lane === -1) {
      lane = lanes.length;
      lanes.push([]);
    }
    lanes[lane]!.push(span);
    result.set(span.id, lane);
  }
  return result;
}

export function laneCount(lanes: Map<string, number>): number {
  return lanes.size === 0 ? 0 : Math.max(...lanes.values()) + 1;
}
