// Single events from ten callers at once, before and after a change, in one process on one database
// (issue 12). `--cases 80` (the default) spreads them over 80 cases, the county bench's "single events
// across 80 cases, 10 connections, p95 < 50 ms"; `--cases 1 --history 200` puts them all on one case,
// where every write queues at the case's row lock (its "API single event" scenario, ADR 0021).
// `--before` is a copy of an older tree (see bench/batch-ab.ts); each side has its own context, its
// own pool of `--clients` connections opened by its own tree (so how statements are sent is compared
// too) and its own `--cases` cases, each with `--history` entries already recorded and its chronology
// kept, as a running server's is. Each round, each side in turn (which goes first alternates):
// `--clients` loops, each recording one event after another through recordEntry (what
// POST /api/v1/cases/:id/events runs) on the side's cases in turn, all as the same caller, as one
// agency's system, for `--seconds`, each event of `--kind` (home-visit, the default, raises no alert;
// emergency-attendance raises one to the case's team, written with the version: ADR 0022). Reports
// each side's events a second, p50/p95 of all rounds' latencies and the CPU an event takes in this
// process and in the side's database server processes (bench/backend-cpu.ts), and the median of the
// per-round ratios after ÷ before: on a busy machine only the ratios mean anything, the CPU ones
// least moved by other people's load.
//
//   git worktree add /tmp/base HEAD && ln -s "$PWD/node_modules" /tmp/base/node_modules
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/<empty db> node --import tsx bench/single-events-ab.ts --before /tmp/base [--rounds 6] [--seconds 5] [--clients 10] [--cases 80] [--history 50] [--kind home-visit]
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AppContext, createContext } from '../src/application/context.ts';
import type { UserActor } from '../src/application/actor.ts';
import type { Database, openPostgres } from '../src/infrastructure/db/connect.ts';
import { makeCase, makePerson, makeUser } from '../test/helpers/factories.ts';
import type { testConfig } from '../test/helpers/test-app.ts';
import { abFixture } from './ab-fixture.ts';
import { backendCpuMs, withApplicationName } from './backend-cpu.ts';

const { values } = parseArgs({ options: { before: { type: 'string' }, rounds: { type: 'string', default: '6' }, seconds: { type: 'string', default: '5' }, clients: { type: 'string', default: '10' }, cases: { type: 'string', default: '80' }, history: { type: 'string', default: '50' }, kind: { type: 'string', default: 'home-visit' } } });
const url = process.env['DATABASE_URL'];
if (!url || !values.before) throw new Error('Usage: DATABASE_URL=<empty database> node --import tsx bench/single-events-ab.ts --before <older tree>');
const ROUNDS = Number(values.rounds);
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const CASES = Number(values.cases);
const HISTORY = Number(values.history);

interface Side {
  name: string;
  database: Database;
  ctx: AppContext;
  recordEntry: (ctx: AppContext, actor: UserActor, caseId: string, entry: Record<string, unknown>) => Promise<{ ok: boolean }>;
  caseIds: string[];
  latencies: number[];
  perSecond: number[];
  /** This process's CPU ms per event, each round. */
  nodeCpu: number[];
  /** The side's database server processes' CPU ms per event, each round (none when the server is on another machine). */
  serverCpu: number[];
}

const { database, clock, setup, officer, actor, entry } = await abFixture(url, CLIENTS);

async function side(name: string, root: string): Promise<Side> {
  const entryModule = (await import(path.resolve(root, 'src/application/chronology/record-entry.ts'))) as Pick<Side, 'recordEntry'>;
  const batchModule = (await import(path.resolve(root, 'src/application/chronology/record-batch.ts'))) as { recordBatch: (ctx: AppContext, actor: UserActor, items: readonly { index: number; caseId: string; entry: Record<string, unknown> }[]) => Promise<unknown> };
  const contextModule = (await import(path.resolve(root, 'src/application/context.ts'))) as { createContext: typeof createContext };
  const configModule = (await import(path.resolve(root, 'test/helpers/test-app.ts'))) as { testConfig: typeof testConfig };
  const connectModule = (await import(path.resolve(root, 'src/infrastructure/db/connect.ts'))) as { openPostgres: typeof openPostgres };
  const own = connectModule.openPostgres(withApplicationName(url!, applicationName(name)), CLIENTS, () => undefined);
  const ctx = contextModule.createContext(own.db, configModule.testConfig(), clock);
  const caseIds: string[] = [];
  for (let c = 0; c < CASES; c++) {
    const { id } = await makeCase(setup, { teamUserIds: [officer.id, (await makeUser(setup)).id] });
    await makePerson(setup, id);
    caseIds.push(id);
  }
  // Recorded by the side's own code, so its process keeps each chronology as a running server would.
  await batchModule.recordBatch(ctx, actor, caseIds.flatMap((caseId) => Array.from({ length: HISTORY }, () => caseId)).map((caseId, index) => ({ index, caseId, entry: entry() })));
  return { name, database: own, ctx, ...entryModule, caseIds, latencies: [], perSecond: [], nodeCpu: [], serverCpu: [] };
}

