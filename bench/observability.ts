// What logging, metrics and tracing cost (issue 20: goal under 5% with logs and metrics on, under 15%
// with tracing on). Two workloads: the fixed page (bench/fixed-page.ts, no database) and single event
// writes (POST /api/v1/cases/:caseId/events, spread over a few cases), sent by one of two transports
// (bench/observability-transport.ts):
//   http (the default)  each app listens on a loopback port of its own (127.0.0.1) and a client in a
//                 process of its own (bench/observability-client.ts) sends the requests one at a time
//                 on a keep-alive connection, turn by turn as the measured process tells it: the
//                 figure is the server process's own CPU (process.cpuUsage), with its sockets and HTTP
//                 parsing and without the client's. This is what a hosting team pays behind its proxy.
//   inject        app.inject in the measured process (no sockets: the framework, the hooks and the
//                 database, not the kernel). light-my-request's injected requests and responses carry
//                 per-instance getters that keep each page's objects until a full collection, so every
//                 allocation costs more than over HTTP; kept to compare with the runs before 7 December.
// Variants:
//   off           no log lines, no metrics, no tracing (what tests run)
//   logs+metrics  the request log at info to a sink that drops the lines (the JSON is still made) and
//                 prom-client metrics (PrometheusMetrics as ctx.metrics, each request observed)
//   tracing       logs and metrics as above, and tracing started as the server starts it: every span
//                 made, queued, allow-listed and sent by OTLP over HTTP (protobuf) to a collector, which
//                 is this run's own process (a local HTTP server that counts the spans and drops
//                 them): the serialisation and the sending are paid in the measured process
//   tracing 1 in 10  the same, sampling one trace in ten (OTEL_TRACES_SAMPLER=parentbased_traceidratio,
//                 OTEL_TRACES_SAMPLER_ARG=0.1): the others' spans are not recorded
// Each variant runs in a process of its own (a tracer provider cannot be taken back), one after
// another in rounds: off, tracing, tracing 1 in 10, logs+metrics, off, tracing... Each round's variants
// are compared with that round's "off", pair by pair, so a machine whose speed drifts between rounds
// moves both sides of a ratio; the report gives each ratio's median, minimum and maximum over the
// rounds, for CPU time per request (process.cpuUsage, user + system: on PGlite the database's work is
// in it too) as well as for the mean wall time (over HTTP, the client's round trip). Through inject the
// loop lets the event loop turn every 16 requests (app.inject alone never reaches it), as a server's
// sockets do, so that the exports can go out.
//
// Processes differ from one another by more than the goals (an untraced fixed page took 75 to 101 µs
// of CPU in five processes of one quiet run; the report gives the "off" processes' own spread as that
// table's noise), so each process also measures both workloads paired: beside its variant's app it
// builds an app with everything off (in a traced process, its requests in a trace not sampled, so that
// its events' steps record nothing), and the two serve the workload in turns (16 fixed pages, or 2
// events, each app to cases of its own) for a sample's length, each turn's CPU kept (over HTTP a turn
// is one message to the client and its answer, paid alike by both sides). A paired ratio is
// taken inside the process (same heap, same machine at the same moment): the median, with its
// interquartile range, of each turn's variant CPU over the off app's in the same turn, and of the same
// over windows of turns long enough to hold the costs that come once in many requests (a batch of 512
// spans exported, a young-generation collection), beside the ratio of the sums
// (bench/observability-statistics.ts). In the "off" process the pair is two apps with everything
// off: those ratios are the method's own noise. The goal is read from the paired window ratio; what
// no app in a process can show, it misses: work of the whole process (the SDK loaded, the default
// metrics' collectors), and garbage one app made and the other's turn collected; the ratio across
// processes keeps those.
//
//   node --import tsx bench/observability.ts [--transport http|inject] [--seconds 3] [--rounds 5] [--out bench/results]
//     [--note 'load 6'] [--warm-up-pages 20000] [--warm-up-events 200]   (the fewest requests of each warm-up, below)
//     [--cpu-prof-dir /tmp/prof]   (node --cpu-prof on each measured process, not on the run or the HTTP client)
// Results: bench/results/<time>-observability-<pglite|postgres>-<transport>.md and .json.
// With DATABASE_URL set, each process writes to a PostgreSQL database of its own.
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setImmediate as eventLoopTurn } from 'node:timers/promises';
import { parseArgs, promisify } from 'node:util';
import { context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { createContext } from '../src/application/context.ts';
import { PrometheusMetrics } from '../src/infrastructure/metrics/prometheus-metrics.ts';
import type { SpanLoss } from '../src/infrastructure/tracing/span-queue.ts';
import { startTracing } from '../src/infrastructure/tracing/tracing.ts';
import { apiTokenFor, makeCase, makeUser } from '../test/helpers/factories.ts';
import { spansOfExport } from '../test/helpers/otlp-spans.ts';
import { TEST_SESSION_SECRET, testConfig } from '../test/helpers/test-app.ts';
import { openBenchDatabase } from './database.ts';
import { median, medianWithQuartiles, medianWithRange, sumRatio, turnRatios, windowRatios, type Turns } from './observability-statistics.ts';
import { addFixedPage } from './fixed-page.ts';
import { WORKLOADS, type Audience, type Workload } from './observability-requests.ts';
import { REQUESTS_A_TURN, startTransport, TRANSPORTS, type Transport, type TransportName } from './observability-transport.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '5' },
    out: { type: 'string', default: 'bench/results' },
    note: { type: 'string', default: '' },
    'warm-up-pages': { type: 'string', default: '20000' },
    'warm-up-events': { type: 'string', default: '200' },
    transport: { type: 'string', default: 'http' },
    /** Profiles each measured process (not the run, nor the HTTP client) into this folder: node --cpu-prof. */
    'cpu-prof-dir': { type: 'string' },
    /** Set by the run for each process it starts: measure this variant only and print its figures. */
    variant: { type: 'string' },
  },
});
const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const CASES = 8;
if (!(TRANSPORTS as readonly string[]).includes(args.transport)) throw new Error(`--transport: one of ${TRANSPORTS.join(', ')}`);
const TRANSPORT = args.transport as TransportName;

