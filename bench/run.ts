// npm run bench -- [--infants 500 | --size county|england] [--seed 1] [--duration 10] [--connections 10] [--processes N] [--wait-for FILE]
//                   [--keep] [--load-only] [--skip-reevaluate]
// Seeds a partnership, serves the real app on 127.0.0.1 (in this process, or with --processes in N
// server processes of its own on one port, PostgreSQL only), and measures each scenario with autocannon
// (in a worker thread) and the statements each page sends, captured from a warm view and sent again
// straight through the driver (bench/page-queries.ts), against a fixed-page baseline; batch ingest against
// a bare multi-row insert; then times re-evaluating every profile once. PGlite in memory; PostgreSQL in a database of its own when DATABASE_URL is set.
// With --keep, DATABASE_URL names a database of the caller's own (createdb it first): migrated, loaded
// only when it holds no bench fixtures, never dropped; a later run finds the fixtures (bench/dataset.ts
// findBenchDataset) and writes only to cases made for that run, so it measures the same reads again
// and the statements can be EXPLAINed between runs (bench/explain.ts). --load-only loads and stops.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app.ts';
import { createContext } from '../src/application/context.ts';
import { TEST_SESSION_SECRET, testConfig } from '../test/helpers/test-app.ts';
import { TestClock } from '../test/helpers/test-clock.ts';
import { WebClient } from '../test/helpers/web-client.ts';
import { openBenchDatabase } from './database.ts';
import { addFixedPage, FIXED_PAGE_PATH } from './fixed-page.ts';
import { startBenchServers } from './servers.ts';
import { findBenchDataset, loadBenchDataset, makeWriteCases, type BenchDataset } from './dataset.ts';
import { runDirect, runLoad, type LoadRequest } from './load.ts';
import { cliOperator } from '../src/application/actor.ts';
import { reevaluateAllProfiles } from '../src/application/profile/reevaluate-profiles.ts';
import { bareInsert, batchBody, BATCH_SIZE } from './ingest.ts';
import { auditAppendThrough, pageBaseline, type PageBaseline } from './page-queries.ts';
import { StatementCapture } from './capture.ts';
import { BASELINE_NAME, markdownTable, resultFileStem, summarise, withRatios, type BenchReport, type Measured, type OneOff } from './report.ts';

const { values: args } = parseArgs({
  options: {
    infants: { type: 'string', default: '500' },
    size: { type: 'string' },
    seed: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    processes: { type: 'string' },
    'wait-for': { type: 'string' },
    keep: { type: 'boolean', default: false },
    'load-only': { type: 'boolean', default: false },
    'skip-reevaluate': { type: 'boolean', default: false },
  },
});
const SIZES: Record<string, number> = { county: 20_000, england: 1_000_000 };
if (args.size !== undefined && !(args.size in SIZES)) throw new Error(`--size must be county or england, not "${args.size}"`);
const requestedInfants = args.size === undefined ? Number(args.infants) : SIZES[args.size]!;
/** Agency feeds are few: two batches at once. */
const BATCH_CONNECTIONS = 2;
const durationSeconds = Number(args.duration);
const connections = Number(args.connections);
const processes = args.processes === undefined ? undefined : Number(args.processes);
if (processes !== undefined && !(Number.isInteger(processes) && processes >= 1 && processes <= 64)) throw new Error(`--processes must be a whole number from 1 to 64, not "${String(args.processes)}"`);
if (processes !== undefined && !process.env['DATABASE_URL']) throw new Error('--processes needs PostgreSQL (set DATABASE_URL): the embedded database is opened by one process only.');

