// node --import tsx bench/render.ts [--before <commit>] [--rounds 15] [--renders 10] [--no-write]
// What Nunjucks costs on the practitioner pages, apart from the database. The bench's own fixtures
// (bench/dataset.ts, no generated families) are loaded into an in-memory PGlite and each page the
// load bench measures is fetched once through the real app: the case overview, the profile, the
// chronology of the baby with 2,000 entries, home (40 cases) and the safeguarding lead's 80 open
// alerts. The template and the locals the views plugin hands Nunjucks are kept, and the timing
// renders them again and again in an environment built as views.ts builds it, with no database.
//
// With --before, the .njk files of that commit (under src/web) are read out with git into a
// temporary folder and the same locals are rendered with them too, in the same run, interleaved
// round by round with the working tree's templates (which goes first alternates), so the ratio
// holds on a busy machine. The run also says, for each page, whether the two give the same markup
// once runs of white space are made one space. Writes bench/results/<time>-render.md unless
// --no-write.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import nunjucks from 'nunjucks';
import { buildApp } from '../src/app.ts';
import { createContext } from '../src/application/context.ts';
import { TEMPLATE_PATHS, viewEnvironment } from '../src/web/plugins/views.ts';
import { TEST_SESSION_SECRET, testConfig } from '../test/helpers/test-app.ts';
import { TestClock } from '../test/helpers/test-clock.ts';
import { buildTemplate, pgliteTemplatePath } from '../test/helpers/test-database.ts';
import { WebClient } from '../test/helpers/web-client.ts';
import { openBenchDatabase } from './database.ts';
import { loadBenchDataset } from './dataset.ts';
import { percentile } from './report.ts';

