// The same server code run two ways, compared in one run (issue 12, docs/adr/0023): (a) through tsx,
// as `node --import tsx` runs it (each file transformed as it loads, with keep-names), and (b) the
// JavaScript scripts/build.mjs compiles (no keep-names), with and without --enable-source-maps.
//
// - CPU per request, in the server's own process (process.cpuUsage, user + system; the database's
//   own work is not in it): this file is run as a child in each way in turn, round after round, the
//   order turning each round; each child builds the real app on a PostgreSQL database holding the
//   bench's dataset (bench/dataset.ts), warms up, then sends a fixed number of requests one at a time
//   through app.inject: the fixed page (bench/fixed-page.ts), the case overview of an ordinary case
//   as the practitioner, and single agency events (POST /api/v1/cases/:id/events, as the bench's
//   token) spread over the 80 batch cases, so that no case's chronology grows much in the run.
// - Start-up: the real server (`src/server.ts` through tsx, as `npm run serve` ran it; `dist/src/server.js`)
//   on the same database, without the demo, from its start to its first 200 from /health/ready: the
//   wall time, and the process's CPU then (/proc). tsx is timed with its cache of transformed files
//   warm (a restart) and cold (a first start after an install or upgrade: an empty TMPDIR).
// Each round's ratio to tsx is taken within the round; the report gives the median and range.
//
//   createdb -h 127.0.0.1 -U postgres icp_compiled_ab
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/icp_compiled_ab node --import tsx bench/compiled-ab.ts [--rounds 5] [--infants 100]
//
// The database must be empty on the first run: it is migrated and loaded, and the dataset's users and
// cases kept in <tmpdir>/compiled-ab-<database>.json, so that later runs on it skip the load.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { buildIfStale, SERVER_BUILD } from '../scripts/build.mjs';
import { createContext } from '../src/application/context.ts';
import { openPostgres } from '../src/infrastructure/db/connect.ts';
import { migrate } from '../src/infrastructure/db/migrate.ts';
import { TEST_AUDIT_KEYS, TEST_SESSION_SECRET, testConfig } from '../test/helpers/test-app.ts';
import { TestClock } from '../test/helpers/test-clock.ts';
import type { Samples, SCENARIOS } from './compiled-ab.child.ts';
import { loadBenchDataset } from './dataset.ts';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    infants: { type: 'string', default: '100' },
    out: { type: 'string', default: 'bench/results' },
  },
});
const databaseUrl = process.env['DATABASE_URL'];
if (!databaseUrl) throw new Error('Usage: DATABASE_URL=<empty database of its own> node --import tsx bench/compiled-ab.ts');
const repository = path.resolve(import.meta.dirname, '..');
const datasetFile = path.join(os.tmpdir(), `compiled-ab-${new URL(databaseUrl).pathname.slice(1)}.json`);
const CHILD_BUILD = { entries: ['bench/compiled-ab.child.ts'], outdir: '.tmp/compiled-ab' };

interface Way {
  label: string;
  /** Node's arguments for this file as a child. */
  child: string[];
  /** Node's arguments for the server, and its environment. */
  server: string[];
  env?: Record<string, string>;
}

const compiledChild = path.join(repository, CHILD_BUILD.outdir, 'bench/compiled-ab.child.js');
const compiledServer = path.join(repository, SERVER_BUILD.outdir, 'src/server.js');
const WAYS: Way[] = [
  { label: 'tsx', child: ['--import', 'tsx', path.join(repository, 'bench/compiled-ab.child.ts')], server: ['--import', 'tsx', path.join(repository, 'src/server.ts')] },
  { label: 'compiled, source maps', child: ['--enable-source-maps', compiledChild], server: ['--enable-source-maps', compiledServer] },
  { label: 'compiled', child: [compiledChild], server: [compiledServer] },
];
const TSX_COLD: Way = { label: 'tsx, cold cache', child: [], server: WAYS[0]!.server };

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** CPU seconds (user + system) a process has used, from /proc. */
function processCpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${String(pid)}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface StartUp {
  wallMs: number;
  cpuMs: number;
}