const VARIANTS = ['off', 'tracing', 'tracing 1 in 10', 'logs+metrics'] as const;
type Variant = (typeof VARIANTS)[number];
/** The sampler an operator sets to record one trace in ten (docs/operations/tracing.md); the SDK reads it when tracing starts. */
const ONE_IN_TEN = { OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' };
/**
 * The fewest requests of a warm-up, however long they take. A warm-up of a sample's length alone
 * leaves a process on a loaded machine cold: on 6 December (load 15 to 24, three pairs of processes)
 * 3,000 fixed pages after 1,000 took 1.45 to 1.68x the CPU a page of 3,000 after 20,000 with logs and
 * metrics on, and 1.67 to 2.75x with tracing; traced over logs and metrics, 1.26 to 1.61x cold against
 * 0.94 to 1.12x warm. The export's code runs once a batch of 512 spans, so it is compiled last, and the
 * compiler's threads are in the process's CPU: the likeliest reason a traced process looked two or
 * three times dearer under load and 1.2x on a quiet machine, where 3 s is 35,000 pages (issue 20).
 */
const WARM_UP_REQUESTS: Record<Workload, number> = { 'fixed page': Number(args['warm-up-pages']), 'single event': Number(args['warm-up-events']) };

/** One workload's sample in one process. */
interface Sample {
  requests: number;
  seconds: number;
  cpuMicroseconds: number;
  meanMs: number;
  p95Ms: number;
}

interface ProcessFigures {
  variant: Variant;
  /** Spans the collector received from this process (counted by the run, not the process). */
  spans: number;
  /** Spans the process's queue lost, by why. */
  lost: Record<SpanLoss, number>;
  samples: Record<Workload, Sample>;
  /** Each workload served in turns by this variant's app and an app with everything off, in this process. */
  paired: Record<Workload, PairedSample>;
}

/** The two apps' samples, and each turn's CPU. */
interface PairedSample {
  variant: Sample;
  off: Sample;
  turns: Turns;
}

/**
 * Requests in one turn of a paired sample. Short, so that the young generation's collections (one
 * about every 350 fixed pages) fall in either app's turns alike: in one process two identical apps
 * came out at 1.003 to 1.006 in turns of 16, against 0.97 to 1.07 in turns of 256 (scratch runs,
 * 6 December 2026; docs/operations/tracing.md, "What logging and metrics cost"), and so that a burst of
 * another process's work moves few turns' ratios. An event is some 80 fixed pages' CPU.
 */
const PAIRED_TURN: Record<Workload, number> = { 'fixed page': REQUESTS_A_TURN, 'single event': 2 };
/**
 * Turns in a window of the paired window ratio: 512 fixed pages, one batch of their spans exported
 * (one span a page) and a young-generation collection or two; 8 events, short enough for a few
 * windows a process (a quiet machine writes some 140 events a side in 3 s, a loaded one 20 to 40):
 * an event's share of an export (21 spans, about 4 µs each) is under 1% of its 12 ms, so its window
 * need not hold a whole batch.
 */
const WINDOW_TURNS: Record<Workload, number> = { 'fixed page': 32, 'single event': 4 };

/** The run's stand-in for a trace collector: it answers every OTLP export and counts its spans. */
async function startCollector(): Promise<{ url: string; take(): number; close(): void }> {
  let spans = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const contentType = request.headers['content-type'];
      spans += spansOfExport(Buffer.concat(chunks), contentType).length;
      response.writeHead(200, { 'content-type': contentType ?? 'application/x-protobuf' }).end(contentType === 'application/json' ? '{}' : '');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
    take: () => {
      const taken = spans;
      spans = 0;
      return taken;
    },
    close: () => server.close(),
  };
}

