// EXPLAIN (ANALYZE, BUFFERS) of what the home page and one agency event send, against a database kept by
// `npm run bench -- --keep` (issue 12: at england size both grew with the tables). Runs the real use cases
// once unmeasured (so the process's caches are as a running server's), then once more, capturing every
// statement Kysely sends (its SQL, its parameters and how long it took as sent), then explains each:
// - the home page: viewHome as the practitioner with 40 cases (her alerts, her caseload with its clock and
//   trigger entries and meetings, the audit entry);
// - one event: recordEntry as the agency recorder through the API, on the kept database's ingest fixture
//   (bench case 80, which the measured runs no longer write to; each run of this script adds two entries to it).
// A SELECT is explained with ANALYZE. A statement that writes or locks is explained with ANALYZE inside a
// transaction that is rolled back; when that fails (the entry's INSERT names an id already stored, so the
// INSERT conflicts) it is explained without ANALYZE, the plan alone.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/icp_mine node --import tsx bench/explain.ts [--only home|event] [--out FILE]
//
// Writes the plans to bench/results/<time>-explain-<infants>.md (or --out) and prints a summary: each
// statement, its time as sent and the plan's execution time.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createContext } from '../src/application/context.ts';
import { recordEntry } from '../src/application/chronology/record-entry.ts';
import { viewHome } from '../src/application/cases/view-home.ts';
import type { UserActor } from '../src/application/actor.ts';
import { testConfig } from '../test/helpers/test-app.ts';
import { TestClock } from '../test/helpers/test-clock.ts';
import { openBenchDatabase } from './database.ts';
import { findBenchDataset } from './dataset.ts';
import { isRead, StatementCapture, type SentStatement } from './capture.ts';

const { values: args } = parseArgs({ options: { only: { type: 'string' }, out: { type: 'string' } } });
if (args.only !== undefined && args.only !== 'home' && args.only !== 'event') throw new Error(`--only must be home or event, not "${args.only}"`);

const bench = await openBenchDatabase(4, { keep: true });
const setup = createContext(bench.database.db, testConfig(), new TestClock());
const found = await findBenchDataset(setup);
if (!found) throw new Error('No bench fixtures in this database: load it first with npm run bench -- --keep --load-only');
const capture = new StatementCapture(bench.database.db);
const ctx = { ...setup, db: capture.db };

const userOf = async (id: string, channel: 'web' | 'api'): Promise<UserActor> => {
  const user = await setup.db.selectFrom('users').select(['id', 'organisation_id', 'role']).where('id', '=', id).executeTakeFirstOrThrow();
  return { kind: 'user', userId: user.id, organisationId: user.organisation_id, role: user.role as UserActor['role'], channel, ip: null };
};

const groups: { title: string; statements: SentStatement[] }[] = [];
if (args.only !== 'event') {
  const practitioner = await userOf(found.practitioner.id, 'web');
  await viewHome(ctx, practitioner);
  groups.push({ title: 'Home page: viewHome, the practitioner with 40 cases', statements: await capture.during(() => viewHome(ctx, practitioner)) });
}
if (args.only !== 'home') {
  const recorder = await userOf(found.recorderId, 'api');
  const event = (n: number) => ({ kind: 'home-visit', occurredAt: setup.clock.now().toISOString().slice(0, 10), summary: 'Home visit explained by the benchmark', source: 'agency-record', personIds: [found.ingestPersonId], externalId: `explain-${String(Date.now())}-${String(n)}` });
  const first = await recordEntry(ctx, recorder, found.ingestCaseId, event(1));
  if (!first.ok) throw new Error(`The event was refused: ${JSON.stringify(first)}`);
  groups.push({ title: 'One event: recordEntry through the API, on the ingest fixture', statements: await capture.during(() => recordEntry(ctx, recorder, found.ingestCaseId, event(2))) });
}

const client = new pg.Client({ connectionString: bench.url });
await client.connect();
const planOf = async (statement: SentStatement): Promise<{ plan: string; analysed: boolean }> => {
  const text = (rows: unknown[]) => (rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
  if (isRead(statement.sql)) return { plan: text((await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, [...statement.parameters])).rows), analysed: true };
  await client.query('BEGIN');
  try {
    return { plan: text((await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, [...statement.parameters])).rows), analysed: true };
  } catch {
    await client.query('ROLLBACK');
    await client.query('BEGIN');
    return { plan: text((await client.query(`EXPLAIN ${statement.sql}`, [...statement.parameters])).rows), analysed: false };
  } finally {
    await client.query('ROLLBACK');
  }
};

const lines: string[] = [`# EXPLAIN (ANALYZE, BUFFERS) on a kept bench database`, '', found.description, ''];
for (const group of groups) {
  lines.push(`## ${group.title}`, '');
  console.log(`\n${group.title}: ${String(group.statements.length)} statements`);
  for (const [index, statement] of group.statements.entries()) {
    const { plan, analysed } = await planOf(statement);
    const execution = /Execution Time: ([0-9.]+) ms/.exec(plan)?.[1];
    const brief = statement.sql.replace(/\s+/g, ' ').slice(0, 110);
    console.log(`${String(index + 1).padStart(2)}. ${(statement.doneAt - statement.askedAt).toFixed(1).padStart(7)} ms as sent; ${analysed ? `${execution ?? '?'} ms explained` : 'plan only (not analysed)'}: ${brief}`);
    lines.push(`### ${String(index + 1)}. ${(statement.doneAt - statement.askedAt).toFixed(1)} ms as sent, ${analysed ? `analysed: ${execution ?? '?'} ms` : 'plan only, not analysed'}`, '', '```sql', statement.sql, '```', '', `Parameters: \`${JSON.stringify(statement.parameters).slice(0, 2000)}\``, '', '```', plan, '```', '');
  }
}
await client.end();
await bench.database.close();
const file = args.out ?? path.join(import.meta.dirname, 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}-explain-${String(found.infants)}.md`);
fs.writeFileSync(file, `${lines.join('\n')}\n`);
console.log(`\nPlans written to ${path.relative(process.cwd(), file)}`);
