// CPU time per request of each page the county bench measures, and of the fixed page, in the server's
// own process (process.cpuUsage, user + system), comparing two or more trees of the code in one run:
// the way to measure on a busy machine, where requests a second say more about the neighbours than
// about the code. Each tree (a checkout or `git archive` of a commit, with node_modules beside it)
// serves its own app in a process of its own, on a PostgreSQL database of its own (the database's
// work is in the server process's CPU on PGlite, not here: this is Node's share, what separates a
// page from its direct-query baseline). The trees take turns, round after round (before, after,
// before, after ...), so a machine whose speed drifts moves both sides of a ratio alike; each round's
// ratio is taken within the round, and the report gives the median and range over the rounds.
//
// Each process signs the bench users in, warms each page up for a sample's length, then requests it
// one at a time through app.inject (no sockets) for --seconds. The pages and users are bench/run.ts's:
// the case overview and profile of an ordinary case, the chronology of 2,000 entries and home (40
// cases) as the practitioner, alerts (80) as the safeguarding lead; and the fixed page (no database,
// no template: bench/fixed-page.ts).
//
//   createdb -h 127.0.0.1 -U postgres page_cpu_a; createdb -h 127.0.0.1 -U postgres page_cpu_b
//   node --import tsx bench/page-cpu.ts --tree before=/path/to/old/tree=postgres://postgres@127.0.0.1:5432/page_cpu_a \
//     --tree after=.=postgres://postgres@127.0.0.1:5432/page_cpu_b [--rounds 5] [--seconds 2] [--infants 100]
//
// Each database must be empty on the first run: the tree's own migrations and bench dataset
// (bench/dataset.ts) are loaded into it and the dataset's users and cases kept in
// <tmpdir>/page-cpu-<database>.json, so that later runs on the same databases skip the load.
//
// Node's own flags per tree: `--node-options label='--max-semi-space-size=64'` starts that tree's
// processes with those flags (split at spaces, after this process's own --import tsx), so that one
// tree under several labels, on one database, compares runtime settings in turns: give the default
// twice (two labels, no options) to see the method's own spread. The trees take turns in an order
// that moves one place each round, so no tree always runs first. The report also gives each tree's
// resident memory at the end of its run and at its peak (process.resourceUsage().maxRSS), medians
// over the rounds.
//
//   node --import tsx bench/page-cpu.ts --tree default=/tmp/tree=postgres://…/page_cpu --tree semi64=/tmp/tree=postgres://…/page_cpu \
//     --tree default-again=/tmp/tree=postgres://…/page_cpu --node-options semi64=--max-semi-space-size=64
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { BenchDataset } from './dataset.ts';
import { datasetFile, treeModules } from './tree-modules.ts';

const { values: args } = parseArgs({
  options: {
    tree: { type: 'string', multiple: true, default: [] },
    'node-options': { type: 'string', multiple: true, default: [] },
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '2' },
    infants: { type: 'string', default: '100' },
    out: { type: 'string', default: 'bench/results' },
    note: { type: 'string', default: '' },
    /** Set by the run for each process it starts: the tree and database to serve. */
    root: { type: 'string' },
    database: { type: 'string' },
    load: { type: 'boolean', default: false },
  },
});
const SECONDS = Number(args.seconds);
const PAGES = ['fixed page', 'case overview', 'profile', 'chronology', 'home', 'alerts'] as const;
type Page = (typeof PAGES)[number];

interface Sample {
  requests: number;
  cpuMicroseconds: number;
}

type Samples = Record<Page, Sample>;

/** What one process of a tree reports: its pages, and its memory after them in MB. */
interface Run {
  pages: Samples;
  rssMb: number;
  peakRssMb: number;
}

