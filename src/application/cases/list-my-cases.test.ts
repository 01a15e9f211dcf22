import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { testConfig } from '../../../test/helpers/test-app.ts';
import { TestClock } from '../../../test/helpers/test-clock.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import type { UserActor } from '../actor.ts';
import { createContext, type AppContext } from '../context.ts';
import { evaluateStoredProfile } from '../profile/profile-facts.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { casesInScopeQuery, listMyCases, readMyCases, type MyCasesOptions } from './list-my-cases.ts';
import { loadChronology } from '../chronology/chronology-rows.ts';
import { readCaseClocks } from '../timescales/case-clocks.ts';
import { profileEventsFrom } from '../../domain/chronology/to-profile-event.ts';
import { isTriggerEventKind } from '../../domain/catalogue/catalogue.ts';
import { byActionNeeded, highestFindings, nextDue } from '../../domain/profile/action-first.ts';
import { byReviewUrgency, nextReviewDate, reviewState } from '../../domain/profile/review-schedule.ts';
import { byClockUrgency, mostUrgentClock } from '../../domain/timescales/clock-urgency.ts';
import type { CaseLevel } from '../../domain/shared/case-levels.ts';
import { sql, type KyselyPlugin } from 'kysely';
import { recordEntry } from '../chronology/record-entry.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { DEFAULT_SERVICE_SETTINGS } from '../../domain/settings/service-settings.ts';

describe('the day a profile was reviewed, as the review schedule counts it', () => {
  let database: TestDatabase;
  let ctx: AppContext;
  let actor: UserActor;
  let caseId: string;
  before(async () => {
    database = await createTestDatabase();
    ctx = createContext(database.db, testConfig(), new TestClock('2026-07-01T08:00:00Z'));
    const user = await makeUser(ctx);
    actor = actorFor(user);
    caseId = (await makeCase(ctx, { teamUserIds: [user.id] })).id;
    // Reviewed at 00:30 on 1 July in London, which is still 30 June in UTC; child protection: every 4 weeks.
    await ctx.db.updateTable('cases').set({ level: 'child-protection', profile_reviewed_at: new Date('2026-06-30T23:30:00Z') }).where('id', '=', caseId).execute();
  });
  after(async () => database.close());

  it('is the London day on the profile, just after midnight in summer', async () => {
    const profile = await evaluateStoredProfile(ctx.db, caseId, serviceToday(ctx.clock.now()), DEFAULT_SERVICE_SETTINGS);
    assert.equal(profile?.stored.facts.lastReviewedAt, '2026-07-01');
    assert.deepEqual(profile?.review, { reason: 'scheduled', dueOn: '2026-07-29' });
  });

  it('is the same London day in my cases, so both give the same due date', async () => {
    const [mine] = await listMyCases(ctx, actor);
    assert.equal(mine?.id, caseId);
    assert.deepEqual(mine?.review, { state: 'scheduled', dueOn: '2026-07-29' });
  });
});

describe('my cases reads the clocks of all its cases at once', () => {
  class StatementCounter implements KyselyPlugin {
    count = 0;
    transformQuery: KyselyPlugin['transformQuery'] = (args) => {
      this.count++;
      return args.node;
    };
    transformResult: KyselyPlugin['transformResult'] = (args) => Promise.resolve(args.result);
  }
  let database: TestDatabase;
  let ctx: AppContext;
  before(async () => {
    database = await createTestDatabase();
    // Sunday 22 November 2026.
    ctx = createContext(database.db, testConfig(), new TestClock('2026-11-22T10:00:00Z'));
  });
  after(async () => database.close());

  /** A practitioner with `n` cases, each with a strategy discussion a different number of days ago. */
  async function caseload(n: number) {
    const user = await makeUser(ctx);
    for (let i = 0; i < n; i++) {
      const { id } = await makeCase(ctx, { familyName: `Family ${String(i).padStart(2, '0')}`, teamUserIds: [user.id] });
      const heldOn = `2026-11-${String(2 + i).padStart(2, '0')}`;
      assert.ok((await recordEntry(ctx, actorFor(user), id, { kind: 'strategy-discussion', occurredAt: heldOn, summary: 'Strategy discussion', source: 'agency-record' })).ok);
    }
    return actorFor(user);
  }

  async function statementsFor(actor: UserActor) {
    const counter = new StatementCounter();
    // The settings are kept for a few seconds by a running server: read them first, as it has.
    await settingsInForce(ctx);
    const counted = { ...ctx, db: database.db.withPlugin(counter) };
    const listed = await readMyCases(counted, actor);
    return { statements: counter.count, listed };
  }

  it('sends as many statements for 12 cases as for 2, each case with its clocks', async () => {
    const few = await statementsFor(await caseload(2));
    const many = await statementsFor(await caseload(12));
    assert.equal(few.listed.cases.length, 2);
    assert.equal(many.listed.cases.length, 12);
    assert.equal(many.statements, few.statements);
    assert.ok(many.listed.cases.every((c) => c.urgentClock?.id === 'initial-conference'));
    assert.equal(many.listed.today, '2026-11-22');
  });
});

