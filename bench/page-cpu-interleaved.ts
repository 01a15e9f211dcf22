// CPU per request of one page, two or more trees of the code served in ONE process and asked in
// turns, a few requests at a time: a finer A/B than bench/page-cpu.ts (a process per tree per round)
// on a busy machine, where a round's process can land on a slow minute that its partner does not.
// Here each block of --block requests of a tree is followed at once by a block of the next tree's,
// for --blocks blocks (the order within a pair alternating), and the ratio is taken block pair by
// block pair: a drift in the machine's speed moves both sides of each pair alike. The report gives
// the median CPU a request of each tree and the median (and quartiles) of the pairs' ratios.
//
// One request at a time through app.inject, so the process's CPU (process.cpuUsage, user + system)
// during a block is that block's requests', save what the apps do in the background meanwhile (both
// trees' alike). Each tree is imported from its own root (its own modules, its own context and
// database pool); their node_modules are the same when both link to one. The databases are
// bench/page-cpu.ts's: loaded by it first (its dataset file in the temporary folder names the users
// and cases). Writes bench/results/<time>-page-cpu-interleaved.md.
//
//   node --import tsx bench/page-cpu.ts --tree before=/tmp/wt-old=postgres://…/page_cpu_a --tree after=.=postgres://…/page_cpu_b --rounds 1
//   node --import tsx bench/page-cpu-interleaved.ts --tree before=/tmp/wt-old=postgres://…/page_cpu_a \
//     --tree after=.=postgres://…/page_cpu_b [--page chronology] [--query '?page=2'] [--blocks 200] [--block 10]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchDataset } from './dataset.ts';
import { quantile } from './report.ts';
import { datasetFile, treeModules, type ServedTree } from './tree-modules.ts';

const { values: args } = parseArgs({
  options: {
    tree: { type: 'string', multiple: true, default: [] },
    page: { type: 'string', default: 'chronology' },
    query: { type: 'string', default: '' },
    blocks: { type: 'string', default: '200' },
    block: { type: 'string', default: '10' },
    out: { type: 'string', default: 'bench/results' },
  },
});
// The last three are forms that ask a date (find-record/macros.njk dateField), as first shown.
const PAGES = ['fixed page', 'case overview', 'case overview long', 'meetings', 'meetings long', 'review long', 'profile', 'chronology', 'home', 'alerts', 'new entry', 'find', 'new record'] as const;
type Page = (typeof PAGES)[number];
const page = args.page as Page;
if (!PAGES.includes(page)) throw new Error(`--page is one of ${PAGES.join(', ')}`);
const BLOCKS = Number(args.blocks);
const BLOCK = Number(args.block);

interface Tree {
  label: string;
  root: string;
  databaseUrl: string;
}

type Served = ServedTree<Tree>;

function parseTree(value: string): Tree {
  const [label, root, ...url] = value.split('=');
  if (!label || !root || url.length === 0) throw new Error(`--tree label=root=databaseUrl, not ${value}`);
  return { label, root: path.resolve(root), databaseUrl: url.join('=') };
}

