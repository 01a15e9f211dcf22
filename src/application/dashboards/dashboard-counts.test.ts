// The dashboards' SQL over the cases' summaries (ADR 0017) against the domain's own counting: on the demo
// partnership with its stories and a generated partnership beside it, every dashboard's numbers and the
// cases behind each number are those countDashboard and selectCases give from the cases worked out one
// by one, today and on later days with nothing written since (clocks running out, babies turning 6 and
// 12 months old, reviews falling due). And the one way to change a case keeps a case's summary current.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { COMPLETENESS_BAND_IDS } from '../../domain/dashboards/completeness.ts';
import { countDashboard, selectCases, type CaseSelector } from '../../domain/dashboards/count-dashboard.ts';
import type { DashboardName, DashboardViewer } from '../../domain/dashboards/dashboard-access.ts';
import { MEASURE_IDS, measureCounts } from '../../domain/dashboards/measures.ts';
import { STAGE_IDS, stageOf } from '../../domain/dashboards/stage.ts';
import { CASE_LEVEL_IDS } from '../../domain/shared/case-levels.ts';
import type { Role } from '../../domain/shared/roles.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { cliOperator, type UserActor } from '../actor.ts';
import { recordMeeting } from '../meetings/record-meeting.ts';
import { reevaluateAllProfiles } from '../profile/reevaluate-profiles.ts';
import { loadSyntheticPartnership } from '../synthetic/load-synthetic-partnership.ts';
import { refreshStaleSummaries, withSummaries } from './case-summaries.ts';
import { casesBehind, countDashboardInSql, listCasesBehind } from './dashboard-counts.ts';
import { readDashboardCases } from '../../../test/helpers/dashboard-cases.ts';

