// The rows a dashboard counts (issue 16), read for every case in its scope in a few statements, never
// one per case: the cases with their team, the severities and ids of the latest profile version's
// findings, the assessments and significant adults counted, and the alerts nobody took up (one
// statement); the escalation decisions (one); the entries that run a clock or bring a review forward,
// and the meetings (readClockEntriesOfCases and readClocksOfCases, as the case list reads them).
// Each case's review and clocks are then worked out by their own domain rules.
import { sql } from 'kysely';
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
import { readClockEntriesOfCases, readClocksOfCases } from '../timescales/case-clocks.ts';

/** A case as a dashboard counts it, with what a list shows of it. */
export interface DashboardCaseRow extends DashboardCase {
  name: string;
  /** The viewer may open it: only these are named in a list. */
  mayOpen: boolean;
}

const TRIGGER_KINDS = EVENT_KIND_IDS.filter((kind) => isTriggerEventKind(kind));

type TeamJson = [userId: string, name: string, organisationId: string, organisationName: string, role: TeamRole][];
type PersonJson = [relationship: string, lives: boolean, cares: boolean, visits: boolean][];

async function readCases(ctx: AppContext, viewer: DashboardViewer, name: DashboardName) {
  const query = ctx.db
    .selectFrom('cases')
    .leftJoin('profile_versions', (join) => join.onRef('profile_versions.case_id', '=', 'cases.id').onRef('profile_versions.version', '=', 'cases.profile_version'))
    .select((eb) => [
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
      sql<TeamJson | null>`(select json_agg(json_build_array(ct.user_id, u.name, u.organisation_id, o.name, ct.role) order by ct.added_at, ct.user_id)
        from case_team ct join users u on u.id = ct.user_id join organisations o on o.id = u.organisation_id where ct.case_id = cases.id)`.as('team'),
      sql<PersonJson | null>`(select json_agg(json_build_array(p.relationship_to_infant, p.lives_in_household, p.cares_for_infant, p.visits_regularly)) from people p where p.case_id = cases.id)`.as('people'),
      eb
        .selectFrom('profile_assessments')
        .select((s) => s.fn.countAll<string>().as('n'))
        .whereRef('profile_assessments.case_id', '=', 'cases.id')
        .where('profile_assessments.status', '<>', 'not-assessed')
        .where('profile_assessments.factor_id', 'in', [...HAND_ASSESSED_RISK_FACTOR_IDS])
        .as('assessed'),
      eb.selectFrom('alerts').select((s) => s.fn.countAll<string>().as('n')).whereRef('alerts.case_id', '=', 'cases.id').where(notTakenUp).as('alerts'),
    ])
    .orderBy('cases.family_name')
    .orderBy('cases.id');
  if (name === 'partnership') return query.execute();
  return query
    .where((eb) =>
      eb.exists(
        eb.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').select('case_team.case_id').whereRef('case_team.case_id', '=', 'cases.id').where('users.organisation_id', '=', viewer.organisationId),
      ),
    )
    .execute();
}

async function readDecisions(ctx: AppContext, caseIds: readonly string[]): Promise<Map<string, DecisionInView[]>> {
  const byCase = new Map<string, DecisionInView[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await ctx.db.selectFrom('profile_decisions').select(['case_id', 'decided_at', 'findings']).where('case_id', 'in', [...caseIds]).execute();
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
  const rows = await readCases(ctx, viewer, name);
  const ids = rows.map((r) => r.id);
  const entries = readClockEntriesOfCases(ctx.db, ids, TRIGGER_KINDS);
  const [decisions, entriesByCase, clocks] = await Promise.all([
    readDecisions(ctx, ids),
    entries,
    readClocksOfCases(ctx, rows.map((r) => ({ id: r.id, bornOn: r.date_of_birth, expectedDeliveryOn: r.expected_delivery_date })), today, entries),
  ]);
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
