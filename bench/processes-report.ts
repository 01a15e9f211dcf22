// The figures of bench/processes.ts: for each page and number of server processes, the requests per
// second (the median of the rounds), the latencies of every round together, and the throughput as a
// share of one process's, taken round by round (each round measures 1, 2, 4… one after another, so
// a change in the machine's load between rounds moves both sides of a ratio alike) and then the
// median of those. Pure: no clock, no files.
import { percentile, summarise, type Measured } from './report.ts';

export interface ProcessesMeasurement {
  round: number;
  processes: number;
  page: string;
  measured: Measured;
}

export interface ProcessesRow {
  page: string;
  processes: number;
  rounds: number;
  /** Median over the rounds. */
  requestsPerSecond: number;
  /** Median over the rounds of this round's req/s ÷ the same round's with one process; null without a one-process run. */
  ratioToOneProcess: number | null;
  p50Ms: number;
  p95Ms: number;
  errors: number;
  non2xx: number;
  failed: boolean;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function processesRows(measurements: readonly ProcessesMeasurement[]): ProcessesRow[] {
  const rps = (m: ProcessesMeasurement) => summarise(m.measured).requestsPerSecond;
  const onOne = (page: string, round: number) => measurements.find((m) => m.page === page && m.round === round && m.processes === 1);
  const groups = new Map<string, ProcessesMeasurement[]>();
  for (const m of measurements) {
    const key = `${m.page}\u0000${String(m.processes)}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()].map((group) => {
    const { page, processes } = group[0]!;
    const ratios = group.flatMap((m) => {
      const one = onOne(page, m.round);
      return one && rps(one) > 0 ? [rps(m) / rps(one)] : [];
    });
    const latencies = group.flatMap((m) => m.measured.latenciesMs).sort((a, b) => a - b);
    const errors = group.reduce((sum, m) => sum + m.measured.errors, 0);
    const non2xx = group.reduce((sum, m) => sum + m.measured.non2xx, 0);
    return {
      page,
      processes,
      rounds: group.length,
      requestsPerSecond: median(group.map(rps)),
      ratioToOneProcess: ratios.length === 0 ? null : median(ratios),
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      errors,
      non2xx,
      failed: errors > 0 || non2xx > 0 || latencies.length === 0,
    };
  });
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(1));

export function processesTable(heading: string, rows: readonly ProcessesRow[]): string {
  const lines = [heading, '', '| page | processes | req/s | × 1 process | p50 ms | p95 ms | errors | non-2xx | status |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |'];
  for (const row of rows) {
    const ratio = row.ratioToOneProcess === null ? '–' : row.ratioToOneProcess.toFixed(2);
    lines.push(
      `| ${row.page} | ${String(row.processes)} | ${row.requestsPerSecond.toFixed(0)} | ${ratio} | ${ms(row.p50Ms)} | ${ms(row.p95Ms)} | ${String(row.errors)} | ${String(row.non2xx)} | ${row.failed ? 'FAILED' : 'ok'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
