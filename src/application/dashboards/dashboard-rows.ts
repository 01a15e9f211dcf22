// The facts the dashboards count (issue 16), read for every case in a scope in a few statements, never
// one per case: the cases with their team, the severities and ids of the latest profile version's
// findings, the assessments and significant adults counted (one statement, each table grouped by case
// in one pass and joined); the escalation decisions (one); the entries that run a clock or bring a
// review forward (one); the meetings (one); and, apart, the alerts nobody took up. A dashboard's scope
// is named by a join, never by a list of its cases' ids (at a partnership's size PostgreSQL tested
// every row against a list of 20,000); the summaries' writer and a list name their few cases by id.
// Each case's review and clocks are then worked out by their own domain rules: the summaries'
// writer (case-summaries.ts) keeps them for the dashboards' SQL. The pages never read these rows (their
// numbers and lists are read from the summaries, dashboard-counts.ts); readDashboardCases is what the
// tests hold the summaries' SQL to, case by case.
import { sql } from 'kysely';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { profileEventsFrom } from '../../domain/chronology/to-profile-event.ts';
import { isTriggerEventKind } from '../../domain/catalogue/catalogue.ts';
import type { Severity } from '../../domain/catalogue/finding-definitions.ts';
import type { TeamRole } from '../../domain/access/case-access.ts';
import { HAND_ASSESSED_RISK_FACTOR_IDS } from '../../domain/dashboards/completeness.ts';
import { inDashboard, mayOpenFromDashboard, type DashboardName, type DashboardViewer } from '../../domain/dashboards/dashboard-access.ts';
import type { DashboardCase, DashboardTeamMember } from '../../domain/dashboards/dashboard.types.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import type { DecisionInView } from '../../domain/profile/escalation.ts';
import { isSignificantAdult } from '../../domain/profile/profile-subjects.ts';
import { nextReviewDate, reviewState, type NextReview } from '../../domain/profile/review-schedule.ts';
import type { CaseLevel } from '../../domain/shared/case-levels.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { mostUrgentClock } from '../../domain/timescales/clock-urgency.ts';
import { clockEventsFrom } from '../../domain/timescales/clock-events.ts';
import { timescaleClocks, type Clock } from '../../domain/timescales/clocks.ts';
import type { Meeting } from '../../domain/meetings/meeting.types.ts';
import type { SummarisedCase } from '../../domain/dashboards/case-summary.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { AppContext } from '../context.ts';
import { notTakenUp } from '../alerts/open-alerts.ts';
import { entryFromRow } from '../chronology/chronology-rows.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { CLOCK_AND_TRIGGER_KINDS } from '../timescales/case-clocks.ts';

/** A case as a dashboard counts it, with what a list shows of it. */
export interface DashboardCaseRow extends DashboardCase {
  name: string;
  /** The viewer may open it: only these are named in a list. */
  mayOpen: boolean;
}

type TeamJson = [userId: string, name: string, organisationId: string, organisationName: string, role: TeamRole, teamId: string | null, teamName: string | null][];
type PersonJson = [relationship: string, lives: boolean, cares: boolean, visits: boolean][];

/** Which cases to read: a dashboard's (for its viewer), or the cases with these ids (the summaries' writer, a list's few). */
export type RowsScope = { viewer: DashboardViewer; name: DashboardName } | { caseIds: readonly string[] };

/** The ids of the cases in scope: every case for the partnership's dashboard (null), those with a member of the viewer's organisation in the team for an organisation's, else the ids given. */
function inScope(db: Queryable, scope: RowsScope) {
  if ('caseIds' in scope) return [...scope.caseIds];
  if (scope.name === 'partnership') return null;
  return casesWithMemberOf(db, scope.viewer.organisationId);
}

/** The ids of the cases with a member of this organisation in the team (an organisation's dashboard; a breakdown's row). */
export function casesWithMemberOf(db: Queryable, organisationId: string) {
  return db.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').select('case_team.case_id').where('users.organisation_id', '=', organisationId);
}

