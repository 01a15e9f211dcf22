// My cases for a safeguarding lead (the organisation's cases), before and after the list pages before
// it computes what only a row shows. Before (list-my-cases.ts before c0ead83): every case in scope was
// read with all of its findings and, through a JSON subquery per case, its organisation's members in
// the team, then ordered and paged. After (readMyCases): what the order, the filter and the counts need
// for every case (the findings' severities from SQL; the review and the clocks, as before, from one
// read of entries and meetings), and the organisation's members for the page's 50 cases only.
// A synthetic partnership of --infants families, profiles evaluated (so the findings are stored), and a
// safeguarding lead in the organisation that is in the most teams. Both versions give the same page;
// the run checks it, counts each one's statements and the bytes of the rows they return, and times
// --runs of each, interleaved, on the same data. Ratios in one run: do not compare across machines.
//
//   node --import tsx bench/my-cases-paging.ts [--infants 2000] [--runs 20]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/my-cases-paging.ts
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql, type KyselyPlugin } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { cliOperator, type UserActor } from '../src/application/actor.ts';
import { readMyCases, scopeOf, CASES_PER_PAGE, type MyCase } from '../src/application/cases/list-my-cases.ts';
import { createContext, type AppContext } from '../src/application/context.ts';
import { reevaluateAllProfiles } from '../src/application/profile/reevaluate-profiles.ts';
import { loadSyntheticPartnership } from '../src/application/synthetic/load-synthetic-partnership.ts';
import { readClockEntriesOfCases, readClocksOfCases } from '../src/application/timescales/case-clocks.ts';
import { isTriggerEventKind } from '../src/domain/catalogue/catalogue.ts';
import { EVENT_KIND_IDS } from '../src/domain/catalogue/event-kinds.ts';
import { profileEventsFrom } from '../src/domain/chronology/to-profile-event.ts';
import { infantDisplayName } from '../src/domain/people/infant-name.ts';
import { byActionNeeded, highestFindings, nextDue } from '../src/domain/profile/action-first.ts';
import { nextReviewDate, reviewState } from '../src/domain/profile/review-schedule.ts';
import type { CaseLevel } from '../src/domain/shared/case-levels.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import { mostUrgentClock } from '../src/domain/timescales/clock-urgency.ts';
import { testConfig } from '../test/helpers/test-app.ts';
import { TestClock } from '../test/helpers/test-clock.ts';
import { actorFor, makeUser } from '../test/helpers/factories.ts';
import { openBenchDatabase } from './database.ts';
import { busiestOrganisation } from './dataset.ts';

const { values: args } = parseArgs({ options: { infants: { type: 'string', default: '2000' }, runs: { type: 'string', default: '20' } } });

/** Counts the statements Kysely sends and the bytes of the rows they return. */
class Meter implements KyselyPlugin {
  statements = 0;
  bytes = 0;
  transformQuery: KyselyPlugin['transformQuery'] = (input) => {
    this.statements++;
    return input.node;
  };
  transformResult: KyselyPlugin['transformResult'] = (input) => {
    this.bytes += Buffer.byteLength(JSON.stringify(input.result.rows));
    return Promise.resolve(input.result);
  };
}

const TRIGGER_KINDS = EVENT_KIND_IDS.filter((kind) => isTriggerEventKind(kind));

