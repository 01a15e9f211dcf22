// The rows a dashboard counts (issue 16), read for every case in its scope in a few statements, never
// one per case: the cases with their team, the severities and ids of the latest profile version's
// findings, the assessments and significant adults counted, and the alerts nobody took up (one
// statement, each table grouped by case in one pass and joined); the escalation decisions (one); the
// entries that run a clock or bring a review forward (one); the meetings (readClocksOfCases, as the
// case list reads them). Each statement names its scope by a join, never by a list of the cases' ids
// (at a partnership's size PostgreSQL tested every row against a list of 20,000). Each case's review
// and clocks are then worked out by their own domain rules, and counted by the domain's.
import { sql } from 'kysely';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { profileEventsFrom } from '../../domain/chronology/to-profile-event.ts';
import { isTriggerEventKind } from '../../domain/catalogue/catalogue.ts';
import { EVENT_KIND_IDS } from '../../domain/catalogue/event-kinds.ts';
import type { Severity } from '../../domain/catalogue/finding-definitions.ts';
import type { TeamRole } from '../../domain/access/case-access.ts';
import { HAND_ASSESSED_RISK_FACTOR_IDS } from '../../domain/dashboards/completeness.ts';
import { inDashboard, mayOpenFromDashboard, type DashboardName, type DashboardViewer } from '../../domain/dashboards/dashboard-access.ts';
import type { DashboardCase } from '../../domain/dashboards/dashboard.types.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import type { DecisionInView } from '../../domain/profile/escalation.ts';
import { isSignificantAdult } from '../../domain/profile/profile-subjects.ts';
import { nextReviewDate, reviewState } from '../../domain/profile/review-schedule.ts';
import type { CaseLevel } from '../../domain/shared/case-levels.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { mostUrgentClock } from '../../domain/timescales/clock-urgency.ts';
import type { AppContext } from '../context.ts';
import { notTakenUp } from '../alerts/open-alerts.ts';
import { entryFromRow } from '../chronology/chronology-rows.ts';
import { CLOCK_ENTRY_KINDS, readClocksOfCases } from '../timescales/case-clocks.ts';

/** A case as a dashboard counts it, with what a list shows of it. */
export interface DashboardCaseRow extends DashboardCase {
  name: string;
  /** The viewer may open it: only these are named in a list. */
  mayOpen: boolean;
}

const TRIGGER_KINDS = EVENT_KIND_IDS.filter((kind) => isTriggerEventKind(kind));
const ENTRY_KINDS = [...new Set([...CLOCK_ENTRY_KINDS, ...TRIGGER_KINDS])];

type TeamJson = [userId: string, name: string, organisationId: string, organisationName: string, role: TeamRole][];
type PersonJson = [relationship: string, lives: boolean, cares: boolean, visits: boolean][];

/** The ids of the cases on the dashboard: every case for the partnership's, else those with a member of the viewer's organisation in the team. */
function inScope(ctx: AppContext, viewer: DashboardViewer, name: DashboardName) {
  if (name === 'partnership') return null;
  return ctx.db.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').select('case_team.case_id').where('users.organisation_id', '=', viewer.organisationId);
}