// One pass over each table, grouped by case and joined by hash (not a sub-query run once a case). In no
// order: the counts need none, a list sorts the few it names, and at a county's size the sort of these
// wide rows spilled to disk.
async function readCases(db: Queryable, within: RowsScope) {
  const scope = inScope(db, within);
  const teams = db
    .selectFrom('case_team as ct')
    .innerJoin('users as u', 'u.id', 'ct.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .leftJoin('teams as tm', 'tm.id', 'u.team_id')
    .select(['ct.case_id', sql<TeamJson>`json_agg(json_build_array(ct.user_id, u.name, u.organisation_id, o.name, ct.role, u.team_id, tm.name) order by ct.added_at, ct.user_id)`.as('team')])
    .$if(scope !== null, (q) => q.where('ct.case_id', 'in', scope!))
    .groupBy('ct.case_id');
  const people = db
    .selectFrom('people as p')
    .select(['p.case_id', sql<PersonJson>`json_agg(json_build_array(p.relationship_to_infant, p.lives_in_household, p.cares_for_infant, p.visits_regularly))`.as('people')])
    .$if(scope !== null, (q) => q.where('p.case_id', 'in', scope!))
    .groupBy('p.case_id');
  const assessed = db
    .selectFrom('profile_assessments as pa')
    .select(['pa.case_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('pa.status', '<>', 'not-assessed')
    .where('pa.factor_id', 'in', [...HAND_ASSESSED_RISK_FACTOR_IDS])
    .$if(scope !== null, (q) => q.where('pa.case_id', 'in', scope!))
    .groupBy('pa.case_id');
  return db
    .selectFrom('cases')
    .leftJoin('profile_versions', (join) => join.onRef('profile_versions.case_id', '=', 'cases.id').onRef('profile_versions.version', '=', 'cases.profile_version'))
    .leftJoin(teams.as('teams'), 'teams.case_id', 'cases.id')
    .leftJoin(people.as('people'), 'people.case_id', 'cases.id')
    .leftJoin(assessed.as('assessed'), 'assessed.case_id', 'cases.id')
    .select([
      'cases.id',
      'cases.status',
      'cases.given_name',
      'cases.family_name',
      'cases.date_of_birth',
      'cases.expected_delivery_date',
      'cases.level',
      'cases.created_at',
      'cases.profile_reviewed_at',
      'cases.profile_version',
      sql<[string, Severity][] | null>`(select json_agg(json_build_array(f ->> 'id', f ->> 'severity')) from jsonb_array_elements(profile_versions.findings) as f)`.as('findings'),
      'teams.team',
      'people.people',
      'assessed.n as assessed',
    ])
    .$if(scope !== null, (q) => q.where('cases.id', 'in', scope!))
    .execute();
}

/**
 * The entries that run a clock or bring a review forward, and the corrections, of the cases in scope, by case in chronology
 * order (loadChronologies' order), without their disputes (neither rule reads them): the scope is joined, not a list of ids,
 * which PostgreSQL would test each entry against. The kinds are the home page's (CLOCK_AND_TRIGGER_KINDS), the ones the
 * timing entries' partial index holds (migration 059, timing-entries-index.test.ts).
 */
export async function readDashboardEntries(db: Queryable, within: RowsScope): Promise<Map<string, ChronologyEntry[]>> {
  const scope = inScope(db, within);
  const rows = await db
    .selectFrom('chronology_entries')
    .selectAll()
    .where((eb) => eb.or([eb('kind', 'in', CLOCK_AND_TRIGGER_KINDS), eb('corrects', 'is not', null)]))
    .$if(scope !== null, (q) => q.where('case_id', 'in', scope!))
    .orderBy('case_id')
    .orderBy('occurred_on')
    .orderBy('occurred_at')
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  const byCase = new Map<string, ChronologyEntry[]>();
  for (const row of rows) {
    const entries = byCase.get(row.case_id);
    if (entries) entries.push(entryFromRow(row));
    else byCase.set(row.case_id, [entryFromRow(row)]);
  }
  return byCase;
}

async function readDecisions(db: Queryable, within: RowsScope): Promise<Map<string, DecisionInView[]>> {
  const scope = inScope(db, within);
  const rows = await db
    .selectFrom('profile_decisions')
    .select(['case_id', 'decided_at', 'findings'])
    .$if(scope !== null, (q) => q.where('case_id', 'in', scope!))
    .execute();
  const byCase = new Map<string, DecisionInView[]>();
  for (const row of rows) {
    const decision = { decidedAt: row.decided_at.toISOString(), findings: row.findings.map((f) => ({ id: f.id, severity: f.severity })) };
    byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), decision]);
  }
  return byCase;
}

/** The alerts raised on each case in scope that nobody it reached has taken up (alerts/open-alerts.ts), by case: read live, as no change to the case takes one up. */
export async function readAlertsNotTakenUp(db: Queryable, within: RowsScope): Promise<Map<string, number>> {
  if ('caseIds' in within && within.caseIds.length === 0) return new Map();
  const scope = inScope(db, within);
  const rows = await db
    .selectFrom('alerts')
    .select(['alerts.case_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where(notTakenUp)
    .$if(scope !== null, (q) => q.where('alerts.case_id', 'in', scope!))
    .groupBy('alerts.case_id')
    .execute();
  return new Map(rows.map((row) => [row.case_id, Number(row.n)]));
}

type MeetingForClocks = Pick<Meeting, 'kind' | 'heldOn' | 'section47' | 'protectionPlan'>;

/** The meetings of the cases in scope, by case: what their clocks read of them. */
async function readMeetings(db: Queryable, within: RowsScope): Promise<Map<string, MeetingForClocks[]>> {
  const scope = inScope(db, within);
  const rows = await db
    .selectFrom('case_meetings')
    .select(['case_id', 'kind', 'held_on', 'section47', 'protection_plan'])
    .$if(scope !== null, (q) => q.where('case_id', 'in', scope!))
    .execute();
  const byCase = new Map<string, MeetingForClocks[]>();
  for (const row of rows) {
    const meeting: MeetingForClocks = {
      kind: row.kind,
      heldOn: row.held_on,
      ...(row.section47 !== null ? { section47: row.section47 } : {}),
      ...(row.protection_plan !== null ? { protectionPlan: row.protection_plan } : {}),
    };
    byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), meeting]);
  }
  return byCase;
}