/** The first page in the default order as it was worked out before: every case in full, then the page. */
async function firstPageBefore(ctx: AppContext, actor: UserActor): Promise<MyCase[]> {
  const today = serviceToday(ctx.clock.now());
  const colleagues = () =>
    ctx.db
      .selectFrom('case_team')
      .innerJoin('users', 'users.id', 'case_team.user_id')
      .select(['users.name', 'case_team.role'])
      .where('case_team.case_id', '=', sql.ref<string>('cases.id'))
      .where('users.organisation_id', '=', actor.organisationId)
      .orderBy('users.name');
  const rows = await ctx.db
    .selectFrom('cases')
    .leftJoin('case_team as mine', (join) => join.onRef('mine.case_id', '=', 'cases.id').on('mine.user_id', '=', actor.userId))
    .leftJoin('profile_versions', (join) => join.onRef('profile_versions.case_id', '=', 'cases.id').onRef('profile_versions.version', '=', 'cases.profile_version'))
    .select(['cases.id', 'cases.status', 'cases.given_name', 'cases.family_name', 'cases.date_of_birth', 'cases.expected_delivery_date', 'cases.level', 'cases.profile_reviewed_at', 'mine.role', 'profile_versions.findings'])
    .where((eb) => eb.exists(colleagues()))
    .select(jsonArrayFrom(colleagues()).as('colleagues'))
    .orderBy('cases.family_name')
    .orderBy('cases.id')
    .execute();
  const reading = readClockEntriesOfCases(ctx.db, rows.map((r) => r.id), TRIGGER_KINDS);
  const [entries, clocks] = await Promise.all([reading, readClocksOfCases(ctx, rows.map((r) => ({ id: r.id, bornOn: r.date_of_birth, expectedDeliveryOn: r.expected_delivery_date })), today, reading)]);
  const all = rows.map((row): MyCase => {
    const triggers = profileEventsFrom(entries.get(row.id) ?? []).filter((e) => isTriggerEventKind(e.kind));
    const due = nextReviewDate(row.level as CaseLevel, row.profile_reviewed_at ? serviceToday(row.profile_reviewed_at) : null, triggers);
    const review = { state: reviewState(due, today), dueOn: due.dueOn };
    const urgentClock = mostUrgentClock(clocks.get(row.id) ?? []);
    return {
      id: row.id,
      name: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }),
      status: row.status,
      dateOfBirth: row.date_of_birth,
      expectedDeliveryDate: row.expected_delivery_date,
      level: row.level,
      teamRole: row.role,
      colleagues: row.colleagues,
      findings: highestFindings(row.findings ?? []),
      review,
      clocks: clocks.get(row.id) ?? [],
      urgentClock,
      next: nextDue(urgentClock, review, today),
      closedForTransfer: null,
    };
  });
  return all.sort(byActionNeeded).slice(0, CASES_PER_PAGE);
}

const bench = await openBenchDatabase(4);
const setup = createContext(bench.database.db, testConfig(), new TestClock());
const infants = Number(args.infants);
const loaded = await loadSyntheticPartnership(setup, cliOperator, { infants, seed: 1 });
if (!loaded.ok) throw new Error(loaded.message);
await reevaluateAllProfiles(setup, cliOperator);
const busiest = await busiestOrganisation(setup);
const lead = actorFor(await makeUser(setup, { organisationId: busiest.organisation_id, role: 'safeguarding-lead' }));
assert.equal(scopeOf(lead), 'organisation');

const meter = new Meter();
const ctx = { ...setup, db: bench.database.db.withPlugin(meter) };
const measure = async (read: () => Promise<unknown>) => {
  const [statements, bytes] = [meter.statements, meter.bytes];
  const started = performance.now();
  await read();
  return { ms: performance.now() - started, statements: meter.statements - statements, bytes: meter.bytes - bytes };
};
const before = () => firstPageBefore(ctx, lead);
const after = async () => (await readMyCases(ctx, lead)).cases;

const [pageBefore, pageAfter] = [await before(), await after()];
assert.deepEqual(pageAfter, pageBefore, 'both give the same first page');
const once = { before: await measure(before), after: await measure(after) };
const times: { before: number[]; after: number[] } = { before: [], after: [] };
for (let run = 0; run < Number(args.runs); run++) {
  times.before.push((await measure(before)).ms);
  times.after.push((await measure(after)).ms);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const [b, a] = [median(times.before), median(times.after)];
console.log(`My cases, first page of a safeguarding lead's organisation: ${busiest.cases} cases in scope, ${String(infants)} infants, ${bench.kind}`);
console.log(`  before: ${String(once.before.statements)} statements, ${(once.before.bytes / 1024).toFixed(0)} KiB of rows, median ${b.toFixed(1)} ms`);
console.log(`  after:  ${String(once.after.statements)} statements, ${(once.after.bytes / 1024).toFixed(0)} KiB of rows, median ${a.toFixed(1)} ms`);
console.log(`  after / before: time ${(a / b).toFixed(2)}, rows ${(once.after.bytes / once.before.bytes).toFixed(2)} (${args.runs} runs each, interleaved)`);
await bench.database.close();