async function serve(tree: Tree): Promise<Served> {
  const m = await treeModules(tree.root);
  if (!fs.existsSync(datasetFile(tree.databaseUrl))) throw new Error(`${tree.databaseUrl} is not loaded: run bench/page-cpu.ts on it first`);
  const dataset = JSON.parse(fs.readFileSync(datasetFile(tree.databaseUrl), 'utf8')) as BenchDataset;
  const database = m.openPostgres(tree.databaseUrl, 4, () => undefined);
  const app = await m.buildApp({ ctx: m.createContext(database.db, m.testConfig(), new m.TestClock()), sessionSecret: m.TEST_SESSION_SECRET });
  m.addFixedPage(app);
  await app.ready();
  const signedIn = async (user: BenchDataset['practitioner']) => (await m.WebClient.signedIn(app, user)).cookieHeader;
  const urls: Record<Page, [string, BenchDataset['practitioner']]> = {
    'fixed page': [m.FIXED_PAGE_PATH, dataset.practitioner],
    'case overview': [`/cases/${dataset.ordinaryCaseId}`, dataset.practitioner],
    'case overview long': [`/cases/${dataset.longChronologyCaseId}`, dataset.practitioner],
    meetings: [`/cases/${dataset.ordinaryCaseId}/meetings`, dataset.practitioner],
    'meetings long': [`/cases/${dataset.longChronologyCaseId}/meetings`, dataset.practitioner],
    'review long': [`/cases/${dataset.longChronologyCaseId}/profile/review`, dataset.practitioner],
    profile: [`/cases/${dataset.ordinaryCaseId}/profile`, dataset.practitioner],
    chronology: [`/cases/${dataset.longChronologyCaseId}/chronology`, dataset.practitioner],
    home: ['/', dataset.practitioner],
    alerts: ['/alerts', dataset.safeguardingLead],
    'new entry': [`/cases/${dataset.ordinaryCaseId}/chronology/new`, dataset.practitioner],
    find: ['/cases/find', dataset.practitioner],
    'new record': ['/cases/new/details?status=born', dataset.practitioner],
  };
  const [url, user] = urls[page];
  return {
    tree,
    app,
    url: `${url}${args.query}`,
    cookie: await signedIn(user),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** The CPU, in microseconds, of `count` requests of the page, one after another. */
async function block(served: Served, count: number): Promise<number> {
  const before = process.cpuUsage();
  for (let n = 0; n < count; n++) {
    const response = await served.app.inject({ url: served.url, headers: { cookie: served.cookie } });
    if (response.statusCode !== 200) throw new Error(`${served.tree.label} ${served.url}: ${String(response.statusCode)} ${response.body.slice(0, 200)}`);
  }
  const cpu = process.cpuUsage(before);
  return cpu.user + cpu.system;
}

const trees = args.tree.map(parseTree);
if (trees.length < 2) throw new Error('Give two or more --tree label=root=databaseUrl; the first is the one the others are compared with');
const served: Served[] = [];
for (const tree of trees) served.push(await serve(tree));
// Warm-up: every tree's page until its JIT and caches settle.
for (let n = 0; n < 5; n++) for (const s of served) await block(s, BLOCK);
const perRequest: number[][] = served.map(() => []);
for (let b = 0; b < BLOCKS; b++) {
  const order = b % 2 === 0 ? served.map((_, i) => i) : served.map((_, i) => i).reverse();
  for (const i of order) perRequest[i]!.push((await block(served[i]!, BLOCK)) / BLOCK);
}
for (const s of served) await s.close();

const first = trees[0]!;
const lines = [
  `# CPU per request of ${page}${args.query}, trees interleaved in one process, ${new Date().toISOString()}`,
  '',
  `Command: \`node --import tsx bench/page-cpu-interleaved.ts ${trees.map((t) => `--tree ${t.label}=<tree>=<database>`).join(' ')} --page ${page}${args.query ? ` --query '${args.query}'` : ''} --blocks ${String(BLOCKS)} --block ${String(BLOCK)}\`. Node ${process.version}, ${String(os.cpus().length)} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end.`,
  `Trees: ${trees.map((t) => `${t.label} ${t.root}`).join('; ')}.`,
  '',
  `| tree | CPU µs a request, median of ${String(BLOCKS)} blocks | ratio to ${first.label}, median of the block pairs (quartiles) |`,
  '|---|---:|---:|',
  ...trees.map((tree, i) => {
    const ratios = perRequest[i]!.map((cpu, b) => cpu / perRequest[0]![b]!);
    const ratio = i === 0 ? '1' : `${quantile(ratios, 0.5).toFixed(3)} (${quantile(ratios, 0.25).toFixed(3)}-${quantile(ratios, 0.75).toFixed(3)})`;
    return `| ${tree.label} | ${quantile(perRequest[i]!, 0.5).toFixed(0)} | ${ratio} |`;
  }),
  '',
];
const text = lines.join('\n');
const file = path.join(args.out, `${new Date().toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}-page-cpu-interleaved.md`);
fs.mkdirSync(args.out, { recursive: true });
fs.writeFileSync(file, text);
process.stdout.write(`${text}\nWritten to ${file}\n`);