const { values: args } = parseArgs({
  options: {
    before: { type: 'string' },
    rounds: { type: 'string', default: '15' },
    renders: { type: 'string', default: '10' },
    'no-write': { type: 'boolean', default: false },
  },
});
const rounds = Number(args.rounds);
const renders = Number(args.renders);
for (const [name, value] of [['--rounds', rounds], ['--renders', renders]] as const) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1`);
}
const repository = path.resolve(import.meta.dirname, '..');
const git = (...gitArgs: string[]) => execFileSync('git', gitArgs, { cwd: repository, encoding: 'utf8' }).trim();

// The data: the bench's fixtures, on the embedded database (the test template, built if missing).
if (process.env['DATABASE_URL']) throw new Error('bench/render.ts runs on the embedded database only: unset DATABASE_URL.');
if (!fs.existsSync(pgliteTemplatePath())) await buildTemplate();
const startedAt = new Date().toISOString();
const bench = await openBenchDatabase(1);
const ctx = createContext(bench.database.db, testConfig(), new TestClock());
const dataset = await loadBenchDataset(ctx, { infants: 0, seed: 1 });
const app = await buildApp({ ctx, sessionSecret: TEST_SESSION_SECRET });

interface CapturedPage {
  name: string;
  template: string;
  locals: object;
}

/** Fetches the page and keeps what the views plugin asked Nunjucks to render for it. */
async function capture(name: string, client: WebClient, url: string): Promise<CapturedPage> {
  const prototype = nunjucks.Environment.prototype as unknown as { render: (name: string, ctx?: object, callback?: unknown) => unknown };
  const render = prototype.render;
  let seen: { template: string; locals: object } | undefined;
  prototype.render = function (this: nunjucks.Environment, template: string, locals?: object, callback?: unknown) {
    seen = { template, locals: locals ?? {} };
    return render.call(this, template, locals, callback);
  };
  try {
    const response = await client.get(url);
    if (response.statusCode !== 200 || !seen) throw new Error(`${name}: GET ${url} answered ${String(response.statusCode)}`);
    return { name, ...seen };
  } finally {
    prototype.render = render;
  }
}

const practitioner = await WebClient.signedIn(app, dataset.practitioner);
const lead = await WebClient.signedIn(app, dataset.safeguardingLead);
const pages = [
  await capture('case overview', practitioner, `/cases/${dataset.ordinaryCaseId}`),
  await capture('profile', practitioner, `/cases/${dataset.ordinaryCaseId}/profile`),
  await capture('chronology, 2,000 entries (first 50 shown)', practitioner, `/cases/${dataset.longChronologyCaseId}/chronology`),
  await capture('home, 40 cases', practitioner, '/'),
  await capture('alerts, 80 open', lead, '/alerts'),
];
await app.close();
await bench.database.close();

// The environments: the working tree's templates, and the commit's given with --before.
interface Variant {
  label: string;
  env: nunjucks.Environment;
}
const head = git('rev-parse', '--short', 'HEAD');
const dirty = git('status', '--porcelain', '--', 'src/web') !== '';
const now: Variant = { label: `now (${head}${dirty ? ' + working tree' : ''})`, env: viewEnvironment() };
const variants: Variant[] = [now];
let temporary: string | undefined;
if (args.before !== undefined) {
  const commit = git('rev-parse', '--short', args.before);
  temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-render-'));
  const files = git('ls-tree', '-r', '--name-only', commit, '--', 'src/web').split('\n').filter((file) => file.endsWith('.njk'));
  for (const file of files) {
    const target = path.join(temporary, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, execFileSync('git', ['show', `${commit}:${file}`], { cwd: repository }));
  }
  const web = path.join(temporary, 'src', 'web');
  variants.unshift({ label: `before (${commit})`, env: viewEnvironment([path.join(web, 'features'), path.join(web, 'views'), TEMPLATE_PATHS[2]!]) });
}

// The markup: the same, the same but for white space, or different (with where).
const collapsed = (html: string) => html.replace(/\s+/g, ' ');
const betweenTags = (html: string) => collapsed(html).replace(/> </g, '><').replace(/ </g, '<').replace(/> /g, '>');
function firstDifference(a: string, b: string): string {
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 80), at + 80));
  return `at character ${String(at)}:\n  before ${around(a)}\n  now    ${around(b)}`;
}
const sameness = new Map<string, string>();
if (variants.length === 2) {
  for (const page of pages) {
    const [a, b] = variants.map((variant) => variant.env.render(page.template, page.locals));
    let verdict: string;
    if (collapsed(a!) === collapsed(b!)) verdict = 'same';
    else if (betweenTags(a!) === betweenTags(b!)) verdict = 'same but for white space beside tags';
    else {
      verdict = 'DIFFERENT';
      console.log(`${page.name}: the markup differs ${firstDifference(collapsed(a!), collapsed(b!))}`);
    }
    sameness.set(page.name, verdict);
  }
}

// The timing: a warm-up round (it compiles the templates), then `rounds` rounds, each rendering
// every page `renders` times with each variant, the variants' order alternating round by round.
const timings = new Map<string, number[]>();
const key = (page: CapturedPage, variant: Variant) => `${page.name}\u0000${variant.label}`;
const sizes = new Map<string, number>();
for (let round = 0; round <= rounds; round++) {
  const order = round % 2 === 0 ? variants : [...variants].reverse();
  for (const page of pages) {
    for (const variant of order) {
      const start = performance.now();
      let html = '';
      for (let n = 0; n < renders; n++) html = variant.env.render(page.template, page.locals);
      const perRender = (performance.now() - start) / renders;
      sizes.set(key(page, variant), html.length);
      if (round === 0) continue;
      timings.set(key(page, variant), [...(timings.get(key(page, variant)) ?? []), perRender]);
    }
  }
}
if (temporary) fs.rmSync(temporary, { recursive: true, force: true });

const median = (page: CapturedPage, variant: Variant) => percentile([...timings.get(key(page, variant))!].sort((a, b) => a - b), 50);
const spread = (page: CapturedPage, variant: Variant) => {
  const sorted = [...timings.get(key(page, variant))!].sort((a, b) => a - b);
  return `${sorted[0]!.toFixed(2)}–${sorted[sorted.length - 1]!.toFixed(2)}`;
};
const header = ['page', ...variants.flatMap((variant) => [`${variant.label} median ms`, 'fastest–slowest round', 'KiB']), ...(variants.length === 2 ? ['now ÷ before', 'markup'] : [])];
const rows = pages.map((page) => [
  page.name,
  ...variants.flatMap((variant) => [median(page, variant).toFixed(2), spread(page, variant), (sizes.get(key(page, variant))! / 1024).toFixed(0)]),
  ...(variants.length === 2 ? [(median(page, variants[1]!) / median(page, variants[0]!)).toFixed(2), sameness.get(page.name)!] : []),
]);
const command = `node --import tsx bench/render.ts${args.before === undefined ? '' : ` --before ${args.before}`} --rounds ${String(rounds)} --renders ${String(renders)}`;
const table = [
  `Render ${startedAt}: \`${command}\`; Node ${process.version}; ${String(os.cpus().length)} cores, load average ${os.loadavg()[0]!.toFixed(2)} at the end.`,
  `Milliseconds per render of the whole page (layout included), the median of ${String(rounds)} rounds of ${String(renders)} renders each, after one warm-up round.`,
  '',
  `| ${header.join(' | ')} |`,
  `| --- | ${header.slice(1).map((cell) => (cell === 'markup' ? '---' : '---:')).join(' | ')} |`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
  '',
].join('\n');
console.log(`\n${table}`);
if (!args['no-write']) {
  const directory = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(directory, { recursive: true });
  const file = path.join(directory, `${startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}-render.md`);
  fs.writeFileSync(file, table);
  console.log(`Written to ${file}`);
}