/** A case's facts as the dashboards read them, with its next review and its clocks on the day read. */
export interface CaseFacts {
  facts: SummarisedCase & { team: DashboardTeamMember[] };
  name: string;
  /** The profile version the facts are of. */
  profileVersion: number;
  next: NextReview;
  clocks: Clock[];
}

/**
 * The facts of every case in scope on `today`, read from `db` (a change's transaction, for the summaries' writer) in five
 * statements whatever their number; `entries`: the scope's entries when the caller has them (readDashboardEntries' kinds or more).
 */
export async function readCaseFacts(ctx: AppContext, db: Queryable, within: RowsScope, today: string, entries?: ReadonlyMap<string, readonly ChronologyEntry[]>): Promise<CaseFacts[]> {
  if ('caseIds' in within && within.caseIds.length === 0) return [];
  const [rows, entriesByCase, decisions, meetings, inForce] = await Promise.all([
    readCases(db, within),
    entries ?? readDashboardEntries(db, within),
    readDecisions(db, within),
    readMeetings(db, within),
    settingsInForce(ctx, db),
  ]);
  return rows.map((row): CaseFacts => {
    const caseEntries = entriesByCase.get(row.id) ?? [];
    const team = (row.team ?? []).map(([userId, memberName, organisationId, organisationName, role, teamId, teamName]) => ({ userId, name: memberName, organisationId, organisationName, role, teamId, teamName }));
    const triggers = profileEventsFrom(caseEntries).filter((e) => isTriggerEventKind(e.kind));
    const people = (row.people ?? []).map(([relationshipToInfant, livesInHousehold, caresForInfant, visitsRegularly]) => ({ relationshipToInfant, livesInHousehold, caresForInfant, visitsRegularly }));
    const events = clockEventsFrom({ entries: caseEntries, meetings: meetings.get(row.id) ?? [], bornOn: row.date_of_birth, expectedDeliveryOn: row.expected_delivery_date });
    return {
      facts: {
        caseId: row.id,
        status: row.status,
        dateOfBirth: row.date_of_birth,
        level: row.level,
        openedOn: serviceToday(row.created_at),
        team,
        findings: (row.findings ?? []).map(([id, severity]) => ({ id, severity })),
        decisions: decisions.get(row.id) ?? [],
        lastReviewedAt: row.profile_reviewed_at?.toISOString() ?? null,
        assessedRiskFactors: Number(row.assessed ?? 0),
        significantAdults: people.filter(isSignificantAdult).length,
      },
      name: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }),
      profileVersion: row.profile_version,
      // The London day of the last review, as the case list and the profile page read it.
      next: nextReviewDate(row.level as CaseLevel, row.profile_reviewed_at ? serviceToday(row.profile_reviewed_at) : null, triggers),
      clocks: timescaleClocks(events, today, inForce.settings.timescales),
    };
  });
}

/**
 * Every case on the dashboard (or, with `caseIds`, those of them), as the domain counts it, case by case in Node, with
 * whether the viewer may open it: the rows of a list, and what the summaries' counts are checked against.
 */
export async function readDashboardCases(ctx: AppContext, viewer: DashboardViewer, name: DashboardName, caseIds?: readonly string[]): Promise<{ cases: DashboardCaseRow[]; today: string }> {
  const now = ctx.clock.now();
  const today = serviceToday(now);
  const [facts, alerts] = await Promise.all([readCaseFacts(ctx, ctx.db, caseIds ? { caseIds } : { viewer, name }, today), readAlertsNotTakenUp(ctx.db, caseIds ? { caseIds } : { viewer, name })]);
  const cases = facts.map(({ facts: c, name: babyName, next, clocks }): DashboardCaseRow => ({
    ...c,
    name: babyName,
    review: reviewState(next, today),
    clockOverdue: mostUrgentClock(clocks)?.status === 'overdue',
    alertsNotTakenUp: alerts.get(c.caseId) ?? 0,
    mayOpen: mayOpenFromDashboard(viewer, c.team, now),
  }));
  // The scope was the query's: inDashboard says the same in the domain's words, and guards against a drift between the two.
  return { cases: cases.filter((c) => inDashboard(viewer, name, c.team)), today };
}
