// The paired figures' statistics (bench/observability.ts): in one process the variant's app and an app
// with everything off serve the same workload in turns, and each turn's CPU time is kept. A ratio is
// the variant's CPU over the off app's in the same turn (the two sides of a turn run back to back), or
// over a window of consecutive turns; the figure given is the median of those ratios with its
// interquartile range, so that a turn another process's burst slowed moves one ratio of many, where a
// ratio of sums takes it in whole. A median leaves out what falls in fewer than half of the turns (a
// batch of spans exported once every 512, a young-generation collection every few hundred pages):
// a window of enough turns holds those in each ratio; the ratio of the sums keeps everything.

/** The CPU time of each turn, in µs, in order: variant[i] and off[i] were served back to back. */
export interface Turns {
  variant: number[];
  off: number[];
}

/** The p-quantile (0 to 1) of values, interpolated between the nearest ranks; NaN for none. */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const rank = p * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** Each turn's variant CPU over the same turn's off CPU. */
export function turnRatios(turns: Turns): number[] {
  return windowRatios(turns, 1);
}

/** The variant's CPU over the off app's summed over each window of `turnsAWindow` consecutive turns; a last, partial window is left out. */
export function windowRatios(turns: Turns, turnsAWindow: number): number[] {
  const ratios: number[] = [];
  const count = Math.min(turns.variant.length, turns.off.length);
  for (let start = 0; start + turnsAWindow <= count; start += turnsAWindow) {
    let variant = 0;
    let off = 0;
    for (let i = start; i < start + turnsAWindow; i++) {
      variant += turns.variant[i]!;
      off += turns.off[i]!;
    }
    ratios.push(variant / off);
  }
  return ratios;
}

/** The variant's CPU over the off app's, every turn summed. */
export function sumRatio(turns: Turns): number {
  const sum = (values: number[]) => values.reduce((x, y) => x + y, 0);
  return sum(turns.variant) / sum(turns.off);
}

/** "1.234 (IQR 1.100-1.400, n 512)": the median and interquartile range of the ratios, and how many there were. */
export function medianWithQuartiles(ratios: readonly number[]): string {
  if (ratios.length === 0) return 'none';
  return `${median(ratios).toFixed(3)} (IQR ${quantile(ratios, 0.25).toFixed(3)}-${quantile(ratios, 0.75).toFixed(3)}, n ${String(ratios.length)})`;
}

/** "1.234 (1.100-1.400)": the median of a few values (one a round), with the least and the greatest. */
export function medianWithRange(values: readonly number[]): string {
  if (values.length === 0) return 'none';
  return `${median(values).toFixed(3)} (${Math.min(...values).toFixed(3)}-${Math.max(...values).toFixed(3)})`;
}