describe('the organisation’s cases are ordered as when every case was computed in full', () => {
  let database: TestDatabase;
  let ctx: AppContext;
  let lead: UserActor;
  before(async () => {
    database = await createTestDatabase();
    // Sunday 22 November 2026.
    ctx = createContext(database.db, testConfig(), new TestClock('2026-11-22T10:00:00Z'));
    const organisation = await makeOrganisation(ctx);
    const practitioners = [await makeUser(ctx, { organisationId: organisation.id }), await makeUser(ctx, { organisationId: organisation.id })];
    lead = actorFor(await makeUser(ctx, { organisationId: organisation.id, role: 'safeguarding-lead' }));
    const outsider = await makeUser(ctx);
    await makeCase(ctx, { familyName: 'Elsewhere', teamUserIds: [outsider.id] });
    const levels = ['universal', 'early-help', 'child-in-need', 'child-protection', 'looked-after'] as const;
    // 64 cases, more than a page: families sharing names (ties keep the name order), findings of each
    // severity and count, strategy discussions that started clocks weeks or days ago, unborn babies with
    // pre-birth milestones, reviews never done, done long ago or lately, and events that bring one forward.
    for (let i = 0; i < 64; i++) {
      const practitioner = practitioners[i % 2]!;
      const { id } = await makeCase(ctx, { familyName: `Family ${String(i % 9)}`, teamUserIds: [practitioner.id] });
      if (i % 6 === 0) await ctx.db.updateTable('cases').set({ status: 'unborn', date_of_birth: null, expected_delivery_date: `2027-0${String(1 + (i % 4))}-15` }).where('id', '=', id).execute();
      await ctx.db.updateTable('cases').set({ level: levels[i % 5]!, profile_reviewed_at: i % 4 === 0 ? null : new Date(Date.UTC(2026, 10, 21) - (i % 7) * 14 * 86_400_000) }).where('id', '=', id).execute();
      if (i % 3 !== 2) {
        const heldOn = `2026-${i % 2 === 0 ? '10' : '11'}-${String(1 + (i % 20)).padStart(2, '0')}`;
        assert.ok((await recordEntry(ctx, actorFor(practitioner), id, { kind: 'strategy-discussion', occurredAt: heldOn, summary: 'Strategy discussion', source: 'agency-record' })).ok);
      }
      if (i % 5 === 3) assert.ok((await recordEntry(ctx, actorFor(practitioner), id, { kind: 'substance-use-increase', occurredAt: '2026-11-10', summary: 'Drinking more', source: 'agency-record' })).ok);
      const severity = (['critical', 'high', 'attention', null] as const)[i % 4];
      if (severity) {
        const { profile_version: version } = await ctx.db.selectFrom('cases').select('profile_version').where('id', '=', id).executeTakeFirstOrThrow();
        const findings = Array.from({ length: 1 + (i % 3) }, (_, n) => ({ id: `finding-${String(n)}`, severity, rationale: 'Test' }));
        if (i % 8 === 1) findings.push({ id: 'finding-attention', severity: 'attention', rationale: 'Test' } as never);
        await ctx.db.insertInto('profile_versions').values({ case_id: id, version: version + 1, changed_at: ctx.clock.now(), changed_by: null, kind: 'factor', factor_id: null, subject_key: null, change: '{}', changed_by_name: null, why: null, findings: JSON.stringify(findings) }).execute();
        await ctx.db.updateTable('cases').set({ profile_version: version + 1 }).where('id', '=', id).execute();
      }
    }
  });
  after(async () => database.close());

  /** The list as it was worked out before: every case read and computed in full, one at a time, then ordered. */
  async function computedInFull(options: MyCasesOptions) {
    const today = serviceToday(ctx.clock.now());
    const rows = await ctx.db
      .selectFrom('cases')
      .leftJoin('profile_versions', (join) => join.onRef('profile_versions.case_id', '=', 'cases.id').onRef('profile_versions.version', '=', 'cases.profile_version'))
      .select(['cases.id', 'cases.level', 'cases.profile_reviewed_at', 'profile_versions.findings'])
      .where((eb) => eb.exists(eb.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').select('case_team.case_id').whereRef('case_team.case_id', '=', 'cases.id').where('users.organisation_id', '=', lead.organisationId)))
      .orderBy('cases.family_name')
      .orderBy('cases.id')
      .execute();
    const all = [];
    for (const row of rows) {
      const clocks = (await readCaseClocks(ctx, row.id, today)) ?? [];
      const triggers = profileEventsFrom(await loadChronology(ctx.db, row.id)).filter((e) => isTriggerEventKind(e.kind));
      const due = nextReviewDate(row.level as CaseLevel, row.profile_reviewed_at ? serviceToday(row.profile_reviewed_at) : null, triggers);
      const review = { state: reviewState(due, today), dueOn: due.dueOn };
      const urgentClock = mostUrgentClock(clocks);
      all.push({ id: row.id, clocks, review, urgentClock, findings: highestFindings(row.findings ?? []), next: nextDue(urgentClock, review, today) });
    }
    const kept = options.overdueClocksOnly ? all.filter((c) => c.urgentClock?.status === 'overdue') : all;
    if (options.order === 'clocks') kept.sort((a, b) => byReviewUrgency(a.review, b.review)).sort((a, b) => byClockUrgency(a.clocks, b.clocks));
    else if (options.order === 'review') kept.sort((a, b) => byReviewUrgency(a.review, b.review));
    else kept.sort(byActionNeeded);
    return kept;
  }

  async function everyPage(options: MyCasesOptions) {
    const first = await readMyCases(ctx, lead, options);
    const cases = [...first.cases];
    for (let page = 2; page <= first.pages; page++) cases.push(...(await readMyCases(ctx, lead, { ...options, page })).cases);
    return { first, cases };
  }

  for (const options of [{}, { order: 'review' }, { order: 'clocks' }, { overdueClocksOnly: true }] as MyCasesOptions[]) {
    it(`gives the same cases in the same order, with the same clocks and findings: ${JSON.stringify(options)}`, async () => {
      const expected = await computedInFull(options);
      const { first, cases } = await everyPage(options);
      assert.equal(first.scope, 'organisation');
      assert.equal(first.total, expected.length);
      assert.deepEqual(cases.map((c) => c.id), expected.map((c) => c.id));
      assert.deepEqual(cases.map((c) => [c.findings, c.review, c.urgentClock, c.next, c.clocks]), expected.map((c) => [c.findings, c.review, c.urgentClock, c.next, c.clocks]));
      assert.ok(cases.every((c) => c.colleagues.length === 1), 'each row names the organisation’s member in its team');
    });
  }

  it('varies enough to test the order: every rank, ties on the name, more than one page', async () => {
    const { first, cases } = await everyPage({});
    assert.equal(first.pages, 2);
    assert.ok(first.counts.critical > 0 && first.counts.high > 0 && first.counts.overdueClocks > 0 && first.counts.neverReviewed > 0 && first.counts.overdueReviews > 0, JSON.stringify(first.counts));
    assert.ok(cases.some((c) => c.urgentClock === null) && cases.some((c) => c.urgentClock?.status === 'due-soon' || c.urgentClock?.status === 'due'));
    const expected = await computedInFull({});
    const count = (test: (c: (typeof expected)[number]) => boolean) => expected.filter(test).length;
    assert.deepEqual(first.counts, {
      overdueClocks: count((c) => c.urgentClock?.status === 'overdue'),
      overdueReviews: count((c) => c.review.state === 'overdue'),
      neverReviewed: count((c) => c.review.state === 'never-reviewed'),
      critical: count((c) => c.findings?.severity === 'critical'),
      high: count((c) => c.findings?.severity === 'high'),
    });
  });
});

// The entries the clocks and the reviews read come from migration 059's partial index, a descent per case,
// only when the statement's own text shows its condition holds: the plan a named statement keeps for any
// user (a generic plan) is made without the values (timing-entries-index.test.ts for the other readers).
describe('my cases reads each case’s timing entries from their index, in the plan kept for any user', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.close());

  const user = '3f1c2a4e-0000-4000-8000-000000000001';
  const organisation = '3f1c2a4e-0000-4000-8000-000000000002';
  for (const [scope, overseen] of [
    ['team', null],
    ['organisation', organisation],
  ] as const) {
    it(`for the ${scope}'s cases`, async () => {
      const statement = casesInScopeQuery(database.db, user, overseen).compile();
      const plan = await database.db.transaction().execute(async (trx) => {
        await sql`set local plan_cache_mode = force_generic_plan`.execute(trx);
        await sql`set local enable_seqscan = off`.execute(trx);
        await sql.raw(`prepare my_cases as ${statement.sql}`).execute(trx);
        try {
          const { rows } = await sql.raw<{ 'QUERY PLAN': string }>(`explain execute my_cases(${statement.parameters.map((value) => `'${String(value)}'`).join(', ')})`).execute(trx);
          return rows.map((row) => row['QUERY PLAN']).join('\n');
        } finally {
          await sql`deallocate my_cases`.execute(trx);
        }
      });
      assert.match(plan, /chronology_entries_timing_idx/);
    });
  }
});
