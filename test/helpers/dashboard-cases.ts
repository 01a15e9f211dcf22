// The tests' reference read of the dashboards (issue 16): every case on a dashboard as the domain counts
// it, worked out case by case in Node, with whether the viewer may open it. Used only by tests, which
// hold the dashboards' SQL over the summaries (dashboard-counts.ts) to countDashboard and selectCases
// over these rows. The facts are the summaries' own read (summary-facts.ts readSummaryFacts, the
// writer's); this adds what the summary row does not keep: the team around the family with each
// member's organisation and team (names included, for the breakdowns and the lists), the baby's name
// and the alerts nobody took up, read live.
import { sql } from 'kysely';
import { casesWithMemberOf, readSummaryFacts } from '../../src/application/dashboards/summary-facts.ts';
import type { AppContext } from '../../src/application/context.ts';
import { notTakenUp } from '../../src/application/alerts/open-alerts.ts';
import type { TeamRole } from '../../src/domain/access/case-access.ts';
import { inDashboard, mayOpenFromDashboard, type DashboardName, type DashboardViewer } from '../../src/domain/dashboards/dashboard-access.ts';
import type { DashboardCase, DashboardTeamMember } from '../../src/domain/dashboards/dashboard.types.ts';
import { infantDisplayName } from '../../src/domain/people/infant-name.ts';
import { reviewState } from '../../src/domain/profile/review-schedule.ts';
import { serviceToday } from '../../src/domain/shared/service-day.ts';
import { mostUrgentClock } from '../../src/domain/timescales/clock-urgency.ts';
import type { Queryable } from '../../src/infrastructure/db/schema.ts';

/** A case as a dashboard counts it, with what a list shows of it. */
export interface DashboardCaseRow extends DashboardCase {
  name: string;
  /** The viewer may open it: only these are named in a list. */
  mayOpen: boolean;
}

type TeamJson = [userId: string, name: string, organisationId: string, organisationName: string, role: TeamRole, teamId: string | null, teamName: string | null][];

/** The ids of the cases on the dashboard: every case on the partnership's, those with a member of the viewer's organisation in the team on an organisation's (the refresh's scope, case-summaries.ts). */
async function casesOn(db: Queryable, viewer: DashboardViewer, name: DashboardName): Promise<string[]> {
  const rows = name === 'partnership' ? await db.selectFrom('cases').select('id as case_id').execute() : await casesWithMemberOf(db, viewer.organisationId).distinct().execute();
  return rows.map((row) => row.case_id);
}

/** Each case's name and team around the family, members in the order they joined. */
async function readNamesAndTeams(db: Queryable, caseIds: readonly string[]): Promise<Map<string, { name: string; team: DashboardTeamMember[] }>> {
  const teams = db
    .selectFrom('case_team as ct')
    .innerJoin('users as u', 'u.id', 'ct.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .leftJoin('teams as tm', 'tm.id', 'u.team_id')
    .select(['ct.case_id', sql<TeamJson>`json_agg(json_build_array(ct.user_id, u.name, u.organisation_id, o.name, ct.role, u.team_id, tm.name) order by ct.added_at, ct.user_id)`.as('team')])
    .where('ct.case_id', 'in', caseIds)
    .groupBy('ct.case_id');
  const rows = await db
    .selectFrom('cases')
    .leftJoin(teams.as('teams'), 'teams.case_id', 'cases.id')
    .select(['cases.id', 'cases.status', 'cases.given_name', 'cases.family_name', 'teams.team'])
    .where('cases.id', 'in', caseIds)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        name: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }),
        team: (row.team ?? []).map(([userId, memberName, organisationId, organisationName, role, teamId, teamName]) => ({ userId, name: memberName, organisationId, organisationName, role, teamId, teamName })),
      },
    ]),
  );
}

/** The alerts raised on each case that nobody it reached has taken up (alerts/open-alerts.ts), by case. */
async function readAlertsNotTakenUp(db: Queryable, caseIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('alerts')
    .select(['alerts.case_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where(notTakenUp)
    .where('alerts.case_id', 'in', caseIds)
    .groupBy('alerts.case_id')
    .execute();
  return new Map(rows.map((row) => [row.case_id, Number(row.n)]));
}

/** Every case on the dashboard as the domain counts it on the test clock's day, with whether the viewer may open it. */
export async function readDashboardCases(ctx: AppContext, viewer: DashboardViewer, name: DashboardName): Promise<{ cases: DashboardCaseRow[]; today: string }> {
  const now = ctx.clock.now();
  const today = serviceToday(now);
  const caseIds = await casesOn(ctx.db, viewer, name);
  if (caseIds.length === 0) return { cases: [], today };
  const [facts, namesAndTeams, alerts] = await Promise.all([readSummaryFacts(ctx, ctx.db, caseIds, today), readNamesAndTeams(ctx.db, caseIds), readAlertsNotTakenUp(ctx.db, caseIds)]);
  const cases = facts.map(({ facts: c, next, clocks }): DashboardCaseRow => {
    const { name: babyName, team } = namesAndTeams.get(c.caseId)!;
    return {
      ...c,
      team,
      name: babyName,
      review: reviewState(next, today),
      clockOverdue: mostUrgentClock(clocks)?.status === 'overdue',
      alertsNotTakenUp: alerts.get(c.caseId) ?? 0,
      mayOpen: mayOpenFromDashboard(viewer, team, now),
    };
  });
  // The scope was the query's: inDashboard says the same in the domain's words, and guards against a drift between the two.
  return { cases: cases.filter((c) => inDashboard(viewer, name, c.team)), today };
}
