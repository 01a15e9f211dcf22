// The agency batch and the single event, before and after a change, in one process on one database,
// alternating round by round (which goes first alternates too), so a busy machine moves both sides
// alike. `--before` is a copy of an older tree (e.g. `git archive <commit> | tar -x -C <dir>`, with a
// node_modules link): its use cases run on their own cases, each side with its own context, so each
// keeps its chronologies cached as a running server does. Each round: a batch of 1,000 entries across
// 80 cases (one in a hundred an emergency attendance, which alerts), `--singles` single events one
// after another, and the same 1,000 rows by one bare multi-row INSERT through the driver. Reports
// medians of wall time and of this process's CPU (process.cpuUsage: not the database's), and the
// median of the per-round ratios after ÷ before.
//
//   git archive HEAD | tar -x -C .tmp/me/base && ln -s "$PWD/node_modules" .tmp/me/base/node_modules
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/<empty db> node --import tsx bench/batch-ab.ts --before .tmp/me/base [--rounds 10] [--singles 20] [--history 50]
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { AppContext, createContext } from '../src/application/context.ts';
import type { UserActor } from '../src/application/actor.ts';
import { makeCase, makePerson, makeUser } from '../test/helpers/factories.ts';
import type { testConfig } from '../test/helpers/test-app.ts';
import { abFixture } from './ab-fixture.ts';
import { bareInsert } from './ingest.ts';

const { values } = parseArgs({ options: { before: { type: 'string' }, rounds: { type: 'string', default: '10' }, singles: { type: 'string', default: '20' }, history: { type: 'string', default: '50' } } });
const url = process.env['DATABASE_URL'];
if (!url || !values.before) throw new Error('Usage: DATABASE_URL=<empty database> node --import tsx bench/batch-ab.ts --before <older tree>');
const ROUNDS = Number(values.rounds);
const SINGLES = Number(values.singles);
const HISTORY = Number(values.history);
const CASES = 80;
const BATCH = 1000;

interface Side {
  name: string;
  ctx: AppContext;
  recordBatch: (ctx: AppContext, actor: UserActor, items: readonly { index: number; caseId: string; entry: Record<string, unknown> }[]) => Promise<{ stored: unknown[] }>;
  recordEntry: (ctx: AppContext, actor: UserActor, caseId: string, entry: Record<string, unknown>) => Promise<{ ok: boolean }>;
  cases: string[];
  batch: number[];
  batchCpu: number[];
  single: number[];
}

const { database, clock, setup, officer, actor, entry } = await abFixture(url, 10);
const batchOf = (cases: readonly string[], size: number) => Array.from({ length: size }, (_, i) => ({ index: i, caseId: cases[i % cases.length]!, entry: entry(i % 100 === 99 ? 'emergency-attendance' : 'home-visit') }));

async function side(name: string, root: string): Promise<Side> {
  const batchModule = (await import(path.resolve(root, 'src/application/chronology/record-batch.ts'))) as Pick<Side, 'recordBatch'>;
  const entryModule = (await import(path.resolve(root, 'src/application/chronology/record-entry.ts'))) as Pick<Side, 'recordEntry'>;
  const contextModule = (await import(path.resolve(root, 'src/application/context.ts'))) as { createContext: typeof createContext };
  const configModule = (await import(path.resolve(root, 'test/helpers/test-app.ts'))) as { testConfig: typeof testConfig };
  const ctx = contextModule.createContext(database.db, configModule.testConfig(), clock);
  const cases: string[] = [];
  for (let c = 0; c < CASES; c++) {
    const { id } = await makeCase(setup, { teamUserIds: [officer.id, (await makeUser(setup)).id] });
    await makePerson(setup, id);
    cases.push(id);
  }
  const s: Side = { name, ctx, ...batchModule, ...entryModule, cases, batch: [], batchCpu: [], single: [] };
  for (let filled = 0; filled < HISTORY * CASES; filled += BATCH) await s.recordBatch(ctx, actor, batchOf(cases, Math.min(BATCH, HISTORY * CASES - filled)));
  return s;
}

async function round(s: Side, measured: boolean): Promise<void> {
  const items = batchOf(s.cases, BATCH);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const done = await s.recordBatch(s.ctx, actor, items);
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (done.stored.length !== BATCH) throw new Error(`${s.name}: stored ${String(done.stored.length)} of ${String(BATCH)}`);
  if (measured) {
    s.batch.push(wall);
    s.batchCpu.push((used.user + used.system) / 1000);
  }
  for (let i = 0; i < SINGLES; i++) {
    const one = performance.now();
    const result = await s.recordEntry(s.ctx, actor, s.cases[i % CASES]!, entry());
    if (!result.ok) throw new Error(`${s.name}: a single event was refused`);
    if (measured) s.single.push(performance.now() - one);
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const before = await side('before', values.before);
const after = await side('after', '.');
const pool = new pg.Pool({ connectionString: url, max: 1 });
const [template] = (await pool.query('SELECT * FROM chronology_entries LIMIT 1')).rows as Record<string, unknown>[];
const bare = bareInsert(async (text, parameters) => (await pool.query(text, [...parameters])).rows as unknown[], template!);
const bareTimes: number[] = [];
await pool.query('ANALYZE');
for (let r = -2; r < ROUNDS; r++) {
  const order = r % 2 === 0 ? [before, after] : [after, before];
  for (const s of order) await round(s, r >= 0);
  const started = performance.now();
  await bare();
  if (r >= 0) bareTimes.push(performance.now() - started);
}
const ratios = (pick: (s: Side) => number[]) => median(pick(after).map((value, i) => value / pick(before)[i]!));
const perSecond = (ms: number) => Math.round((BATCH / ms) * 1000);
const singleRatio = median(Array.from({ length: ROUNDS }, (_, r) => median(after.single.slice(r * SINGLES, (r + 1) * SINGLES)) / median(before.single.slice(r * SINGLES, (r + 1) * SINGLES))));
console.log(`| measure (median of ${String(ROUNDS)} rounds) | before | after | after ÷ before (median of rounds) |\n| --- | ---: | ---: | ---: |`);
console.log(`| batch of ${String(BATCH)} across ${String(CASES)} cases, wall ms | ${median(before.batch).toFixed(1)} | ${median(after.batch).toFixed(1)} | ${ratios((s) => s.batch).toFixed(2)} |`);
console.log(`| batch, events/s | ${String(perSecond(median(before.batch)))} | ${String(perSecond(median(after.batch)))} | |`);
console.log(`| batch, this process's CPU ms | ${median(before.batchCpu).toFixed(1)} | ${median(after.batchCpu).toFixed(1)} | ${ratios((s) => s.batchCpu).toFixed(2)} |`);
console.log(`| batch ÷ bare INSERT of the same rows (${median(bareTimes).toFixed(1)} ms, ${String(perSecond(median(bareTimes)))}/s) | ${(100 * median(bareTimes) / median(before.batch)).toFixed(1)}% | ${(100 * median(bareTimes) / median(after.batch)).toFixed(1)}% | |`);
console.log(`| single event, one at a time, wall ms (p50) | ${median(before.single).toFixed(2)} | ${median(after.single).toFixed(2)} | ${singleRatio.toFixed(2)} |`);
await pool.end();
await database.close();
