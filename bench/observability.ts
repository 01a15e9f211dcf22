// What logging, metrics and tracing cost (issue 20: goal under 5% with logs and metrics on, under 15%
// with tracing on), in one process and one run, so the ratios compare like with like on a shared
// machine. Two workloads through app.inject (no sockets: the framework, the hooks and the database,
// not the kernel): the fixed page (bench/fixed-page.ts, no database) and single event writes (POST
// /api/v1/cases/:caseId/events, spread over a few cases). Variants, each its own app over the same
// database:
//   off           no log lines, no metrics, no tracing (what tests run)
//   logs+metrics  the request log at info to a sink that drops the lines (the JSON is still made) and
//                 prom-client metrics (PrometheusMetrics as ctx.metrics, the request hook on)
//   tracing       logs and metrics as above, and tracing started with a processor that drops the
//                 spans after the allow-list (the spans, their attributes and the SQL spans are made)
// Tracing registers a global tracer provider that cannot be taken back, so "off" and "logs+metrics"
// alternate in rounds first, and "tracing" runs after them; its ratio is against the same run's "off".
//
//   node --import tsx bench/observability.ts [--seconds 3] [--rounds 3] [--out bench/results]
// With DATABASE_URL set, the writes go to a PostgreSQL database of the bench's own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-node';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../src/app.ts';
import { createContext, type AppContext } from '../src/application/context.ts';
import { PrometheusMetrics } from '../src/infrastructure/metrics/prometheus-metrics.ts';
import { startTracing } from '../src/infrastructure/tracing/tracing.ts';
import { apiTokenFor, makeCase, makeUser } from '../test/helpers/factories.ts';
import { TEST_SESSION_SECRET, testConfig } from '../test/helpers/test-app.ts';
import { openBenchDatabase } from './database.ts';
import { addFixedPage, FIXED_PAGE_PATH } from './fixed-page.ts';

const { values: args } = parseArgs({ options: { seconds: { type: 'string', default: '3' }, rounds: { type: 'string', default: '3' }, out: { type: 'string', default: 'bench/results' } } });
const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const CASES = 8;

type Variant = 'off' | 'logs+metrics' | 'tracing';
type Workload = 'fixed page' | 'single event';

interface Sample {
  count: number;
  latenciesMs: number[];
  seconds: number;
}

/** Drops every span it is given: what the SDK does up to the exporter, without exporting. */
class DroppingProcessor implements SpanProcessor {
  spans = 0;
  onStart(): void {}
  onEnd(): void {
    this.spans++;
  }
  forceFlush = async () => undefined;
  shutdown = async () => undefined;
}

const sink = { write: () => undefined };

async function appFor(base: AppContext, variant: Variant): Promise<FastifyInstance> {
  const on = variant !== 'off';
  const ctx = on ? { ...base, metrics: new PrometheusMetrics() } : base;
  const app = await buildApp({ ctx, sessionSecret: TEST_SESSION_SECRET, tracing: variant === 'tracing', ...(on ? { logDestination: sink } : {}) });
  addFixedPage(app);
  await app.ready();
  return app;
}