async function sample(app: FastifyInstance, url: string, cookie: string): Promise<Sample> {
  const cpuBefore = process.cpuUsage();
  const until = performance.now() + SECONDS * 1000;
  let requests = 0;
  while (performance.now() < until) {
    const response = await app.inject({ url, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`${url}: ${String(response.statusCode)} ${response.body.slice(0, 200)}`);
    requests++;
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { requests, cpuMicroseconds: cpu.user + cpu.system };
}

/** In a process of its own: load the dataset (--load) or serve the tree's app and measure each page. */
async function child(root: string, databaseUrl: string): Promise<void> {
  const m = await treeModules(root);
  const database = m.openPostgres(databaseUrl, 4, () => undefined);
  const clock = new m.TestClock();
  const ctx = m.createContext(database.db, m.testConfig(), clock);
  try {
    if (args.load) {
      await m.migrate(database.db);
      const dataset = await m.loadBenchDataset(ctx, { infants: Number(args.infants), seed: 1 });
      fs.writeFileSync(datasetFile(databaseUrl), JSON.stringify(dataset));
      return;
    }
    const dataset = JSON.parse(fs.readFileSync(datasetFile(databaseUrl), 'utf8')) as BenchDataset;
    const app = await m.buildApp({ ctx, sessionSecret: m.TEST_SESSION_SECRET });
    m.addFixedPage(app);
    await app.ready();
    const practitioner = (await m.WebClient.signedIn(app, dataset.practitioner)).cookieHeader;
    const lead = (await m.WebClient.signedIn(app, dataset.safeguardingLead)).cookieHeader;
    const urls: Record<Page, [string, string]> = {
      'fixed page': [m.FIXED_PAGE_PATH, practitioner],
      'case overview': [`/cases/${dataset.ordinaryCaseId}`, practitioner],
      profile: [`/cases/${dataset.ordinaryCaseId}/profile`, practitioner],
      chronology: [`/cases/${dataset.longChronologyCaseId}/chronology`, practitioner],
      home: ['/', practitioner],
      alerts: ['/alerts', lead],
    };
    const samples = {} as Samples;
    for (const page of PAGES) {
      const [url, cookie] = urls[page];
      await sample(app, url, cookie);
      samples[page] = await sample(app, url, cookie);
    }
    await app.close();
    const run: Run = { pages: samples, rssMb: process.memoryUsage().rss / 2 ** 20, peakRssMb: process.resourceUsage().maxRSS / 1024 };
    process.stdout.write(`${JSON.stringify(run)}\n`);
  } finally {
    await database.close();
  }
}

interface Tree {
  label: string;
  root: string;
  databaseUrl: string;
  /** Node's flags for this tree's processes (--node-options). */
  nodeFlags: string[];
}

/** --node-options label=flags, by label. */
function parseNodeOptions(values: string[]): Map<string, string[]> {
  const byLabel = new Map<string, string[]>();
  for (const value of values) {
    const at = value.indexOf('=');
    if (at <= 0) throw new Error(`--node-options label=flags, not ${value}`);
    byLabel.set(value.slice(0, at), value.slice(at + 1).split(' ').filter(Boolean));
  }
  return byLabel;
}

function parseTree(value: string, nodeOptions: Map<string, string[]>): Tree {
  const [label, root, ...url] = value.split('=');
  if (!label || !root || url.length === 0) throw new Error(`--tree label=root=databaseUrl, not ${value}`);
  return { label, root: path.resolve(root), databaseUrl: url.join('='), nodeFlags: nodeOptions.get(label) ?? [] };
}

async function runChild(tree: Tree, extra: string[]): Promise<string> {
  const script = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, ...tree.nodeFlags, script, '--root', tree.root, '--database', tree.databaseUrl, '--seconds', String(SECONDS), '--infants', args.infants, ...extra], {
    maxBuffer: 1 << 20,
  });
  return stdout;
}

const perRequest = (s: Sample) => s.cpuMicroseconds / s.requests;

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
}

function spread(values: number[]): string {
  return `${median(values).toFixed(2)} (${Math.min(...values).toFixed(2)}-${Math.max(...values).toFixed(2)})`;
}