const sink = { write: () => undefined };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Latencies as a sample's mean and p95. */
function latencyFigures(latenciesMs: number[]): Pick<Sample, 'meanMs' | 'p95Ms'> {
  const sorted = latenciesMs.sort((x, y) => x - y);
  return { meanMs: sorted.reduce((x, y) => x + y, 0) / sorted.length, p95Ms: percentile(sorted, 95) };
}

/** The variant's app alone (side 0) for a sample's length, and at least `leastRequests` requests, in turns of `turnRequests`. */
async function sample(transport: Transport, workload: Workload, turnRequests: number, leastRequests = 0): Promise<Sample> {
  await transport.takeLatencies(0);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const until = started + SECONDS * 1000;
  let requests = 0;
  while (performance.now() < until || requests < leastRequests) {
    await transport.serve(0, workload, requests, turnRequests);
    requests += turnRequests;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { requests, seconds, cpuMicroseconds: cpu.user + cpu.system, ...latencyFigures(await transport.takeLatencies(0)) };
}

/** One side's turn, then a turn of the event loop, so that what its requests scheduled (an export) is done in their CPU time. */
async function serve(transport: Transport, side: number, workload: Workload, first: number, count: number): Promise<number> {
  const cpuBefore = process.cpuUsage();
  await transport.serve(side, workload, first, count);
  await eventLoopTurn();
  const cpu = process.cpuUsage(cpuBefore);
  return cpu.user + cpu.system;
}

/**
 * Makes the off app of a traced process record nothing. Tracing is the process's (a global tracer
 * provider): an app built without it makes no request span, but a use case's steps
 * (application/tracing.ts) would start traces of their own, with their SQL statements, as the off app
 * wrote events. Its requests run instead in a trace that is not sampled, entered by a hook as the
 * request span is, so their steps' spans are children of an unsampled parent, made and dropped. The
 * off app pays that hook and the context it enters, about what one span's start costs (under 1 µs).
 */
function recordNothing(app: FastifyInstance): void {
  const unsampled = trace.setSpan(ROOT_CONTEXT, trace.wrapSpanContext({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.NONE }));
  app.addHook('onRequest', (_request, _reply, done) => context.with(unsampled, done));
}

/**
 * The two apps (side 0 the variant's, side 1 the off app) serve their requests in turns of
 * `turnRequests` for a sample's length (and at least `leastRequests` each), the variant's app first in
 * even turns and second in odd ones, each turn's CPU kept.
 */
async function pairedSample(transport: Transport, workload: Workload, turnRequests: number, leastRequests = 0): Promise<PairedSample> {
  const sides = [0, 1].map((side) => ({ side, turnsCpu: [] as number[], requests: 0 }));
  for (const { side } of sides) await transport.takeLatencies(side);
  const started = performance.now();
  const until = started + SECONDS * 1000;
  for (let turn = 0; performance.now() < until || sides[1]!.requests < leastRequests; turn++) {
    for (const side of turn % 2 === 0 ? sides : [...sides].reverse()) {
      side.turnsCpu.push(await serve(transport, side.side, workload, side.requests, turnRequests));
      side.requests += turnRequests;
    }
  }
  const seconds = (performance.now() - started) / 1000 / 2;
  const figures: Sample[] = [];
  for (const side of sides) figures.push({ requests: side.requests, seconds, cpuMicroseconds: side.turnsCpu.reduce((x, y) => x + y, 0), ...latencyFigures(await transport.takeLatencies(side.side)) });
  const [variant, off] = figures;
  return { variant: variant!, off: off!, turns: { variant: sides[0]!.turnsCpu, off: sides[1]!.turnsCpu } };
}

/** One process: its own database and app in one variant, each workload warmed up for a sample's length, then measured. */
async function measureVariant(variant: Variant): Promise<Omit<ProcessFigures, 'spans'>> {
  const traced = variant.startsWith('tracing');
  if (variant === 'tracing 1 in 10') Object.assign(process.env, ONE_IN_TEN);
  const tracing = traced ? startTracing() : null;
  const bench = await openBenchDatabase(5);
  const base = createContext(bench.database.db, testConfig({ LOG_LEVEL: 'info' }));
  const user = await makeUser(base, { email: 'observability.bench@example.org' });
  const token = await apiTokenFor(base, user.email);
  /** Whom each app is sent requests as, and the cases it writes its events to: the variant's app, and the off app of the pair. */
  const audiences: Audience[] = [
    { caseIds: [], token },
    { caseIds: [], token },
  ];
  for (const { caseIds } of audiences) for (let i = 0; i < CASES; i++) caseIds.push((await makeCase(base, { teamUserIds: [user.id] })).id);
  const on = variant !== 'off';
  const ctx = on ? { ...base, metrics: new PrometheusMetrics() } : base;
  const app = await buildApp({ ctx, sessionSecret: TEST_SESSION_SECRET, tracing: traced, ...(on ? { logDestination: sink } : {}) });
  addFixedPage(app);
  await app.ready();
  const offApp = await buildApp({ ctx: base, sessionSecret: TEST_SESSION_SECRET, tracing: false });
  addFixedPage(offApp);
  if (traced) recordNothing(offApp);
  await offApp.ready();
  const transport = await startTransport(TRANSPORT, [
    { app, audience: audiences[0]! },
    { app: offApp, audience: audiences[1]! },
  ]);
  const samples = {} as Record<Workload, Sample>;
  for (const workload of WORKLOADS) {
    await sample(transport, workload, PAIRED_TURN[workload], WARM_UP_REQUESTS[workload]);
    samples[workload] = await sample(transport, workload, PAIRED_TURN[workload]);
  }
  const paired = {} as Record<Workload, PairedSample>;
  for (const workload of WORKLOADS) {
    await pairedSample(transport, workload, PAIRED_TURN[workload], WARM_UP_REQUESTS[workload]);
    paired[workload] = await pairedSample(transport, workload, PAIRED_TURN[workload]);
  }
  await transport.close();
  await offApp.close();
  await app.close();
  await tracing?.shutdown();
  await bench.database.close();
  return { variant, lost: { ...(tracing?.lostSpans() ?? { 'queue-full': 0, 'export-failed': 0 }) }, samples, paired };
}

async function runInOwnProcess(variant: Variant, collector: Awaited<ReturnType<typeof startCollector>>): Promise<ProcessFigures> {
  const script = fileURLToPath(import.meta.url);
  collector.take();
  const env = variant.startsWith('tracing') ? { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: collector.url } : process.env;
  const profile = args['cpu-prof-dir'] === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof-dir']}`];
  const options = ['--variant', variant, '--transport', TRANSPORT, '--seconds', String(SECONDS), '--warm-up-pages', String(WARM_UP_REQUESTS['fixed page']), '--warm-up-events', String(WARM_UP_REQUESTS['single event'])];
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, ...profile, script, ...options], { maxBuffer: 1 << 24, env });
  return { ...(JSON.parse(stdout.trim().split('\n').at(-1)!) as Omit<ProcessFigures, 'spans'>), spans: collector.take() };
}

