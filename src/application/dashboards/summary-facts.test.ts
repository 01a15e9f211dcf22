// The summaries' set-based read (summary-facts.ts readSummaryFacts), with what the tests' reference read
// adds to it (test/helpers/dashboard-cases.ts: team, name, alerts), against the service's case-by-case
// readers, on the demo partnership with its stories and a generated partnership beside it: each case's
// facts are what the case's own chronology, clocks, assessments, people, team and alerts say, and every
// organisation's dashboard (its cases named by casesWithMemberOf, as its refresh names them) counts
// exactly the partnership's cases the domain puts in it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { isTriggerEventKind } from '../../domain/catalogue/catalogue.ts';
import { profileEventsFrom } from '../../domain/chronology/to-profile-event.ts';
import { countDashboard } from '../../domain/dashboards/count-dashboard.ts';
import { HAND_ASSESSED_RISK_FACTOR_IDS } from '../../domain/dashboards/completeness.ts';
import { inDashboard, type DashboardViewer } from '../../domain/dashboards/dashboard-access.ts';
import { isSignificantAdult } from '../../domain/profile/profile-subjects.ts';
import { nextReviewDate, reviewState } from '../../domain/profile/review-schedule.ts';
import type { CaseLevel } from '../../domain/shared/case-levels.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { mostUrgentClock } from '../../domain/timescales/clock-urgency.ts';
import { cliOperator } from '../actor.ts';
import { loadChronology } from '../chronology/chronology-rows.ts';
import { reevaluateAllProfiles } from '../profile/reevaluate-profiles.ts';
import { loadSyntheticPartnership } from '../synthetic/load-synthetic-partnership.ts';
import { readCaseClocks } from '../timescales/case-clocks.ts';
import { readDashboardCases } from '../../../test/helpers/dashboard-cases.ts';

describe('the dashboards’ rows, read for every case at once', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true, demoStories: true });
    assert.ok((await loadSyntheticPartnership(t.ctx, cliOperator, { infants: 40, seed: 7 })).ok);
    await reevaluateAllProfiles(t.ctx, cliOperator);
    // Four months on, clocks have run out; some profiles were reviewed long before, some lately, some never.
    t.clock.advanceMinutes(120 * 24 * 60);
    const ids = (await t.ctx.db.selectFrom('cases').select('id').orderBy('id').execute()).map((c) => c.id);
    const daysAgo = (days: number) => new Date(t.clock.now().getTime() - days * 86_400_000);
    await t.ctx.db.updateTable('cases').set({ profile_reviewed_at: daysAgo(300) }).where('id', 'in', ids.filter((_, i) => i % 3 === 0)).execute();
    await t.ctx.db.updateTable('cases').set({ profile_reviewed_at: daysAgo(5) }).where('id', 'in', ids.filter((_, i) => i % 3 === 1)).execute();
  });
  after(async () => t.close());

  const viewerIn = (organisationId: string): DashboardViewer => ({ userId: 'nobody', organisationId, role: 'manager', partnershipView: true });

  it('gives each case the facts its own records give, case by case', async () => {
    const { db } = t.ctx;
    const today = serviceToday(t.clock.now());
    const { cases } = await readDashboardCases(t.ctx, viewerIn('none'), 'partnership');
    const all = await db.selectFrom('cases').select(['id', 'level', 'profile_reviewed_at']).execute();
    assert.ok(all.length > 40);
    assert.deepEqual(cases.map((c) => c.caseId).sort(), all.map((c) => c.id).sort());
    let overdueClocks = 0;
    const reviews = new Set<string>();
    for (const row of all) {
      const c = cases.find((x) => x.caseId === row.id)!;
      const clocks = (await readCaseClocks(t.ctx, row.id, today)) ?? [];
      assert.equal(c.clockOverdue, mostUrgentClock(clocks)?.status === 'overdue', `clocks of ${row.id}`);
      const triggers = profileEventsFrom(await loadChronology(db, row.id)).filter((e) => isTriggerEventKind(e.kind));
      const due = nextReviewDate(row.level as CaseLevel, row.profile_reviewed_at ? serviceToday(row.profile_reviewed_at) : null, triggers);
      assert.equal(c.review, reviewState(due, today), `review of ${row.id}`);
      const assessed = await db.selectFrom('profile_assessments').select('factor_id').where('case_id', '=', row.id).where('status', '<>', 'not-assessed').execute();
      assert.equal(c.assessedRiskFactors, assessed.filter((a) => HAND_ASSESSED_RISK_FACTOR_IDS.includes(a.factor_id)).length);
      const people = await db.selectFrom('people').select(['relationship_to_infant', 'lives_in_household', 'cares_for_infant', 'visits_regularly']).where('case_id', '=', row.id).execute();
      const adults = people.filter((p) => isSignificantAdult({ relationshipToInfant: p.relationship_to_infant, livesInHousehold: p.lives_in_household, caresForInfant: p.cares_for_infant, visitsRegularly: p.visits_regularly }));
      assert.equal(c.significantAdults, adults.length);
      const team = await db.selectFrom('case_team').select('user_id').where('case_id', '=', row.id).execute();
      assert.deepEqual(c.team.map((m) => m.userId).sort(), team.map((m) => m.user_id).sort());
      const decisions = await db.selectFrom('profile_decisions').select('decided_at').where('case_id', '=', row.id).execute();
      assert.equal(c.decisions.length, decisions.length);
      if (c.clockOverdue) overdueClocks += 1;
      reviews.add(c.review);
    }
    assert.ok(overdueClocks > 0 && reviews.size > 2, 'some clocks are overdue and reviews are in several states, so both checks above can fail');
  });

  it('reads each organisation’s dashboard as the partnership’s cases the domain puts in it, with the same counts', async () => {
    const today = serviceToday(t.clock.now());
    const organisations = await t.ctx.db.selectFrom('organisations').select('id').execute();
    let compared = 0;
    for (const { id } of organisations) {
      const viewer = viewerIn(id);
      const byId = (a: { caseId: string }, b: { caseId: string }) => a.caseId.localeCompare(b.caseId);
      const own = (await readDashboardCases(t.ctx, viewer, 'organisation')).cases.sort(byId);
      const partnership = await readDashboardCases(t.ctx, viewer, 'partnership');
      const expected = partnership.cases.filter((c) => inDashboard(viewer, 'organisation', c.team)).sort(byId);
      assert.deepEqual(own, expected, `organisation ${id}`);
      assert.deepEqual(countDashboard(own, { today, practitionersOf: id }), countDashboard(expected, { today, practitionersOf: id }));
      if (own.length > 0) compared += 1;
    }
    assert.ok(compared > 5);
  });
});
