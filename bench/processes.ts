// node --import tsx bench/processes.ts [--processes 1,2,4] [--rounds 3] [--duration 10] [--connections 16] [--pool 10] [--infants 200] [--seed 1]
// Page throughput with 1, 2 and 4 server processes against one PostgreSQL database on this machine
// (issue 17, "Several servers at once"). DATABASE_URL names an empty database of the bench's own: it
// is migrated and loaded with the bench's dataset (bench/dataset.ts), and left as it is at the end.
// Each round starts each number of processes in turn (bench/servers.ts: the service's own supervisor,
// as WEB_PROCESSES=N runs it, each process with a pool of --pool connections), warms them up, and
// measures two pages under autocannon (a worker thread of this process), both signed in as a
// practitioner: the fixed page (no database work and no template beyond the session) and the case
// overview. The load generator shares the machine with the servers, as it does in `npm run bench`.
// Ratios are to one process in the same round (bench/processes-report.ts); writes
// bench/results/<time>-processes.md and .json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app.ts';
import { createContext } from '../src/application/context.ts';
import { openPostgres } from '../src/infrastructure/db/connect.ts';
import { migrate } from '../src/infrastructure/db/migrate.ts';
import { TEST_SESSION_SECRET, testConfig } from '../test/helpers/test-app.ts';
import { TestClock } from '../test/helpers/test-clock.ts';
import { WebClient } from '../test/helpers/web-client.ts';
import { loadBenchDataset } from './dataset.ts';
import { FIXED_PAGE_PATH } from './fixed-page.ts';
import { runLoad } from './load.ts';
import { processesRows, processesTable, type ProcessesMeasurement } from './processes-report.ts';
import { startBenchServers } from './servers.ts';

const { values: args } = parseArgs({
  options: {
    processes: { type: 'string', default: '1,2,4' },
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    pool: { type: 'string', default: '10' },
    infants: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
  },
});
const wholeNumber = (name: string, text: string, least: number, most: number): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < least || value > most) throw new Error(`--${name} must be a whole number from ${String(least)} to ${String(most)}, not "${text}"`);
  return value;
};
const counts = args.processes.split(',').map((text) => wholeNumber('processes', text.trim(), 1, 32));
const rounds = wholeNumber('rounds', args.rounds, 1, 20);
const durationSeconds = wholeNumber('duration', args.duration, 1, 600);
const connections = wholeNumber('connections', args.connections, 1, 1000);
const pool = wholeNumber('pool', args.pool, 1, 50);
const url = process.env['DATABASE_URL'];
if (!url) throw new Error('Set DATABASE_URL to an empty PostgreSQL database of the bench’s own, such as postgres://postgres@127.0.0.1:5432/icp_processes_bench');
if (!counts.includes(1)) console.warn('No one-process run in --processes: the table has no ratios.');
/** Long enough for each worker to compile its templates and fill its caches before it is measured. */
const WARM_UP_SECONDS = Math.min(3, durationSeconds);

const startedAt = new Date().toISOString();
const loadAtStart = os.loadavg();
const database = openPostgres(url, pool, () => undefined);
await migrate(database.db);
const ctx = createContext(database.db, testConfig(), new TestClock());
const existing = await ctx.db.selectFrom('users').select('id').limit(1).execute();
if (existing.length > 0) {
  await database.close();
  throw new Error('The database in DATABASE_URL is not empty: give the bench an empty database of its own (drop and create it again).');
}
const seeding = performance.now();
const dataset = await loadBenchDataset(ctx, { infants: wholeNumber('infants', args.infants, 0, 20_000), seed: Number(args.seed) });
console.log(`Dataset: ${dataset.description}, in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

// Signs the practitioner in here: the session is in the database, signed with the secret every server process has.
const app = await buildApp({ ctx, sessionSecret: TEST_SESSION_SECRET });
const cookie = (await WebClient.signedIn(app, dataset.practitioner)).cookieHeader;
await app.close();
const pages = [
  { page: 'fixed page, signed in', path: FIXED_PAGE_PATH },
  { page: 'case overview GET /cases/:id', path: `/cases/${dataset.ordinaryCaseId}` },
];

const measurements: ProcessesMeasurement[] = [];
for (let round = 1; round <= rounds; round++) {
  for (const processes of counts) {
    const servers = await startBenchServers(processes, url, pool);
    try {
      for (const { page, path: pagePath } of pages) {
        const request = { url: servers.base + pagePath, method: 'GET' as const, headers: { cookie }, connections };
        await runLoad('warm-up', { ...request, durationSeconds: WARM_UP_SECONDS });
        console.log(`Round ${String(round)} of ${String(rounds)}: ${page} with ${String(processes)} process(es) …`);
        measurements.push({ round, processes, page, measured: await runLoad(page, { ...request, durationSeconds }) });
      }
    } finally {
      await servers.stop();
    }
  }
}
await database.close();

const rows = processesRows(measurements);
const heading =
  `Processes benchmark ${startedAt}: PostgreSQL, ${dataset.description}; ${String(rounds)} round(s) of ${String(durationSeconds)} s per page and number of processes, ` +
  `${String(connections)} connections, a pool of ${String(pool)} per process; ${String(os.availableParallelism())} cores, load average at the start ${loadAtStart.map((n) => n.toFixed(1)).join(' / ')}. ` +
  'req/s: the median of the rounds; × 1 process: the median of each round’s ratio to that round’s one process.';
const table = processesTable(heading, rows);
const directory = path.join(import.meta.dirname, 'results');
fs.mkdirSync(directory, { recursive: true });
const stem = path.join(directory, `${startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}-processes`);
fs.writeFileSync(`${stem}.json`, `${JSON.stringify({ startedAt, loadAtStart, rounds, durationSeconds, connections, pool, counts, dataset: dataset.description, rows }, null, 2)}\n`);
fs.writeFileSync(`${stem}.md`, table);
console.log(`\n${table}\nWritten to ${stem}.json and .md`);
if (rows.some((row) => row.failed)) {
  console.error('FAILED: a page had errors, non-2xx responses or nothing completed (see the table)');
  process.exitCode = 1;
}