// One pass over each table, grouped by case and joined by hash (not a sub-query run once a case). In no
// order: the counts need none, a list sorts the few it names, and at a county's size the sort of these
// wide rows spilled to disk.
async function readCases(ctx: AppContext, viewer: DashboardViewer, name: DashboardName) {
  const scope = inScope(ctx, viewer, name);
  const teams = ctx.db
    .selectFrom('case_team as ct')
    .innerJoin('users as u', 'u.id', 'ct.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['ct.case_id', sql<TeamJson>`json_agg(json_build_array(ct.user_id, u.name, u.organisation_id, o.name, ct.role) order by ct.added_at, ct.user_id)`.as('team')])
    .$if(scope !== null, (q) => q.where('ct.case_id', 'in', scope!))
    .groupBy('ct.case_id');
  const people = ctx.db
    .selectFrom('people as p')
    .select(['p.case_id', sql<PersonJson>`json_agg(json_build_array(p.relationship_to_infant, p.lives_in_household, p.cares_for_infant, p.visits_regularly))`.as('people')])
    .$if(scope !== null, (q) => q.where('p.case_id', 'in', scope!))
    .groupBy('p.case_id');
  const assessed = ctx.db
    .selectFrom('profile_assessments as pa')
    .select(['pa.case_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('pa.status', '<>', 'not-assessed')
    .where('pa.factor_id', 'in', [...HAND_ASSESSED_RISK_FACTOR_IDS])
    .$if(scope !== null, (q) => q.where('pa.case_id', 'in', scope!))
    .groupBy('pa.case_id');
  const alerts = ctx.db
    .selectFrom('alerts')
    .select(['alerts.case_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where(notTakenUp)
    .$if(scope !== null, (q) => q.where('alerts.case_id', 'in', scope!))
    .groupBy('alerts.case_id');
  return ctx.db
    .selectFrom('cases')
    .leftJoin('profile_versions', (join) => join.onRef('profile_versions.case_id', '=', 'cases.id').onRef('profile_versions.version', '=', 'cases.profile_version'))
    .leftJoin(teams.as('teams'), 'teams.case_id', 'cases.id')
    .leftJoin(people.as('people'), 'people.case_id', 'cases.id')
    .leftJoin(assessed.as('assessed'), 'assessed.case_id', 'cases.id')
    .leftJoin(alerts.as('alerts'), 'alerts.case_id', 'cases.id')
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
      sql<[string, Severity][] | null>`(select json_agg(json_build_array(f ->> 'id', f ->> 'severity')) from jsonb_array_elements(profile_versions.findings) as f)`.as('findings'),
      'teams.team',
      'people.people',
      'assessed.n as assessed',
      'alerts.n as alerts',
    ])
    .$if(scope !== null, (q) => q.where('cases.id', 'in', scope!))
    .execute();
}

/**
 * The entries that run a clock or bring a review forward, and the corrections, of the cases in scope, by case in chronology
 * order (loadChronologies' order), without their disputes (neither rule reads them): the scope is joined, not a list of ids,
 * which PostgreSQL would test each entry against.
 */
async function readEntries(ctx: AppContext, viewer: DashboardViewer, name: DashboardName): Promise<Map<string, ChronologyEntry[]>> {
  const scope = inScope(ctx, viewer, name);
  const rows = await ctx.db
    .selectFrom('chronology_entries')
    .selectAll()
    .where((eb) => eb.or([eb('kind', 'in', ENTRY_KINDS), eb('corrects', 'is not', null)]))
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

async function readDecisions(ctx: AppContext, viewer: DashboardViewer, name: DashboardName): Promise<Map<string, DecisionInView[]>> {
  const scope = inScope(ctx, viewer, name);
  const rows = await ctx.db
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

/** Every case on the dashboard, as its counts need it, with whether the viewer may open it. */
export async function readDashboardCases(ctx: AppContext, viewer: DashboardViewer, name: DashboardName): Promise<{ cases: DashboardCaseRow[]; today: string }> {
  const now = ctx.clock.now();
  const today = serviceToday(now);
  const [rows, entriesByCase, decisions] = await Promise.all([readCases(ctx, viewer, name), readEntries(ctx, viewer, name), readDecisions(ctx, viewer, name)]);
  const clocks = await readClocksOfCases(ctx, rows.map((r) => ({ id: r.id, bornOn: r.date_of_birth, expectedDeliveryOn: r.expected_delivery_date })), today, entriesByCase);
  const cases = rows.map((row): DashboardCaseRow => {
    const team = (row.team ?? []).map(([userId, memberName, organisationId, organisationName, role]) => ({ userId, name: memberName, organisationId, organisationName, role }));
    const triggers = profileEventsFrom(entriesByCase.get(row.id) ?? []).filter((e) => isTriggerEventKind(e.kind));
    // The London day of the last review, as the case list and the profile page read it.
    const next = nextReviewDate(row.level as CaseLevel, row.profile_reviewed_at ? serviceToday(row.profile_reviewed_at) : null, triggers);
    const people = (row.people ?? []).map(([relationshipToInfant, livesInHousehold, caresForInfant, visitsRegularly]) => ({ relationshipToInfant, livesInHousehold, caresForInfant, visitsRegularly }));
    return {
      caseId: row.id,
      name: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }),
      status: row.status,
      dateOfBirth: row.date_of_birth,
      level: row.level,
      openedOn: serviceToday(row.created_at),
      team,
      findings: (row.findings ?? []).map(([id, severity]) => ({ id, severity })),
      decisions: decisions.get(row.id) ?? [],
      lastReviewedAt: row.profile_reviewed_at?.toISOString() ?? null,
      review: reviewState(next, today),
      clockOverdue: mostUrgentClock(clocks.get(row.id) ?? [])?.status === 'overdue',
      alertsNotTakenUp: Number(row.alerts ?? 0),
      assessedRiskFactors: Number(row.assessed ?? 0),
      significantAdults: people.filter(isSignificantAdult).length,
      mayOpen: mayOpenFromDashboard(viewer, team, now),
    };
  });
  // The scope was the query's: inDashboard says the same in the domain's words, and guards against a drift between the two.
  return { cases: cases.filter((c) => inDashboard(viewer, name, c.team)), today };
}
