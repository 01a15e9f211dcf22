// npm run bench -- [--infants 500] [--seed 1] [--duration 10] [--connections 10]
// Seeds a partnership, serves the real app on 127.0.0.1, and measures each scenario with autocannon
// (in a worker thread) and each page's main query issued directly, against a fixed-page baseline.
// PGlite in memory; PostgreSQL in a database of its own when DATABASE_URL is set.
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
import { loadBenchDataset } from './dataset.ts';
import { runDirect, runLoad, type LoadRequest } from './load.ts';
import { caseloadQuery, caseOverviewQuery, chronologyQuery, openAlertsQuery, profileQuery } from './page-queries.ts';
import { BASELINE_NAME, markdownTable, resultFileStem, summarise, withRatios, type BenchReport, type Measured } from './report.ts';

const { values: args } = parseArgs({
  options: {
    infants: { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
  },
});
const infants = Number(args.infants);
const durationSeconds = Number(args.duration);
const connections = Number(args.connections);

const FIXED_PAGE = `<!DOCTYPE html><html lang="en"><head><title>Fixed page</title></head><body><main>${'<p>A fixed paragraph for the baseline.</p>'.repeat(50)}</main></body></html>`;
const FIXED_PAGE_PATH = '/bench/fixed-page';

const startedAt = new Date().toISOString();
const { kind: database, database: opened } = await openBenchDatabase(connections);
const ctx = createContext(opened.db, testConfig(), new TestClock());
const seeding = performance.now();
const dataset = await loadBenchDataset(ctx, { infants, seed: Number(args.seed) });
console.log(`Dataset: ${dataset.description}, in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

const app = await buildApp({ ctx, sessionSecret: TEST_SESSION_SECRET });
// Only in the bench app: what Fastify and its hooks cost with no database work and no template.
app.get(FIXED_PAGE_PATH, (_request, reply) => reply.type('text/html; charset=utf-8').send(FIXED_PAGE));
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${String((app.server.address() as AddressInfo).port)}`;

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

type Scenario = { name: string; http: LoadRequest; direct?: () => Promise<unknown> };
const scenarios: Scenario[] = [
  { name: BASELINE_NAME, http: { url: base + FIXED_PAGE_PATH, method: 'GET', headers: {}, connections, durationSeconds } },
  { name: 'case overview GET /cases/:id', http: page(`/cases/${dataset.ordinaryCaseId}`, practitionerCookie), direct: caseOverviewQuery(ctx, dataset.ordinaryCaseId) },
  { name: 'profile GET /cases/:id/profile', http: page(`/cases/${dataset.ordinaryCaseId}/profile`, practitionerCookie), direct: profileQuery(ctx, dataset.ordinaryCaseId) },
  { name: 'chronology, 2,000 entries, GET /cases/:id/chronology', http: page(`/cases/${dataset.longChronologyCaseId}/chronology`, practitionerCookie), direct: chronologyQuery(ctx, dataset.longChronologyCaseId) },
  { name: 'home, 40 cases, GET /', http: page('/', practitionerCookie), direct: caseloadQuery(ctx, dataset.practitioner.id) },
  { name: 'alerts of a safeguarding lead GET /alerts', http: page('/alerts', leadCookie), direct: openAlertsQuery(ctx, dataset.safeguardingLead.id) },
  { name: 'API single event POST /api/v1/cases/:id/events', http: ingest },
];

const measured: Measured[] = [];
for (const scenario of scenarios) {
  console.log(`Measuring ${scenario.name} …`);
  measured.push(await runLoad(scenario.name, scenario.http));
  if (scenario.direct) measured.push(await runDirect(`direct query: ${scenario.name}`, scenario.direct, connections, durationSeconds));
}
await app.close();
await opened.close();

const report: BenchReport = { startedAt, database, infants, dataset: dataset.description, durationSeconds, connections, results: withRatios(measured.map(summarise)) };
const table = markdownTable(report);
const directory = path.join(import.meta.dirname, 'results');
fs.mkdirSync(directory, { recursive: true });
const stem = path.join(directory, resultFileStem(report));
fs.writeFileSync(`${stem}.json`, `${JSON.stringify(report, null, 2)}\n`);
fs.writeFileSync(`${stem}.md`, table);
console.log(`\n${table}\nWritten to ${stem}.json and .md`);
const failed = report.results.filter((r) => r.failed);
if (failed.length > 0) {
  console.error(`FAILED: ${failed.map((r) => r.name).join('; ')} (errors or non-2xx responses, see the table)`);
  process.exitCode = 1;
}
