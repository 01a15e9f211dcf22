// Latency of one page under --concurrency requests at once (the county bench's 10 connections), two or
// more trees of the code served in ONE process against ONE PostgreSQL database, asked in turns: a block
// of --requests requests of a tree, then at once a block of the next tree's, for --blocks blocks (the order
// within a pair alternating). The ratio of each tree's p50 and p95 to the first tree's is taken block pair
// by block pair, so a drift in the machine's speed moves both sides of a pair alike; the report gives the
// medians and quartiles of those ratios, and every tree's p50 and p95 over all its requests. Unlike
// bench/page-cpu-interleaved.ts (CPU, one request at a time) this counts the round trips a page waits for
// one after another, and the waits for a connection. Give the first tree twice (same root, another label)
// for the method's own spread.
//
// Each tree is imported from its own root with its own context and a pool of --concurrency connections,
// requests go through app.inject (no sockets). The database is loaded here the first time (bench/dataset.ts:
// --infants generated families and the bench's fixtures: the practitioner's 40 cases for home, the lead's 80
// alerts), by the first tree, and its dataset is kept beside bench/page-cpu.ts's (the same file name), so
// either bench can use a database the other loaded. Writes bench/results/<time>-page-latency-interleaved.md.
//
//   createdb -h 127.0.0.1 -U postgres page_latency
//   node --import tsx bench/page-latency-interleaved.ts --database postgres://postgres@127.0.0.1:5432/page_latency \
//     --tree before=/tmp/tree-before --tree before-again=/tmp/tree-before --tree after=. [--page home|alerts] \
//     [--infants 2000] [--blocks 30] [--requests 100] [--concurrency 10]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { BenchDataset } from './dataset.ts';
import { quantile } from './report.ts';
import { datasetFile, treeModules, type ServedTree } from './tree-modules.ts';

const { values: args } = parseArgs({
  options: {
    tree: { type: 'string', multiple: true, default: [] },
    database: { type: 'string' },
    page: { type: 'string', default: 'home' },
    infants: { type: 'string', default: '2000' },
    blocks: { type: 'string', default: '30' },
    requests: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '10' },
    out: { type: 'string', default: 'bench/results' },
  },
});
const PAGES: Record<'home' | 'alerts', (d: BenchDataset) => [url: string, user: BenchDataset['practitioner']]> = {
  home: (d) => ['/', d.practitioner],
  alerts: (d) => ['/alerts', d.safeguardingLead],
};
const page = args.page as keyof typeof PAGES;
if (!(page in PAGES)) throw new Error(`--page is one of ${Object.keys(PAGES).join(', ')}`);
if (!args.database) throw new Error('--database postgres://… names the database (loaded here the first time)');
const databaseUrl = args.database;
const [BLOCKS, REQUESTS, CONCURRENCY] = [Number(args.blocks), Number(args.requests), Number(args.concurrency)];

interface Tree {
  label: string;
  root: string;
}

type Served = ServedTree<Tree>;

async function serve(tree: Tree): Promise<Served> {
  const m = await treeModules(tree.root);
  const database = m.openPostgres(databaseUrl, CONCURRENCY, () => undefined);
  const ctx = m.createContext(database.db, m.testConfig(), new m.TestClock());
  if (!fs.existsSync(datasetFile(databaseUrl))) {
    await m.migrate(database.db);
    console.log(`Loading ${args.infants} infants and the bench's fixtures into ${databaseUrl} …`);
    fs.writeFileSync(datasetFile(databaseUrl), JSON.stringify(await m.loadBenchDataset(ctx, { infants: Number(args.infants), seed: 1 })));
  }
  const dataset = JSON.parse(fs.readFileSync(datasetFile(databaseUrl), 'utf8')) as BenchDataset;
  const app = await m.buildApp({ ctx, sessionSecret: m.TEST_SESSION_SECRET });
  await app.ready();
  const [url, user] = PAGES[page](dataset);
  return {
    tree,
    app,
    url,
    cookie: (await m.WebClient.signedIn(app, user)).cookieHeader,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** The latency of each of REQUESTS requests, in ms, CONCURRENCY at a time. */
async function block(served: Served): Promise<number[]> {
  const latencies: number[] = [];
  let left = REQUESTS;
  const loop = async () => {
    while (left-- > 0) {
      const start = performance.now();
      const response = await served.app.inject({ url: served.url, headers: { cookie: served.cookie } });
      latencies.push(performance.now() - start);
      if (response.statusCode !== 200) throw new Error(`${served.tree.label} ${served.url}: ${String(response.statusCode)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  return latencies;
}

const trees = args.tree.map((value): Tree => {
  const [label, root] = value.split('=');
  if (!label || !root) throw new Error(`--tree label=root, not ${value}`);
  return { label, root: path.resolve(root) };
});
if (trees.length < 2) throw new Error('Give two or more --tree label=root; the first is the one the others are compared with');
const served: Served[] = [];
for (const tree of trees) served.push(await serve(tree));
// Warm each: its caches (settings, templates) and its pool's connections and named statements.
for (const s of served) for (let n = 0; n < 3; n++) await block(s);

const all = served.map(() => [] as number[]);
const ratios = served.map(() => ({ p50: [] as number[], p95: [] as number[] }));
for (let b = 0; b < BLOCKS; b++) {
  const order = served.map((_, i) => i);
  if (b % 2 === 1) order.reverse();
  const got: number[][] = served.map(() => []);
  for (const i of order) got[i] = await block(served[i]!);
  got.forEach((latencies, i) => {
    all[i]!.push(...latencies);
    ratios[i]!.p50.push(quantile(latencies, 0.5) / quantile(got[0]!, 0.5));
    ratios[i]!.p95.push(quantile(latencies, 0.95) / quantile(got[0]!, 0.95));
  });
}
for (const s of served) await s.close();

const ms = (value: number) => value.toFixed(1);
const spread = (values: number[]) => `${quantile(values, 0.5).toFixed(3)} (${quantile(values, 0.25).toFixed(3)}-${quantile(values, 0.75).toFixed(3)})`;
const lines = [
  `# ${page} page latency, ${String(CONCURRENCY)} requests at once, trees in turns`,
  '',
  `Command: \`node --import tsx bench/page-latency-interleaved.ts --database <db> ${trees.map((t) => `--tree ${t.label}=<tree>`).join(' ')} --page ${page} --infants ${args.infants} --blocks ${String(BLOCKS)} --requests ${String(REQUESTS)} --concurrency ${String(CONCURRENCY)}\`, PostgreSQL, app.inject in one process. Node ${process.version}, ${String(os.cpus().length)} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end.`,
  '',
  `| tree | p50 ms | p95 ms | p50 / ${trees[0]!.label}'s, block pairs: median (quartiles) | p95 / ${trees[0]!.label}'s |`,
  '| --- | ---: | ---: | --- | --- |',
  ...served.map((s, i) => `| ${s.tree.label} | ${ms(quantile(all[i]!, 0.5))} | ${ms(quantile(all[i]!, 0.95))} | ${i === 0 ? '1' : spread(ratios[i]!.p50)} | ${i === 0 ? '1' : spread(ratios[i]!.p95)} |`),
];
console.log(lines.join('\n'));
fs.mkdirSync(args.out, { recursive: true });
const file = path.join(args.out, `${new Date().toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}-page-latency-interleaved-${page}.md`);
fs.writeFileSync(file, `${lines.join('\n')}\n`);
console.log(`Written ${file}`);