const cpuPerRequest = (s: Sample) => s.cpuMicroseconds / s.requests;

/** The spans a variant's processes lost over all rounds, as words. */
function lostText(rounds: Record<Variant, ProcessFigures>[], variant: Variant): string {
  const full = rounds.reduce((sum, round) => sum + round[variant].lost['queue-full'], 0);
  const failed = rounds.reduce((sum, round) => sum + round[variant].lost['export-failed'], 0);
  return `${String(full)} dropped with the queue full and ${String(failed)} in failed exports over all rounds`;
}

function report(rounds: Record<Variant, ProcessFigures>[], kind: string): { text: string; json: unknown } {
  const rows: string[] = [];
  for (const workload of WORKLOADS) {
    for (const variant of VARIANTS) {
      const own = rounds.map((round) => round[variant].samples[workload]);
      const off = rounds.map((round) => round.off.samples[workload]);
      const cpuRatio = variant === 'off' ? '' : medianWithRange(own.map((s, i) => cpuPerRequest(s) / cpuPerRequest(off[i]!)));
      const wallRatio = variant === 'off' ? '' : medianWithRange(own.map((s, i) => s.meanMs / off[i]!.meanMs));
      rows.push(`| ${workload} | ${variant} | ${median(own.map((s) => s.requests / s.seconds)).toFixed(0)} | ${median(own.map(cpuPerRequest)).toFixed(1)} | ${median(own.map((s) => s.meanMs)).toFixed(3)} | ${median(own.map((s) => s.p95Ms)).toFixed(3)} | ${cpuRatio} | ${wallRatio} |`);
    }
  }
  const pairedRows = WORKLOADS.flatMap((workload) =>
    VARIANTS.map((variant) => {
      const own = rounds.map((round) => round[variant].paired[workload]);
      const pooled = (ratiosOf: (turns: Turns) => number[]) => own.flatMap((p) => ratiosOf(p.turns));
      return `| ${workload} | ${variant === 'off' ? 'off (two apps with everything off: the noise)' : variant} | ${String(median(own.map((p) => p.variant.requests)))} | ${median(own.map((p) => cpuPerRequest(p.off))).toFixed(1)} | ${median(own.map((p) => cpuPerRequest(p.variant))).toFixed(1)} | ${medianWithQuartiles(pooled((turns) => windowRatios(turns, WINDOW_TURNS[workload])))} | ${medianWithQuartiles(pooled(turnRatios))} | ${medianWithRange(own.map((p) => sumRatio(p.turns)))} | ${medianWithRange(own.map((p) => p.variant.meanMs / p.off.meanMs))} |`;
    }),
  );
  /** How far apart the "off" processes were: the across-process ratios' noise. */
  const offSpread = (workload: Workload) => {
    const cpu = rounds.map((round) => cpuPerRequest(round.off.samples[workload]));
    return `${workload} ${Math.min(...cpu).toFixed(1)} to ${Math.max(...cpu).toFixed(1)} µs (${(Math.max(...cpu) / Math.min(...cpu)).toFixed(3)}×)`;
  };
  const text = [
    `# Observability overhead, ${kind}, ${new Date().toISOString()}`,
    '',
    `Command: \`node --import tsx bench/observability.ts --transport ${TRANSPORT} --seconds ${String(SECONDS)} --rounds ${String(ROUNDS)}\`${kind === 'postgres' ? ' with DATABASE_URL set' : ''}. Node ${process.version}, ${String(os.cpus().length)} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end.${args.note ? ` ${args.note}` : ''}`,
    '',
    `Each variant in a process of its own, ${TRANSPORT === 'http' ? 'over HTTP (each app on a loopback port, a client in a process of its own sending one request at a time on a keep-alive connection; CPU is the server process\'s alone, latency the client\'s round trip)' : 'through app.inject, one request at a time'}, ${String(SECONDS)} s per sample after a warm-up of the same length and at least ${String(WARM_UP_REQUESTS['fixed page'])} fixed pages or ${String(WARM_UP_REQUESTS['single event'])} events; ${String(ROUNDS)} rounds of ${VARIANTS.join(', ')}, one process each. A ratio is the variant's figure over the same round's "off": median (minimum-maximum) over the rounds. CPU: user + system time of the process per request, database included on PGlite. Tracing makes every span and exports it, after the allow-list, by OTLP over HTTP (protobuf) to a collector in the run's own process (${String(rounds[0]?.tracing.spans ?? 0)} spans received from the first round's process, ${lostText(rounds, 'tracing')}; ${String(rounds[0]?.['tracing 1 in 10'].spans ?? 0)} sampled one trace in ten, ${lostText(rounds, 'tracing 1 in 10')}).${TRANSPORT === 'inject' ? ` The request loop lets the event loop turn every ${String(REQUESTS_A_TURN)} requests.` : ''} Single events are spread over ${String(CASES)} cases. Per second, CPU µs, mean and p95: the median over the rounds.`,
    '',
    '| workload | variant | per second | CPU µs a request | mean ms | p95 ms | CPU ratio to off | wall ratio to off |',
    '|---|---|---:|---:|---:|---:|---|---|',
    ...rows,
    '',
    `The noise of this table: the "off" processes' own CPU a request ranged ${WORKLOADS.map(offSpread).join(', ')} over the rounds, with nothing changed. It keeps what a whole process pays, which the paired figures below miss.`,
    '',
    `Paired in each process: the variant's app and an app with everything off (each writing to ${String(CASES)} cases of its own) serve the workload in turns of ${WORKLOADS.map((w) => `${String(PAIRED_TURN[w])} (${w})`).join(' or ')} requests, the order swapped each turn, for ${String(SECONDS)} s after a warm-up of the same length and at least ${String(WARM_UP_REQUESTS['fixed page'])} fixed pages or ${String(WARM_UP_REQUESTS['single event'])} events each, each turn's CPU kept (bench/observability-statistics.ts). Window: the variant's CPU over the off app's in windows of ${WORKLOADS.map((w) => `${String(WINDOW_TURNS[w] * PAIRED_TURN[w])} ${w === 'fixed page' ? 'pages' : 'events'}`).join(' or ')} a side (the pages' enough to hold a batch of spans exported and the collections), pooled over the rounds: median (interquartile range, how many). Turn: the same for each turn alone, which leaves out what falls in fewer than half the turns. Sums: every turn summed, one ratio a round, median (minimum-maximum). The "off" rows are two identical apps: each figure's noise floor. **The goals are read from the window ratio** (under 1.05 with logs and metrics, under 1.15 with tracing, read beside the off row, the noise floor); the across-process table adds what the whole process pays.`,
    '',
    '| workload | variant | requests each | off app CPU µs | variant CPU µs | CPU ratio, window | CPU ratio, turn | CPU ratio, sums | wall ratio, sums |',
    '|---|---|---:|---:|---:|---|---|---|---|',
    ...pairedRows,
    '',
  ].join('\n');
  return { text, json: { kind, transport: TRANSPORT, seconds: SECONDS, rounds, note: args.note } };
}