const startedAt = new Date().toISOString();
const bench = await openBenchDatabase(connections, { keep: args.keep });
const { kind: database, database: opened, raw } = bench;
if (database === 'pglite' && requestedInfants > SIZES.county!) throw new Error('The embedded database is measured up to county size: set DATABASE_URL for england.');
const ctx = createContext(opened.db, testConfig(), new TestClock());
const seeding = performance.now();
// --keep: a database already loaded by an earlier run is measured as it is (--infants and --seed are not used).
const found = args.keep ? await findBenchDataset(ctx) : undefined;
if (args.keep && !found) {
  const present = await ctx.db.selectFrom('cases').select('id').limit(1).executeTakeFirst();
  if (present) throw new Error('--keep: the database holds cases but no bench fixtures (loaded by another script?): give the bench an empty database of its own');
}
let dataset: BenchDataset = found ?? (await loadBenchDataset(ctx, { infants: requestedInfants, seed: Number(args.seed) }));
const infants = found?.infants ?? requestedInfants;
console.log(`Dataset: ${dataset.description}, ${found ? 'found' : 'loaded'} in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
const databaseBytes = await bench.sizeBytes();
if (args['load-only']) {
  console.log(`--load-only: ${String(databaseBytes)} bytes; ${args.keep ? 'the database is kept' : 'nothing kept'}, nothing measured.`);
  await opened.close();
  process.exit(0);
}
if (args.keep) {
  // The measured writes (single events with unique externalIds, batches and their alerts, the bare INSERT's
  // rows) go to cases of this run's own, made like the fixtures' write cases, so the fixtures the pages read
  // stay as loaded and the next run on this database measures the same thing.
  const making = performance.now();
  const label = new Date().toISOString().replace(/[:.]/g, '-');
  const own = await makeWriteCases(ctx, found ?? (await findBenchDataset(ctx))!, label, Number(args.seed));
  dataset = { ...dataset, ...own };
  console.log(`--keep: this run writes to 80 cases of its own (Run${label}-Family1…80), made in ${((performance.now() - making) / 1000).toFixed(1)} s`);
}

const app = await buildApp({ ctx, sessionSecret: TEST_SESSION_SECRET });
// Only in the bench app: what Fastify and its hooks cost with no database work and no template.
addFixedPage(app);
// With --processes the app here only signs the users in (sessions live in the database, signed with
// the same secret): the server processes, each with a pool of `connections`, answer the load.
const servers = processes === undefined ? undefined : await startBenchServers(processes, bench.url!, connections);
if (!servers) await app.listen({ host: '127.0.0.1', port: 0 });
const base = servers?.base ?? `http://127.0.0.1:${String((app.server.address() as AddressInfo).port)}`;
if (servers) console.log(`Serving from ${String(processes)} server process(es): ${servers.pids().join(', ')}`);

// Loading needs no quiet machine, measuring does: with --wait-for the run loads (the england size
// takes most of an hour) and then waits until the file exists, so the measuring can start when
// nothing else runs.
const waitFor = args['wait-for'];
if (waitFor !== undefined) {
  console.log(`Loaded. Waiting for ${waitFor} to exist before measuring (touch it when the machine is quiet) …`);
  while (!fs.existsSync(waitFor)) await new Promise((resolve) => setTimeout(resolve, 5_000));
}

const practitionerCookie = (await WebClient.signedIn(app, dataset.practitioner)).cookieHeader;
const leadCookie = (await WebClient.signedIn(app, dataset.safeguardingLead)).cookieHeader;

const page = (url: string, cookie: string): LoadRequest => ({ url: base + url, method: 'GET', headers: { cookie }, connections, durationSeconds });
const ingest: LoadRequest = {
  url: `${base}/api/v1/cases/${dataset.ingestCaseId}/events`,
  method: 'POST',
  headers: { authorization: `Bearer ${dataset.apiToken}`, 'content-type': 'application/json' },
  json: { kind: 'home-visit', occurredAt: ctx.clock.now().toISOString().slice(0, 10), summary: 'Home visit recorded by the benchmark', source: 'agency-record', personIds: [dataset.ingestPersonId] },
  uniqueExternalIdPrefix: `bench-${String(Date.now())}`,
  connections,
  durationSeconds,
};
// The same event, sent by 10 agencies to the 80 cases of the batch in turn: what a feed of single
// events looks like. The scenario above sends every event to one case, whose row lock queues them.
const spreadIngest: LoadRequest = {
  ...ingest,
  uniqueExternalIdPrefix: `spread-${String(Date.now())}`,
  targets: dataset.batchCases.map((target) => ({ path: `/api/v1/cases/${target.id}/events`, json: { personIds: [target.motherId] } })),
};
const batchPrefix = `batch-${String(Date.now())}`;
const batch: LoadRequest = {
  url: `${base}/api/v1/events:batch`,
  method: 'POST',
  headers: { authorization: `Bearer ${dataset.apiToken}`, 'content-type': 'application/json' },
  json: batchBody(dataset.batchCases, ctx.clock.now().toISOString().slice(0, 10)),
  uniqueExternalIdPrefix: batchPrefix,
  connections: BATCH_CONNECTIONS,
  durationSeconds,
};
const [template] = (await raw('SELECT * FROM chronology_entries WHERE case_id = $1 LIMIT 1', [dataset.batchCases[0]!.id])) as Record<string, unknown>[];

// Each page's direct baseline is what the page itself sends on a warm view (bench/page-queries.ts), served
// through an app of its own whose statements are captured (bench/capture.ts), so the measured app carries
// no capture. That app has a context of its own, as another server process has:
// its caches (profiles, chronologies, the settings kept per database handle) are warmed by its own views.
const capture = new StatementCapture(opened.db);
const capturingApp = await buildApp({ ctx: createContext(capture.db, testConfig(), ctx.clock), sessionSecret: TEST_SESSION_SECRET });
const appendAudit = auditAppendThrough(ctx, raw);
const MOST_VIEWS_TO_WARM = 5;
const baselineOf = async (url: string, cookie: string): Promise<PageBaseline> => {
  const view = async () => {
    const response = await capturingApp.inject({ url, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`Capturing ${url} for its baseline: ${String(response.statusCode)}`);
  };
  // A view can fill one cache that the next view's reads then fill another from (the case overview keeps the
  // chronology first, the profile evaluated from it on the next view): views are captured until two in a row
  // send as many statements, and the last is the baseline.
  await view();
  let sent = await capture.during(view);
  for (let views = 3; ; views++) {
    const again = await capture.during(view);
    const steady = again.length === sent.length;
    sent = again;
    if (steady) break;
    if (views === MOST_VIEWS_TO_WARM) throw new Error(`${url}: no two views in a row sent as many statements in ${String(MOST_VIEWS_TO_WARM)} views`);
  }
  const baseline = pageBaseline(sent, raw, appendAudit);
  console.log(`Baseline of ${url}: ${baseline.describes}`);
  return baseline;
};

type Scenario = { name: string; http: LoadRequest; direct?: () => Promise<unknown>; describes?: string; directConnections?: number; eventsPerRequest?: number };
const pageScenario = async (name: string, url: string, cookie: string): Promise<Scenario> => {
  const baseline = await baselineOf(url, cookie);
  return { name, http: page(url, cookie), direct: baseline.replay, describes: baseline.describes };
};
const scenarios: Scenario[] = [
  { name: BASELINE_NAME, http: { url: base + FIXED_PAGE_PATH, method: 'GET', headers: {}, connections, durationSeconds } },
  await pageScenario('case overview GET /cases/:id', `/cases/${dataset.ordinaryCaseId}`, practitionerCookie),
  await pageScenario('profile GET /cases/:id/profile', `/cases/${dataset.ordinaryCaseId}/profile`, practitionerCookie),
  await pageScenario('chronology, 2,000 entries, GET /cases/:id/chronology', `/cases/${dataset.longChronologyCaseId}/chronology`, practitionerCookie),
  await pageScenario('home, 40 cases, GET /', '/', practitionerCookie),
  await pageScenario('alerts of a safeguarding lead GET /alerts', '/alerts', leadCookie),
  { name: 'API single event POST /api/v1/cases/:id/events', http: ingest },
  { name: 'API single events across 80 cases POST /api/v1/cases/:id/events', http: spreadIngest },
  {
    name: `API batch of ${String(BATCH_SIZE)} events POST /api/v1/events:batch`,
    http: batch,
    direct: bareInsert(raw, template!),
    describes: `the same ${String(BATCH_SIZE)} rows by one bare multi-row INSERT through the driver (bench/ingest.ts): no checks, profile, alerts or audit`,
    directConnections: BATCH_CONNECTIONS,
    eventsPerRequest: BATCH_SIZE,
  },
];
await capturingApp.close();

const measured: Measured[] = [];
for (const scenario of scenarios) {
  console.log(`Measuring ${scenario.name} …`);
  measured.push(await runLoad(scenario.name, scenario.http));
  if (scenario.direct) {
    const direct = await runDirect(`direct query: ${scenario.name}`, scenario.direct, scenario.directConnections ?? connections, durationSeconds, scenario.eventsPerRequest);
    measured.push({ ...direct, ...(scenario.describes === undefined ? {} : { describes: scenario.describes }) });
  }
}
// The batch endpoint answers 200 with the entries it refused listed: count what it stored instead.
// A batch still running when the time ran out may have stored more than was counted, never fewer.
const batches = measured.find((m) => m.name === scenarios[scenarios.length - 1]!.name)!;
const [stored] = (await raw('SELECT count(*)::int AS n FROM chronology_entries WHERE external_id LIKE $1', [`${batchPrefix}-%`])) as { n: number }[];
const refused = batches.latenciesMs.length * BATCH_SIZE - (stored?.n ?? 0);
if (refused > 0) batches.non2xx += refused;

// The generator leaves every profile at version 0, so on freshly loaded data this evaluates every profile and
// writes a version of each. On a kept database an earlier run has evaluated them: then it evaluates every profile,
// writes a version only where the findings changed (this run's write cases, mostly none) and rewrites every
// case's dashboards' summary. --skip-reevaluate leaves it out.
const oneOffs: OneOff[] = [];
if (!args['skip-reevaluate']) {
  console.log('Re-evaluating every profile …');
  const reevaluated = await reevaluateAllProfiles(ctx, cliOperator);
  const name = found ? 're-evaluate every profile, already evaluated (kept database; icp profiles reevaluate)' : 're-evaluate every profile (icp profiles reevaluate)';
  oneOffs.push({ name, seconds: reevaluated.seconds, count: reevaluated.profiles, unit: 'profiles' });
}
await servers?.stop();
await app.close();
await opened.close();

const report: BenchReport = { startedAt, database, infants, dataset: dataset.description, durationSeconds, connections, ...(processes === undefined ? {} : { processes }), results: withRatios(measured.map(summarise)), oneOffs, databaseBytes };
const table = markdownTable(report);
const directory = path.join(import.meta.dirname, 'results');
fs.mkdirSync(directory, { recursive: true });
const stem = path.join(directory, resultFileStem(report));
fs.writeFileSync(`${stem}.json`, `${JSON.stringify(report, null, 2)}\n`);
fs.writeFileSync(`${stem}.md`, table);
console.log(`\n${table}\nWritten to ${stem}.json and .md`);
const failed = report.results.filter((r) => r.failed);
if (failed.length > 0) {
  console.error(`FAILED: ${failed.map((r) => `${r.name} (${r.requests === 0 ? 'no request completed: a longer --duration' : 'errors or non-2xx responses: see the table'})`).join('; ')}`);
  process.exitCode = 1;
}
