// The dashboards (issue 16) at a partnership's size: a synthetic partnership of --infants families
// (--size county is 20,000) loaded the way the other benches load it, every profile evaluated (so
// the findings the measures count are stored) and every case's dashboard summary worked out (ADR 0017: as
// `icp profiles reevaluate` or the first dashboard read after migration 055 does), then a manager of the organisation in the most teams,
// granted the partnership view. Times --runs of each use case as a page calls it, checks included and
// audited: the organisation's dashboard, the partnership's, and the list behind its busiest measure.
// Reports each one's statements, p50 and p95, against the goal of 300 ms p95 on PostgreSQL, and writes
// bench/results/<time>-dashboards-<engine>-<infants>.md.
//
//   node --import tsx bench/dashboards.ts [--infants 300 | --size county] [--runs 30] [--keep]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/dashboards.ts --size county
//
// With --keep, DATABASE_URL names a database of the caller's own (createdb it first), used as it is and
// never dropped: migrated, and loaded when it holds no case; a later run finds it loaded and measures
// only, so the statements can be looked at with EXPLAIN ANALYZE between runs on the same data. --runs 0
// loads and measures nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql, type KyselyPlugin } from 'kysely';
import { cliOperator } from '../src/application/actor.ts';
import { createContext } from '../src/application/context.ts';
import { refreshStaleSummaries } from '../src/application/dashboards/case-summaries.ts';
import { grantPartnershipView } from '../src/application/dashboards/partnership-view.ts';
import { listDashboardCases, viewDashboard } from '../src/application/dashboards/view-dashboard.ts';
import { reevaluateAllProfiles } from '../src/application/profile/reevaluate-profiles.ts';
import { loadSyntheticPartnership } from '../src/application/synthetic/load-synthetic-partnership.ts';
import { MEASURE_IDS } from '../src/domain/dashboards/measures.ts';
import { testConfig } from '../test/helpers/test-app.ts';
import { TestClock } from '../test/helpers/test-clock.ts';
import { actorFor, makeUser } from '../test/helpers/factories.ts';
import { openPostgres } from '../src/infrastructure/db/connect.ts';
import { migrate } from '../src/infrastructure/db/migrate.ts';
import { openBenchDatabase, type BenchDatabase } from './database.ts';
import { busiestOrganisation } from './dataset.ts';

const { values: args } = parseArgs({ options: { infants: { type: 'string', default: '300' }, size: { type: 'string' }, runs: { type: 'string', default: '30' }, keep: { type: 'boolean', default: false } } });
const infants = args.size === 'county' ? 20_000 : Number(args.infants);
const runs = Number(args.runs);
const GOAL_MS = 300;

/** Counts the statements Kysely sends: their results, since a sub-query built on the same db passes through transformQuery too. */
class Meter implements KyselyPlugin {
  statements = 0;
  transformQuery: KyselyPlugin['transformQuery'] = (input) => input.node;
  transformResult: KyselyPlugin['transformResult'] = (input) => {
    this.statements++;
    return Promise.resolve(input.result);
  };
}

/** The caller's own database, kept (--keep): migrated, never dropped. */
async function keptDatabase(): Promise<BenchDatabase> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('--keep needs DATABASE_URL: a PostgreSQL database of your own');
  const database = openPostgres(url, 4, () => undefined);
  await migrate(database.db);
  return { kind: 'postgres', url, database, raw: () => Promise.reject(new Error('not used')), sizeBytes: () => Promise.reject(new Error('not used')) };
}

const bench = args.keep ? await keptDatabase() : await openBenchDatabase(4);
const setup = createContext(bench.database.db, testConfig(), new TestClock());
const loading = performance.now();
const present = Number((await setup.db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
if (present === 0) {
  const loaded = await loadSyntheticPartnership(setup, cliOperator, { infants, seed: 1 });
  if (!loaded.ok) throw new Error(loaded.message);
  await reevaluateAllProfiles(setup, cliOperator);
}
const loadSeconds = (performance.now() - loading) / 1000;
const summarising = performance.now();
const summarised = await refreshStaleSummaries(setup);
const summarySeconds = (performance.now() - summarising) / 1000;
// The planner's statistics with the summaries in (the loader's ANALYZE ran before them), as autovacuum would have them.
if (summarised > 0) await sql`ANALYZE`.execute(setup.db);
const busiest = await busiestOrganisation(setup);
const managerUser = await makeUser(setup, { organisationId: busiest.organisation_id, role: 'manager' });
const admin = await makeUser(setup, { organisationId: busiest.organisation_id, role: 'admin' });
const granted = await grantPartnershipView(setup, actorFor(admin), managerUser.email);
if (!granted.ok) throw new Error(granted.message);
const manager = actorFor(managerUser);
if (runs === 0) {
  // --runs 0: load (and keep, with --keep) only.
  console.log(`Loaded in ${loadSeconds.toFixed(1)} s, summaries in ${summarySeconds.toFixed(1)} s; manager ${managerUser.email} (${managerUser.id}) of ${busiest.organisation_id}; nothing measured`);
  await bench.database.close();
  process.exit(0);
}

const meter = new Meter();
const ctx = { ...setup, db: bench.database.db.withPlugin(meter) };
const partnership = await viewDashboard(ctx, manager, 'partnership');
if (!partnership.ok) throw new Error(partnership.message);
const busiestMeasure = MEASURE_IDS.reduce((a, b) => (partnership.value.counts.measures[b] > partnership.value.counts.measures[a] ? b : a));

const scenarios: { name: string; read: () => Promise<{ ok: boolean }> }[] = [
  { name: 'organisation dashboard', read: () => viewDashboard(ctx, manager, 'organisation') },
  { name: 'partnership dashboard', read: () => viewDashboard(ctx, manager, 'partnership') },
  { name: `partnership list (${busiestMeasure})`, read: () => listDashboardCases(ctx, manager, 'partnership', { measure: busiestMeasure }) },
];

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};
say(`# Dashboards, ${bench.kind}, ${String(infants)} infants`);
say('');
say(`Load average at the start of the timing: ${os.loadavg().map((n) => n.toFixed(1)).join(', ')} on ${String(os.cpus().length)} cores.`);
say(`${present === 0 ? 'Loaded and evaluated' : `Found ${String(present)} cases loaded (--keep), checked`} in ${loadSeconds.toFixed(1)} s; ${String(summarised)} cases' dashboard summaries worked out afterwards in ${summarySeconds.toFixed(1)} s. The manager's organisation is in ${busiest.cases} teams; the partnership has ${String(partnership.value.counts.total)} cases. ${String(runs)} runs each, after one unmeasured run. Goal: p95 under ${String(GOAL_MS)} ms on PostgreSQL at county size.`);
say('');
say('| scenario | statements | p50 ms | p95 ms | max ms |');
say('| --- | ---: | ---: | ---: | ---: |');
for (const scenario of scenarios) {
  const first = await scenario.read();
  if (!first.ok) throw new Error(`${scenario.name} refused`);
  const times: number[] = [];
  let statements = 0;
  for (let run = 0; run < runs; run++) {
    const before = meter.statements;
    const started = performance.now();
    await scenario.read();
    times.push(performance.now() - started);
    statements = meter.statements - before;
  }
  say(`| ${scenario.name} | ${String(statements)} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${Math.max(...times).toFixed(1)} |`);
}
const file = path.join(import.meta.dirname, 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}-dashboards-${bench.kind}-${String(infants)}.md`);
fs.writeFileSync(file, `${lines.join('\n')}\n`);
console.log(`Written to ${path.relative(process.cwd(), file)}`);
await bench.database.close();