function report(trees: Tree[], runs: Run[][]): string {
  const rounds = runs.map((round) => round.map((run) => run.pages));
  const first = trees[0]!;
  const header = ['page', ...trees.map((t) => `${t.label} CPU µs a request`), ...trees.map((t) => `${t.label} × fixed page`), ...trees.slice(1).map((t) => `${t.label} / ${first.label}`)];
  const rows = PAGES.map((page) => {
    const cpu = trees.map((_, t) => median(rounds.map((round) => perRequest(round[t]![page]))).toFixed(0));
    const fixed = trees.map((_, t) => median(rounds.map((round) => perRequest(round[t]![page]) / perRequest(round[t]!['fixed page']))).toFixed(1));
    const ratios = trees.slice(1).map((_, i) => spread(rounds.map((round) => perRequest(round[i + 1]![page]) / perRequest(round[0]![page]))));
    return `| ${[page, ...cpu, ...fixed, ...ratios].join(' | ')} |`;
  });
  const memory = (pick: (run: Run) => number) => trees.map((_, t) => median(runs.map((round) => pick(round[t]!))).toFixed(0));
  return [
    `# CPU per page request, ${new Date().toISOString()}`,
    '',
    `Command: \`node --import tsx bench/page-cpu.ts ${trees.map((t) => `--tree ${t.label}=<tree>=<database>`).join(' ')}${trees.filter((t) => t.nodeFlags.length > 0).map((t) => ` --node-options '${t.label}=${t.nodeFlags.join(' ')}'`).join('')} --rounds ${String(rounds.length)} --seconds ${String(SECONDS)} --infants ${args.infants}\` on PostgreSQL. Node ${process.version}, ${String(os.cpus().length)} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end.${args.note ? ` ${args.note}` : ''}`,
    '',
    `Trees: ${trees.map((t) => `${t.label} ${t.root}${t.nodeFlags.length > 0 ? ` with ${t.nodeFlags.join(' ')}` : ''}`).join('; ')}. Each tree in a process of its own per round, taking turns; one request at a time through app.inject for ${String(SECONDS)} s a page after a warm-up of the same length. CPU: the server process's user + system time per request (the database's own work is not in it). Columns: the median over the rounds; "× fixed page": the page's CPU over the fixed page's in the same process; the last columns: the round's ratio to ${first.label}, median (minimum-maximum). The trees' order moves one place a round.`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows,
    '',
    `Memory of each tree's process in MB, median over the rounds:`,
    '',
    `| | ${trees.map((t) => t.label).join(' | ')} |`,
    `|---|${trees.map(() => '---:').join('|')}|`,
    `| resident at the end | ${memory((run) => run.rssMb).join(' | ')} |`,
    `| resident at the peak | ${memory((run) => run.peakRssMb).join(' | ')} |`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  if (args.root !== undefined && args.database !== undefined) {
    await child(args.root, args.database);
    return;
  }
  const nodeOptions = parseNodeOptions(args['node-options']);
  const trees = args.tree.map((value) => parseTree(value, nodeOptions));
  const unknown = [...nodeOptions.keys()].filter((label) => !trees.some((t) => t.label === label));
  if (unknown.length > 0) throw new Error(`--node-options for no --tree: ${unknown.join(', ')}`);
  if (trees.length === 0) throw new Error('Give at least one --tree label=root=databaseUrl');
  for (const tree of trees) {
    if (fs.existsSync(datasetFile(tree.databaseUrl))) continue;
    process.stdout.write(`loading ${tree.label} into ${tree.databaseUrl}\n`);
    await runChild(tree, ['--load']);
  }
  const rounds: Run[][] = [];
  for (let round = 0; round < Number(args.rounds); round++) {
    const figures: Run[] = [];
    // The order moves one place a round: tree `round` first.
    for (let turn = 0; turn < trees.length; turn++) {
      const t = (round + turn) % trees.length;
      const tree = trees[t]!;
      const run = JSON.parse((await runChild(tree, [])).trim().split('\n').at(-1)!) as Run;
      figures[t] = run;
      process.stdout.write(`round ${String(round + 1)}, ${tree.label}: ${PAGES.map((p) => `${p} ${perRequest(run.pages[p]).toFixed(0)} µs`).join(', ')}; ${run.rssMb.toFixed(0)} MB\n`);
    }
    rounds.push(figures);
  }
  const text = report(trees, rounds);
  const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  const file = path.join(args.out, `${stamp}-page-cpu.md`);
  fs.mkdirSync(args.out, { recursive: true });
  fs.writeFileSync(file, text);
  process.stdout.write(`\n${text}\nWritten to ${file}\n`);
}

await main();