/** Starts the real server one way, and times it to its first ready answer. */
async function startUp(way: Way): Promise<StartUp> {
  const port = await freePort();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'compiled-ab-'));
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    DATA_DIR: path.join(scratch, 'data'),
    AUDIT_KEYS: TEST_AUDIT_KEYS,
    AUDIT_ANCHOR_FILE: path.join(scratch, 'anchors.jsonl'),
    SESSION_SECRET: TEST_SESSION_SECRET,
    LOG_LEVEL: 'warn',
    ...(way === TSX_COLD ? { TMPDIR: scratch } : {}),
  };
  const started = performance.now();
  const server = spawn(process.execPath, way.server, { cwd: repository, env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error(`${way.label}: the server exited with ${String(server.exitCode)}`);
      const ready = await fetch(`http://127.0.0.1:${String(port)}/health/ready`).then((r) => r.status === 200, () => false);
      if (ready) return { wallMs: performance.now() - started, cpuMs: processCpuSeconds(server.pid!) * 1000 };
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function loadIfEmpty(): Promise<void> {
  if (fs.existsSync(datasetFile)) return;
  console.log(`loading ${args.infants} infants into ${databaseUrl!}`);
  const database = openPostgres(databaseUrl!, 4, () => undefined);
  try {
    await migrate(database.db);
    const dataset = await loadBenchDataset(createContext(database.db, testConfig(), new TestClock()), { infants: Number(args.infants), seed: 1 });
    fs.writeFileSync(datasetFile, JSON.stringify(dataset));
  } finally {
    await database.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
}
const spread = (values: number[]) => `${median(values).toFixed(2)} (${Math.min(...values).toFixed(2)}-${Math.max(...values).toFixed(2)})`;

/** The rounds' figures of each way in turn, the order turning each round; ratios to the first way within each round. */
async function inTurns<T>(ways: Way[], rounds: number, run: (way: Way) => Promise<T>): Promise<T[][]> {
  const figures: T[][] = [];
  for (let round = 0; round < rounds; round++) {
    const byWay: T[] = [];
    for (let i = 0; i < ways.length; i++) {
      const w = (i + round) % ways.length;
      byWay[w] = await run(ways[w]!);
      console.log(`round ${String(round + 1)}, ${ways[w]!.label}: ${JSON.stringify(byWay[w])}`);
    }
    figures.push(byWay);
  }
  return figures;
}

function table<T>(ways: Way[], rounds: T[][], rows: Record<string, (figure: T) => number>, unit: string): string[] {
  const header = ['', ...ways.map((w) => `${w.label}, ${unit}`), ...ways.slice(1).map((w) => `${w.label} / ${ways[0]!.label}`)];
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...Object.entries(rows).map(([name, of]) => {
      const values = ways.map((_, w) => median(rounds.map((round) => of(round[w]!))).toFixed(0));
      const ratios = ways.slice(1).map((_, w) => spread(rounds.map((round) => of(round[w + 1]!) / of(round[0]!))));
      return `| ${[name, ...values, ...ratios].join(' | ')} |`;
    }),
  ];
}

async function main(): Promise<void> {
  await loadIfEmpty();
  await buildIfStale(SERVER_BUILD);
  await buildIfStale(CHILD_BUILD);
  const rounds = Number(args.rounds);
  const load = [os.loadavg()[0]!.toFixed(1)];
  let scenarios: Partial<typeof SCENARIOS> = {};
  const cpu = await inTurns(WAYS, rounds, async (way) => {
    const { stdout } = await promisify(execFile)(process.execPath, way.child, { cwd: repository, env: { ...process.env, COMPILED_AB_DATASET: datasetFile }, maxBuffer: 1 << 20 });
    const printed = JSON.parse(stdout.trim().split('\n').at(-1)!) as { scenarios: typeof SCENARIOS; cpu: Samples };
    scenarios = printed.scenarios;
    return printed.cpu;
  });
  load.push(os.loadavg()[0]!.toFixed(1));
  const startWays = [WAYS[0]!, TSX_COLD, WAYS[1]!, WAYS[2]!];
  const starts = await inTurns(startWays, rounds, startUp);
  load.push(os.loadavg()[0]!.toFixed(1));
  const text = [
    `# tsx against compiled JavaScript, ${new Date().toISOString()}`,
    '',
    `Command: \`DATABASE_URL=… node --import tsx bench/compiled-ab.ts --rounds ${String(rounds)} --infants ${args.infants}\` on PostgreSQL. Node ${process.version}, ${String(os.cpus().length)} cores, one-minute load average ${load.join(', then ')} (start, after the CPU rounds, end).`,
    '',
    `CPU per request in the server's process (µs, user + system), median of ${String(rounds)} rounds; ratios to tsx within each round, median (minimum-maximum). Requests one at a time through app.inject, after a warm-up: ${Object.entries(scenarios).map(([name, [warm, measured]]) => `${name} ${String(warm)} + ${String(measured)}`).join(', ')}.`,
    '',
    ...table(WAYS, cpu, Object.fromEntries((Object.keys(scenarios) as (keyof Samples)[]).map((s) => [s, (samples: Samples) => samples[s]])), 'µs'),
    '',
    `Start-up of the real server (PostgreSQL, migrated, no demo) to its first 200 from /health/ready, median of ${String(rounds)} rounds; ratios to tsx with a warm cache.`,
    '',
    ...table(startWays, starts, { 'wall ms': (s: StartUp) => s.wallMs, 'CPU ms': (s: StartUp) => s.cpuMs }, 'ms'),
    '',
  ].join('\n');
  const file = path.join(args.out, `${new Date().toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}-compiled-ab.md`);
  fs.mkdirSync(args.out, { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`\n${text}\nWritten to ${file}`);
}

await main();
