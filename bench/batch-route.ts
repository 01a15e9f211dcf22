// POST /api/v1/events:batch as the county bench sends it (bench/ingest.ts batchBody: 1,000 entries across
// 80 cases, each with a unique externalId, `--at` batches at once, 2 like bench/run.ts), through
// app.inject in this process (no sockets), against `--at` bare multi-row INSERTs at once through the
// driver (bench/ingest.ts bareInsert) measured round by round in the same run. For profiling the
// server side (run it under node --cpu-prof) and for comparing trees on a busy machine: it reports
// this process's CPU per batch (process.cpuUsage: Node's share, not the database's) beside the wall
// times and the share. Runs on a database kept by `npm run bench -- --keep --load-only --infants N`
// (bench/dataset.ts findBenchDataset) and writes to 80 cases of its own each run (makeWriteCases),
// starting with 6 entries each, so a run's chronologies grow as the bench's do. The clock is the
// bench's test clock, which stands still; `--moving` makes it move with the system clock from there.
// To compare an older tree, copy this file into it and run it there.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/<kept db> node --import tsx bench/batch-route.ts [--rounds 20] [--warm 6] [--at 2] [--moving]
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { createContext } from '../src/application/context.ts';
import { openPostgres } from '../src/infrastructure/db/connect.ts';
import { TEST_SESSION_SECRET, testConfig } from '../test/helpers/test-app.ts';
import { TestClock } from '../test/helpers/test-clock.ts';
import { findBenchDataset, makeWriteCases } from './dataset.ts';
import { bareInsert, batchBody } from './ingest.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' }, warm: { type: 'string', default: '6' }, at: { type: 'string', default: '2' }, moving: { type: 'boolean', default: false } } });
const url = process.env['DATABASE_URL']!;
const database = openPostgres(url, 10, () => undefined);
const frozen = new TestClock();
const base = frozen.now().getTime() - performance.now();
const ctx = createContext(database.db, testConfig(), values.moving ? { now: () => new Date(base + performance.now()) } : frozen);
const found = await findBenchDataset(ctx);
if (!found) throw new Error('No bench fixtures in this database: load them first (npm run bench -- --keep --load-only --infants 2000)');
const authorization = `Bearer ${found.apiToken}`;
const prefix = `batch-route-${String(process.pid)}-${String(Math.round(performance.timeOrigin))}`;
const own = await makeWriteCases(ctx, found, prefix, 1);
const app = await buildApp({ ctx, sessionSecret: TEST_SESSION_SECRET });
const body = batchBody(own.batchCases, ctx.clock.now().toISOString().slice(0, 10));
let n = 0;
const payload = () => {
  const k = n++;
  return JSON.stringify({ entries: body.entries.map((e, i) => ({ ...e, externalId: `${prefix}-${String(k)}-${String(i)}` })) });
};
async function one(): Promise<void> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/events:batch', headers: { authorization, 'content-type': 'application/json' }, payload: payload() });
  if (response.statusCode !== 200) throw new Error(response.body);
  const parsed = JSON.parse(response.body) as { stored: unknown[] };
  if (parsed.stored.length !== 1000) throw new Error(`stored ${String(parsed.stored.length)}`);
}
const pool = new pg.Pool({ connectionString: url, max: 2 });
const [template] = (await pool.query('SELECT * FROM chronology_entries WHERE case_id = $1 LIMIT 1', [own.batchCases[0]!.id])).rows as Record<string, unknown>[];
const bare = bareInsert(async (text, parameters) => (await pool.query(text, [...parameters])).rows as unknown[], template!);
const AT = Number(values.at);
for (let i = 0; i < Number(values.warm); i++) await Promise.all(Array.from({ length: AT }, () => one()));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const walls: number[] = [];
const cpus: number[] = [];
const bares: number[] = [];
for (let r = 0; r < Number(values.rounds); r++) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await Promise.all(Array.from({ length: AT }, () => one()));
  walls.push(performance.now() - t);
  const used = process.cpuUsage(cpu);
  cpus.push((used.user + used.system) / 1000 / AT);
  const b = performance.now();
  await Promise.all(Array.from({ length: AT }, () => bare()));
  bares.push(performance.now() - b);
}
const wall = median(walls);
console.log(`${String(AT)} at once: round wall ${wall.toFixed(1)} ms (${Math.round((AT * 1000 * 1000) / wall)} events/s), Node CPU per batch ${median(cpus).toFixed(1)} ms; bare ${median(bares).toFixed(1)} ms (${Math.round((AT * 1000 * 1000) / median(bares))}/s); share ${(100 * median(bares) / wall).toFixed(1)}%`);
await app.close();
await pool.end();
await database.close();