describe('the dashboards counted in SQL from the cases’ summaries', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true, demoStories: true });
    assert.ok((await loadSyntheticPartnership(t.ctx, cliOperator, { infants: 40, seed: 11 })).ok);
    await reevaluateAllProfiles(t.ctx, cliOperator);
    // Four months on: some profiles reviewed long before, some lately, some never. Written behind the
    // pipeline's back, so the summaries are made again from nothing below.
    t.clock.advanceMinutes(120 * 24 * 60);
    const ids = (await t.ctx.db.selectFrom('cases').select('id').orderBy('id').execute()).map((c) => c.id);
    const daysAgo = (days: number) => new Date(t.clock.now().getTime() - days * 86_400_000);
    await t.ctx.db.updateTable('cases').set({ profile_reviewed_at: daysAgo(300) }).where('id', 'in', ids.filter((_, i) => i % 3 === 0)).execute();
    await t.ctx.db.updateTable('cases').set({ profile_reviewed_at: daysAgo(20) }).where('id', 'in', ids.filter((_, i) => i % 3 === 1)).execute();
    await withSummaries(t.ctx.db).deleteFrom('dashboard_case_summaries').execute();
  });
  after(async () => t.close());

  /** Each organisation's manager, and each team member of a few cases holding the partnership view (who may open only their own cases). */
  async function viewers(): Promise<{ viewer: DashboardViewer; name: DashboardName }[]> {
    // The organisations with the most cases (the demo's and the generated partnership's).
    const organisations = await t.ctx.db
      .selectFrom('case_team')
      .innerJoin('users', 'users.id', 'case_team.user_id')
      .select(['users.organisation_id as id', (eb) => eb.fn.count<string>('case_team.case_id').distinct().as('cases')])
      .groupBy('users.organisation_id')
      .orderBy('cases', 'desc')
      .orderBy('users.organisation_id')
      .limit(6)
      .execute();
    const members = await t.ctx.db.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').select(['users.id', 'users.organisation_id', 'users.role']).distinct().orderBy('users.id').limit(4).execute();
    return [
      ...organisations.map(({ id }) => ({ viewer: { userId: 'nobody', organisationId: id, role: 'manager' as const, partnershipView: false }, name: 'organisation' as const })),
      ...members.map((m) => ({ viewer: { userId: m.id, organisationId: m.organisation_id, role: m.role as Role, partnershipView: true }, name: 'partnership' as const })),
    ];
  }

  /** The organisation's teams in use, which its dashboard lists with no case too (ADR 0019). */
  const teamsInUse = async (organisationId: string) =>
    (
      await t.ctx.db
        .selectFrom('teams')
        .innerJoin('organisations', 'organisations.id', 'teams.organisation_id')
        .select(['teams.id', 'teams.name', 'organisations.name as organisation_name'])
        .where('teams.organisation_id', '=', organisationId)
        .where('teams.archived_at', 'is', null)
        .execute()
    ).map((team) => ({ id: team.id, name: team.name, organisationId, organisationName: team.organisation_name }));

  const selectors: CaseSelector[] = [
    ...MEASURE_IDS.map((measure) => ({ measure })),
    ...CASE_LEVEL_IDS.map((level) => ({ level })),
    ...STAGE_IDS.map((stage) => ({ stage })),
    ...COMPLETENESS_BAND_IDS.map((completeness) => ({ completeness })),
    { measure: 'clock-overdue', stage: 'under-6-months' },
  ];

  /** Compares every dashboard's SQL with the domain's counting of the same cases on the test clock's day; answers the partnership's total of each measure. */
  async function compareEveryDashboard(): Promise<Record<string, number>> {
    const today = serviceToday(t.clock.now());
    let partnership: Record<string, number> = {};
    let listedRows = 0;
    let teamCases = 0;
    const all = await viewers();
    // Every number for every viewer; the cases behind each number for the first organisation's and the first partnership viewer's.
    const listed = new Set([all[0], all.find((v) => v.name === 'partnership')]);
    for (const entry of all) {
      const { viewer, name } = entry;
      const { cases } = await readDashboardCases(t.ctx, viewer, name);
      const { counts, openable } = await countDashboardInSql(t.ctx.db, viewer, name, today);
      const teams = name === 'organisation' ? { teamsOf: viewer.organisationId, teamsInUse: await teamsInUse(viewer.organisationId) } : {};
      assert.deepEqual(counts, countDashboard(cases, { today, practitionersOf: viewer.organisationId, ...teams }), `${name} dashboard of ${viewer.userId} in ${viewer.organisationId}`);
      assert.equal(openable, cases.filter((c) => c.mayOpen).length);
      teamCases += counts.teams.reduce((n, row) => n + row.total, 0);
      const teamSelectors = counts.teams.map((row) => ({ teamId: row.id }));
      for (const selector of listed.has(entry) ? [...selectors, { organisationId: viewer.organisationId }, { practitionerId: viewer.userId }, ...teamSelectors] : []) {
        const sqlBehind = (await casesBehind(t.ctx.db, viewer, name, selector, today)).sort((a, b) => a.caseId.localeCompare(b.caseId));
        const expected = selectCases(cases, selector, today).map((c) => ({ caseId: c.caseId, mayOpen: c.mayOpen })).sort((a, b) => a.caseId.localeCompare(b.caseId));
        assert.deepEqual(sqlBehind, expected, `${JSON.stringify(selector)} on the ${name} dashboard`);
        // The list behind the number, read from the summaries: each row as the domain works the case out.
        const listed = await listCasesBehind(t.ctx.db, viewer, name, selector, today);
        const picked = selectCases(cases, selector, today);
        assert.equal(listed.notShown, picked.filter((c) => !c.mayOpen).length);
        const rows = picked
          .filter((c) => c.mayOpen)
          .map((c) => {
            const lead = c.team.find((m) => m.role === 'lead-professional');
            return { caseId: c.caseId, level: c.level, stage: stageOf(c.status, c.dateOfBirth, today), measures: MEASURE_IDS.filter((m) => measureCounts(m, c)), lead: lead ? { name: lead.name, organisationName: lead.organisationName } : null };
          });
        const byId = (a: { caseId: string }, b: { caseId: string }) => a.caseId.localeCompare(b.caseId);
        assert.deepEqual(listed.cases.map(({ caseId, level, stage, measures, lead }) => ({ caseId, level, stage, measures, lead })).sort(byId), rows.sort(byId), `the list of ${JSON.stringify(selector)} on the ${name} dashboard`);
        listedRows += rows.length;
      }
      if (name === 'partnership') partnership = { ...counts.measures, ...counts.stages, total: counts.total };
    }
    assert.ok(listedRows > 0, 'some cases are listed, so the lists’ check can fail');
    assert.ok(teamCases > 0, 'some cases count in a team (the demo’s), so the teams’ check can fail');
    return partnership;
  }

  it('counts as the domain does on the day, once the missing summaries are worked out', async () => {
    const total = Number((await t.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    assert.ok(total > 40);
    assert.equal(await refreshStaleSummaries(t.ctx), total);
    assert.equal(await refreshStaleSummaries(t.ctx), 0, 'nothing is stale once worked out');
    const counted = await compareEveryDashboard();
    for (const measure of ['review-overdue', 'never-reviewed', 'clock-overdue', 'serious-finding']) assert.ok(counted[measure]! > 0, `some cases count for ${measure}, so its check can fail`);
  });

  it('still counts as the domain does on later days, with nothing written since', async () => {
    const before = await compareEveryDashboard();
    t.clock.advanceMinutes(45 * 24 * 60);
    assert.equal(await refreshStaleSummaries(t.ctx), 0);
    const later = await compareEveryDashboard();
    t.clock.advanceMinutes(200 * 24 * 60);
    const muchLater = await compareEveryDashboard();
    assert.notDeepEqual(later, before, 'the day alone moved some numbers');
    assert.notDeepEqual(muchLater, later);
  });

  it('keeps a case’s summary with each change, a change with no profile version (a meeting) as well', async () => {
    const db = withSummaries(t.ctx.db);
    const lead = await t.ctx.db
      .selectFrom('case_team')
      .innerJoin('users', 'users.id', 'case_team.user_id')
      .innerJoin('cases', 'cases.id', 'case_team.case_id')
      .select(['case_team.case_id', 'users.id', 'users.organisation_id', 'users.role', 'cases.profile_version'])
      .where('case_team.role', '=', 'lead-professional')
      .orderBy('case_team.case_id')
      .executeTakeFirstOrThrow();
    const actor: UserActor = { kind: 'user', userId: lead.id, organisationId: lead.organisation_id, role: lead.role as Role, channel: 'web', ip: null };
    const today = serviceToday(t.clock.now());
    const meeting = await recordMeeting(t.ctx, actor, lead.case_id, { kind: 'strategy-discussion', heldOn: today, chair: 'A chair', parentsPresent: false, attendees: [{ name: 'A health visitor', agency: 'health-visiting' }], decisions: ['Section 47 enquiries'], section47: true });
    assert.ok(meeting.ok, JSON.stringify(meeting));
    const row = await db.selectFrom('dashboard_case_summaries').selectAll().where('case_id', '=', lead.case_id).executeTakeFirstOrThrow();
    assert.equal(row.written_at.getTime(), t.clock.now().getTime(), 'written by the change itself');
    assert.equal(row.profile_version, lead.profile_version);
    assert.ok(row.clock_due_on !== null && row.clock_due_on > today, 'the conference clock the strategy discussion started is running');
    t.clock.advanceMinutes(40 * 24 * 60);
    await compareEveryDashboard();
  });
});