async function main(): Promise<void> {
  if (args.variant !== undefined) {
    if (!(VARIANTS as readonly string[]).includes(args.variant)) throw new Error(`--variant: one of ${VARIANTS.join(', ')}`);
    process.stdout.write(`${JSON.stringify(await measureVariant(args.variant as Variant))}\n`);
    return;
  }
  const rounds: Record<Variant, ProcessFigures>[] = [];
  const collector = await startCollector();
  for (let round = 0; round < ROUNDS; round++) {
    const figures = {} as Record<Variant, ProcessFigures>;
    for (const variant of VARIANTS) {
      figures[variant] = await runInOwnProcess(variant, collector);
      const { requests } = figures[variant].samples['fixed page'];
      process.stdout.write(`round ${String(round + 1)}, ${variant}: ${String(requests)} fixed pages, ${String(figures[variant].samples['single event'].requests)} events\n`);
    }
    rounds.push(figures);
  }
  collector.close();
  const kind = process.env['DATABASE_URL'] ? 'postgres' : 'pglite';
  const { text, json } = report(rounds, kind);
  const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  const name = path.join(args.out, `${stamp}-observability-${kind}-${TRANSPORT}`);
  fs.mkdirSync(args.out, { recursive: true });
  fs.writeFileSync(`${name}.md`, text);
  fs.writeFileSync(`${name}.json`, `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(`\n${text}\nWritten to ${name}.md and .json\n`);
}

await main();
