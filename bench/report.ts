// Turns measured latencies and counts into the figures the benchmark reports, and the report into
// a Markdown table. Pure: no clock, no files.

export interface Measured {
  name: string;
  /** 'http' went through the app under autocannon; 'direct' is the page's main query in a loop. */
  kind: 'http' | 'direct';
  durationSeconds: number;
  /** Every completed request's (or query's) latency in milliseconds. */
  latenciesMs: readonly number[];
  /** Connection errors and timeouts, or queries that threw. */
  errors: number;
  /** Responses that were not 2xx. */
  non2xx: number;
  /** For batch scenarios: the events each request carries. */
  eventsPerRequest?: number;
  /** For a direct baseline: what it sends (the page's captured statements, or the bare INSERT). */
  describes?: string;
}

export interface ScenarioResult {
  name: string;
  kind: 'http' | 'direct';
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  failed: boolean;
  /** Requests per second times the events each carries; null when a request is not a batch. */
  eventsPerSecond: number | null;
  /** Requests per second as a share of the fixed-page baseline's; null when there is no baseline. */
  ratioToBaseline: number | null;
  /** For a direct baseline: what it sends; null for a scenario through the app. */
  describes: string | null;
}

/** A task timed once from start to end, such as re-evaluating every profile. */
export interface OneOff {
  name: string;
  seconds: number;
  /** What it went through, in `unit`s. */
  count: number;
  unit: string;
}

export interface BenchReport {
  startedAt: string;
  database: 'pglite' | 'postgres';
  infants: number;
  dataset: string;
  durationSeconds: number;
  connections: number;
  /** Server processes of their own serving the app (--processes N); absent when it was served in the bench's process. */
  processes?: number;
  results: ScenarioResult[];
  oneOffs: OneOff[];
  /** pg_database_size once the dataset was loaded, before the scenarios wrote more. */
  databaseBytes: number;
}

export const BASELINE_NAME = 'baseline: fixed page';

/** The nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** The q-quantile (q from 0 to 1), interpolated between the two nearest values (percentile takes the nearest rank). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.ceil(at)]! - sorted[low]!) * (at - low);
}

export function summarise(measured: Measured): Omit<ScenarioResult, 'ratioToBaseline'> {
  const sorted = [...measured.latenciesMs].sort((a, b) => a - b);
  return {
    name: measured.name,
    kind: measured.kind,
    requests: sorted.length,
    requestsPerSecond: sorted.length / measured.durationSeconds,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    errors: measured.errors,
    non2xx: measured.non2xx,
    // A scenario that completed nothing failed too, even without a counted error.
    failed: measured.errors > 0 || measured.non2xx > 0 || sorted.length === 0,
    eventsPerSecond: measured.eventsPerRequest === undefined ? null : (sorted.length * measured.eventsPerRequest) / measured.durationSeconds,
    describes: measured.describes ?? null,
  };
}

/** Each result with its throughput as a share of the fixed-page baseline's. */
export function withRatios(results: readonly Omit<ScenarioResult, 'ratioToBaseline'>[]): ScenarioResult[] {
  const baseline = results.find((r) => r.name === BASELINE_NAME);
  const usable = baseline && !baseline.failed && baseline.requestsPerSecond > 0 ? baseline.requestsPerSecond : null;
  return results.map((r) => ({ ...r, ratioToBaseline: usable === null ? null : r.requestsPerSecond / usable }));
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(1));

export function markdownTable(report: BenchReport): string {
  const header = [
    `Benchmark ${report.startedAt}: ${report.database}, ${String(report.infants)} infants (${report.dataset}); ${String(report.durationSeconds)} s per scenario, ${String(report.connections)} connections; ${servedBy(report)}.`,
    '',
    '| scenario | kind | req/s | events/s | p50 ms | p95 ms | p99 ms | errors | non-2xx | × fixed page | status |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  const rows = report.results.map((r) =>
    [
      r.name,
      r.kind,
      r.requestsPerSecond.toFixed(1),
      r.eventsPerSecond === null ? '–' : r.eventsPerSecond.toFixed(0),
      ms(r.p50Ms),
      ms(r.p95Ms),
      ms(r.p99Ms),
      String(r.errors),
      String(r.non2xx),
      r.ratioToBaseline === null ? '–' : r.ratioToBaseline.toFixed(3),
      r.failed ? '**FAILED**' : 'ok',
    ].join(' | '),
  );
  const oneOffs = report.oneOffs.map((o) => `| ${o.name} | ${o.seconds.toFixed(1)} | ${String(o.count)} ${o.unit} | ${(o.count / o.seconds).toFixed(0)} |`);
  const described = report.results.filter((r) => r.describes !== null).map((r) => `- ${r.name}: ${r.describes!}`);
  const baselines = described.length === 0 ? [] : ['What each direct baseline sends:', '', ...described, ''];
  const size = `Database size after loading: ${(report.databaseBytes / 1_048_576).toFixed(0)} MiB, ${(report.databaseBytes / report.infants / 1024).toFixed(1)} KiB per infant.`;
  return [...header, ...rows.map((row) => `| ${row} |`), '', '| task, timed once | seconds | count | per second |', '| --- | ---: | ---: | ---: |', ...oneOffs, '', ...baselines, size].join('\n') + '\n';
}

function servedBy(report: Pick<BenchReport, 'processes'>): string {
  if (report.processes === undefined) return 'the app served in the bench\'s process';
  return `the app served by ${String(report.processes)} server process${report.processes === 1 ? '' : 'es'} of its own`;
}

/** `2026-05-01T10-20-30Z-pglite-500`, or `…-postgres-500-2proc` with --processes 2: sorts by time, says the database, size and processes. */
export function resultFileStem(report: Pick<BenchReport, 'startedAt' | 'database' | 'infants' | 'processes'>): string {
  const stamp = report.startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return `${stamp}-${report.database}-${String(report.infants)}${report.processes === undefined ? '' : `-${String(report.processes)}proc`}`;
}