async function run(app: FastifyInstance, workload: Workload, request: (i: number) => InjectOptions): Promise<Sample> {
  const latenciesMs: number[] = [];
  const started = performance.now();
  const until = started + SECONDS * 1000;
  let i = 0;
  while (performance.now() < until) {
    const t = performance.now();
    const response = await app.inject(request(i++));
    latenciesMs.push(performance.now() - t);
    if (response.statusCode >= 300) throw new Error(`${workload}: ${String(response.statusCode)} ${response.body.slice(0, 200)}`);
  }
  return { count: i, latenciesMs, seconds: (performance.now() - started) / 1000 };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summary(samples: Sample[]) {
  const latencies = samples.flatMap((s) => s.latenciesMs).sort((a, b) => a - b);
  const count = samples.reduce((n, s) => n + s.count, 0);
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  return { requests: count, perSecond: count / seconds, meanMs: latencies.reduce((a, b) => a + b, 0) / latencies.length, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
}

async function main(): Promise<void> {
  const bench = await openBenchDatabase(5);
  const base = createContext(bench.database.db, testConfig({ LOG_LEVEL: 'info' }));
  const user = await makeUser(base, { email: 'observability.bench@example.org' });
  const { id: userId } = await base.db.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirstOrThrow();
  const token = await apiTokenFor(base, user.email);
  const caseIds: string[] = [];
  for (let i = 0; i < CASES; i++) caseIds.push((await makeCase(base, { teamUserIds: [userId] })).id);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const requests: Record<Workload, (i: number) => InjectOptions> = {
    'fixed page': () => ({ method: 'GET', url: FIXED_PAGE_PATH }),
    'single event': (i) => ({ method: 'POST', url: `/api/v1/cases/${caseIds[i % CASES]!}/events`, headers, payload: JSON.stringify({ kind: 'case-note', occurredAt: '2026-11-21', summary: `Bench note ${String(i)}`, source: 'observed' }) }),
  };
  const samples = new Map<string, Sample[]>();
  const measure = async (variant: Variant) => {
    const app = await appFor(base, variant);
    for (const workload of Object.keys(requests) as Workload[]) {
      await run(app, workload, requests[workload]); // warm-up, not kept
      const key = `${workload}|${variant}`;
      samples.set(key, [...(samples.get(key) ?? []), await run(app, workload, requests[workload])]);
      process.stdout.write(`${workload}, ${variant}: ${String(samples.get(key)!.at(-1)!.count)} requests\n`);
    }
    await app.close();
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of round % 2 === 0 ? (['off', 'logs+metrics'] as const) : (['logs+metrics', 'off'] as const)) await measure(variant);
  }
  const processor = new DroppingProcessor();
  const tracing = startTracing({ processor, http: false });
  for (let round = 0; round < ROUNDS; round++) await measure('tracing');
  await tracing.shutdown();
  await bench.database.close();

  const rows: string[] = [];
  const json: Record<string, unknown> = {};
  for (const workload of Object.keys(requests) as Workload[]) {
    const off = summary(samples.get(`${workload}|off`)!);
    for (const variant of ['off', 'logs+metrics', 'tracing'] as const) {
      const s = summary(samples.get(`${workload}|${variant}`)!);
      json[`${workload}|${variant}`] = s;
      const ratio = (s.meanMs / off.meanMs).toFixed(3);
      rows.push(`| ${workload} | ${variant} | ${String(s.requests)} | ${s.perSecond.toFixed(0)} | ${s.meanMs.toFixed(3)} | ${s.p50Ms.toFixed(3)} | ${s.p95Ms.toFixed(3)} | ${ratio} |`);
    }
  }
  const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  const name = `${stamp}-observability-${bench.kind}`;
  const text = [
    `# Observability overhead, ${bench.kind}, ${new Date().toISOString()}`,
    '',
    `Command: \`node --import tsx bench/observability.ts --seconds ${String(SECONDS)} --rounds ${String(ROUNDS)}\`${bench.kind === 'postgres' ? ' with DATABASE_URL set' : ''}. Node ${process.version}, ${String(os.cpus().length)} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end: the machine was shared with other work, so only the ratios within this run mean much.`,
    '',
    `In process through app.inject, one request at a time, ${String(SECONDS)} s per sample after a warm-up of the same length, ${String(ROUNDS)} samples per variant; "off" and "logs+metrics" alternate round by round, "tracing" (logs, metrics, and every span made and dropped after the allow-list: ${String(processor.spans)} spans) runs after them, since a tracer provider cannot be unregistered. Ratio: mean latency against "off" for the same workload. Single events are spread over ${String(CASES)} cases.`,
    '',
    '| workload | variant | requests | per second | mean ms | p50 ms | p95 ms | ratio to off |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  fs.mkdirSync(args.out, { recursive: true });
  fs.writeFileSync(path.join(args.out, `${name}.md`), text);
  fs.writeFileSync(path.join(args.out, `${name}.json`), `${JSON.stringify({ kind: bench.kind, seconds: SECONDS, rounds: ROUNDS, spans: processor.spans, results: json }, null, 2)}\n`);
  process.stdout.write(`\n${text}\nWritten to ${path.join(args.out, name)}.md and .json\n`);
}

await main();