const applicationName = (side: string) => `icp-single-events-ab-${side}`;

async function round(s: Side, measured: boolean): Promise<void> {
  const serverCpuBefore = await backendCpuMs(database.db, applicationName(s.name));
  const nodeCpuBefore = process.cpuUsage();
  const until = performance.now() + SECONDS * 1000;
  let done = 0;
  let next = 0;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const caseId = s.caseIds[next++ % s.caseIds.length]!;
        const started = performance.now();
        const result = await s.recordEntry(s.ctx, actor, caseId, entry(values.kind));
        if (!result.ok) throw new Error(`${s.name}: an event was refused`);
        latencies.push(performance.now() - started);
        done++;
      }
    }),
  );
  const nodeCpu = process.cpuUsage(nodeCpuBefore);
  const serverCpuAfter = await backendCpuMs(database.db, applicationName(s.name));
  if (measured) {
    s.latencies.push(...latencies);
    s.perSecond.push(done / SECONDS);
    s.nodeCpu.push((nodeCpu.user + nodeCpu.system) / 1000 / done);
    if (serverCpuBefore !== undefined && serverCpuAfter !== undefined) s.serverCpu.push((serverCpuAfter - serverCpuBefore) / done);
  }
}

const percentile = (xs: readonly number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const median = (xs: readonly number[]) => percentile(xs, 0.5);
const before = await side('before', values.before);
const after = await side('after', '.');
const p95s = new Map<Side, number[]>([[before, []], [after, []]]);
for (let r = -1; r < ROUNDS; r++) {
  for (const s of r % 2 === 0 ? [before, after] : [after, before]) {
    const from = s.latencies.length;
    await round(s, r >= 0);
    if (r >= 0) p95s.get(s)!.push(percentile(s.latencies.slice(from), 0.95));
  }
}
const ratio = (pick: (s: Side) => readonly number[]) => median(pick(after).map((value, i) => value / pick(before)[i]!));
console.log(`${String(CLIENTS)} callers ${CASES === 1 ? 'on one case' : `across ${String(CASES)} cases in turn`}, ${String(HISTORY)} entries a case before, each event a ${values.kind}, ${String(ROUNDS)} rounds of ${String(SECONDS)} s each side\n`);
console.log(`| measure | before | after | after ÷ before (median of rounds) |\n| --- | ---: | ---: | ---: |`);
console.log(`| events recorded a second (median of rounds) | ${median(before.perSecond).toFixed(1)} | ${median(after.perSecond).toFixed(1)} | ${ratio((s) => s.perSecond).toFixed(2)} |`);
console.log(`| p50 ms (all rounds) | ${median(before.latencies).toFixed(1)} | ${median(after.latencies).toFixed(1)} | |`);
console.log(`| p95 ms (all rounds; ratio: of each round's p95) | ${percentile(before.latencies, 0.95).toFixed(1)} | ${percentile(after.latencies, 0.95).toFixed(1)} | ${ratio((s) => p95s.get(s)!).toFixed(2)} |`);
console.log(`| this process's CPU ms an event (median of rounds) | ${median(before.nodeCpu).toFixed(2)} | ${median(after.nodeCpu).toFixed(2)} | ${ratio((s) => s.nodeCpu).toFixed(2)} |`);
if (after.serverCpu.length === ROUNDS && before.serverCpu.length === ROUNDS) {
  console.log(`| database server's CPU ms an event (median of rounds) | ${median(before.serverCpu).toFixed(2)} | ${median(after.serverCpu).toFixed(2)} | ${ratio((s) => s.serverCpu).toFixed(2)} |`);
}
await Promise.all([before.database.close(), after.database.close(), database.close()]);
