// A dashboard's numbers counted in SQL from the cases' summaries (issue 16, ADR 0017): no case is
// evaluated to count it. Each statement reads the dashboard's cases as one set (casesOnDashboard): the
// summary's record measures, the date-bound measures by comparing the stored due days with today, the
// stage from the stored stage days, the alerts nobody took up counted live, and whether the viewer may
// open the case. Every expression here says in SQL what a domain rule says in TypeScript (measures.ts,
// stage.ts stageOnDay, case-access.ts decideCaseAccess); dashboard-counts.test.ts holds the two to the
// same numbers over a generated partnership, on both engines and on a later day.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { OVERSIGHT_ROLES } from '../../domain/access/case-access.ts';
import { COMPLETENESS_BAND_IDS, type CompletenessBand } from '../../domain/dashboards/completeness.ts';
import type { BreakdownRow, CaseSelector, DashboardCounts, MeasureCounts, TeamBreakdownRow } from '../../domain/dashboards/count-dashboard.ts';
import type { DashboardName, DashboardViewer } from '../../domain/dashboards/dashboard-access.ts';
import { MEASURE_IDS, RECORD_MEASURE_IDS, type MeasureId } from '../../domain/dashboards/measures.ts';
import { STAGE_IDS, type Stage } from '../../domain/dashboards/stage.ts';
import { monthNumber } from '../../domain/shared/calendar-date.ts';
import { CASE_LEVEL_IDS } from '../../domain/shared/case-levels.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import { notTakenUp } from '../alerts/open-alerts.ts';
import { withSummaries } from './case-summaries.ts';

/** The measures that turn with the date or with the alerts, as SQL over the summary `s` and the alerts' count `a` on `today`. */
const DATED_MEASURES: Partial<Record<MeasureId, (today: string) => RawBuilder<SqlBool>>> = {
  // reviewState: never reviewed when no day is due; overdue once the due day has passed.
  'never-reviewed': () => sql<SqlBool>`s.review_due_on is null`,
  'review-overdue': (today) => sql<SqlBool>`s.review_due_on < ${today}::date`,
  // timescaleClocks: a running clock is overdue once today is past its due day.
  'clock-overdue': (today) => sql<SqlBool>`s.clock_due_on < ${today}::date`,
  'alert-not-taken-up': () => sql<SqlBool>`coalesce(a.n, 0) > 0`,
};

function measureSql(measure: MeasureId, today: string): RawBuilder<SqlBool> {
  if (RECORD_MEASURE_IDS.includes(measure)) return sql<SqlBool>`${measure} = any(s.record_measures)`;
  const dated = DATED_MEASURES[measure];
  if (!dated) throw new Error(`The dashboards have no SQL for the measure ${measure}`);
  return dated(today);
}

/** A measure's column in casesOnDashboard. */
const column = (measure: MeasureId) => `m_${measure.replaceAll('-', '_')}`;

/** stageOnDay in SQL. */
const stageSql = (today: string) => sql<Stage>`case
  when s.status = 'unborn' then 'unborn'
  when s.six_months_on is null or ${today}::date < s.six_months_on then 'under-6-months'
  when s.twelve_months_on is null or ${today}::date < s.twelve_months_on then '6-to-12-months'
  else 'over-12-months' end`;

/** A member of this organisation is in the case's team, by the organisations kept on its summary `s` (migration 058). */
const hasMemberOf = (organisationId: string) => sql<SqlBool>`${organisationId} = any(s.organisation_ids)`;

/**
 * The dashboard's cases as one set, with what the counts group and filter by: level, stage, completeness,
 * the month opened (YYYY-MM), the organisations in the team, a boolean column a measure, and may_open.
 * Who is in the team is read from the summary's organisations, and the viewer's own cases by index: no
 * statement joins every case's team to its people's accounts.
 */
function casesOnDashboard(queryable: Queryable, viewer: DashboardViewer, name: DashboardName, today: string) {
  const db = withSummaries(queryable);
  const alerts = db.selectFrom('alerts').select(['alerts.case_id', (eb) => eb.fn.countAll<string>().as('n')]).where(notTakenUp).groupBy('alerts.case_id');
  // decideCaseAccess without emergency access: in the team, or overseeing a member of it.
  const oversees = OVERSIGHT_ROLES.includes(viewer.role);
  const ownTeams = db.selectFrom('case_team').select('case_team.case_id').where('case_team.user_id', '=', viewer.userId).distinct();
  return db
    .selectFrom('dashboard_case_summaries as s')
    .leftJoin(alerts.as('a'), 'a.case_id', 's.case_id')
    .leftJoin(ownTeams.as('o'), 'o.case_id', 's.case_id')
    .select([
      's.case_id',
      's.level',
      's.completeness',
      's.organisation_ids',
      stageSql(today).as('stage'),
      sql<string>`to_char(s.opened_on, 'YYYY-MM')`.as('opened_in'),
      (oversees ? sql<SqlBool>`(o.case_id is not null or ${hasMemberOf(viewer.organisationId)})` : sql<SqlBool>`o.case_id is not null`).as('may_open'),
      ...MEASURE_IDS.map((measure) => measureSql(measure, today).as(column(measure))),
    ])
    .$if(name === 'organisation', (q) => q.where(hasMemberOf(viewer.organisationId)));
}

type Counted = Record<string, string | number>;

/** count(*) filter (where <measure>) for every measure, as m_<measure>. */
const measureCountsSql = () => MEASURE_IDS.map((measure) => sql<string>`count(*) filter (where ${sql.ref(`c.${column(measure)}`)})`.as(column(measure)));
const measuresOf = (row: Counted): MeasureCounts => Object.fromEntries(MEASURE_IDS.map((measure) => [measure, Number(row[column(measure)])])) as MeasureCounts;

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function monthKey(month: number): string {
  const year = Math.floor(month / 12);
  return `${String(year).padStart(4, '0')}-${String(month - year * 12 + 1).padStart(2, '0')}`;
}

export interface CountedDashboard {
  /**
   * Their teams by ADR 0019: the organisation's dashboard counts its own people's teams, each of its teams in use
   * listed, with no case or not; the partnership's every organisation's, those with a case.
   */
  counts: DashboardCounts;
  /** Of the cases counted, those the viewer may open. */
  openable: number;
}

/** countDashboard's numbers for this viewer's dashboard on `today`, in five statements over the summaries. */
export async function countDashboardInSql(queryable: Queryable, viewer: DashboardViewer, name: DashboardName, today: string, months = 12): Promise<CountedDashboard> {
  const db = withSummaries(queryable).with('c', () => casesOnDashboard(queryable, viewer, name, today));
  const teams = db.selectFrom('case_team as ct').innerJoin('users as u', 'u.id', 'ct.user_id');
  const ownTeams = name === 'organisation';
  const [totals, levelRows, organisationRows, practitionerRows, monthRows, teamRows, teamsInUse] = await Promise.all([
    db
      .selectFrom('c')
      .select([
        (eb) => eb.fn.countAll<string>().as('total'),
        sql<string>`count(*) filter (where c.may_open)`.as('openable'),
        ...COMPLETENESS_BAND_IDS.map((band) => sql<string>`count(*) filter (where c.completeness = ${band})`.as(`band_${band}`)),
        ...measureCountsSql(),
      ])
      .executeTakeFirstOrThrow(),
    db.selectFrom('c').select(['c.level', 'c.stage', (eb) => eb.fn.countAll<string>().as('n')]).groupBy(['c.level', 'c.stage']).execute(),
    // Each organisation once a case, from the organisations kept on its summary, counted by id, then named.
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('c')
          .innerJoinLateral(sql<{ id: string }>`(select unnest(c.organisation_ids) as id)`.as('t'), (join) => join.onTrue())
          .select(['t.id', (eb) => eb.fn.countAll<string>().as('total'), ...measureCountsSql()])
          .groupBy('t.id')
          .as('g'),
      )
      .innerJoin('organisations as org', 'org.id', 'g.id')
      .selectAll('g')
      .select('org.name')
      .execute(),
    db
      .selectFrom('c')
      .innerJoin(teams.select(['ct.case_id', 'ct.user_id as id', 'u.name']).where('u.organisation_id', '=', viewer.organisationId).as('t'), 't.case_id', 'c.case_id')
      .select(['t.id', 't.name', (eb) => eb.fn.countAll<string>().as('total'), ...measureCountsSql()])
      .groupBy(['t.id', 't.name'])
      .execute(),
    db
      .selectFrom('c')
      .select(['c.opened_in', (eb) => eb.fn.countAll<string>().as('opened'), sql<string>`count(*) filter (where c.m_serious_finding)`.as('serious')])
      .groupBy('c.opened_in')
      .execute(),
    // Each team once a case, by id alone, then named, as the organisations are.
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('c')
          .innerJoin(
            teams
              .select(['ct.case_id', 'u.team_id as id'])
              .where('u.team_id', 'is not', null)
              .$if(ownTeams, (q) => q.where('u.organisation_id', '=', viewer.organisationId))
              .distinct()
              .as('t'),
            't.case_id',
            'c.case_id',
          )
          .select(['t.id', (eb) => eb.fn.countAll<string>().as('total'), ...measureCountsSql()])
          .groupBy('t.id')
          .as('g'),
      )
      .innerJoin('teams as tm', 'tm.id', 'g.id')
      .innerJoin('organisations as org', 'org.id', 'tm.organisation_id')
      .selectAll('g')
      .select(['tm.name', 'tm.organisation_id', 'org.name as organisation_name'])
      .execute(),
    ownTeams
      ? queryable
          .selectFrom('teams')
          .innerJoin('organisations as org', 'org.id', 'teams.organisation_id')
          .select(['teams.id', 'teams.name', 'teams.organisation_id', 'org.name as organisation_name'])
          .where('teams.organisation_id', '=', viewer.organisationId)
          .where('teams.archived_at', 'is', null)
          .execute()
      : Promise.resolve([]),
  ]);
  const levels = new Map<string, { total: number; stages: Record<Stage, number> }>(CASE_LEVEL_IDS.map((level) => [level, { total: 0, stages: zeros(STAGE_IDS) }]));
  const stages = zeros(STAGE_IDS);
  for (const row of levelRows) {
    let level = levels.get(row.level);
    if (!level) levels.set(row.level, (level = { total: 0, stages: zeros(STAGE_IDS) }));
    level.total += Number(row.n);
    level.stages[row.stage] += Number(row.n);
    stages[row.stage] += Number(row.n);
  }
  const breakdown = (rows: readonly Counted[]): BreakdownRow[] =>
    rows
      .map((row) => ({ id: String(row.id), name: String(row.name), total: Number(row.total), measures: measuresOf(row) }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const counted = new Map(teamRows.map((row) => [row.id, row]));
  const teamBreakdown: TeamBreakdownRow[] = [
    ...teamRows.map((row) => ({ id: String(row.id), name: row.name, organisationId: row.organisation_id, organisationName: row.organisation_name, total: Number(row.total), measures: measuresOf(row) })),
    ...teamsInUse
      .filter((team) => !counted.has(team.id))
      .map((team) => ({ id: team.id, name: team.name, organisationId: team.organisation_id, organisationName: team.organisation_name, total: 0, measures: zeros(MEASURE_IDS) })),
  ].sort((a, b) => a.organisationName.localeCompare(b.organisationName) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const thisMonth = monthNumber(today);
  const opened = new Map(monthRows.map((row) => [row.opened_in, row]));
  const trend = Array.from({ length: months }, (_, i) => {
    const month = monthKey(thisMonth - months + 1 + i);
    const row = opened.get(month);
    return { month, opened: Number(row?.opened ?? 0), serious: Number(row?.serious ?? 0) };
  });
  return {
    counts: {
      total: Number(totals.total),
      levels: [...levels].map(([level, row]) => ({ level, ...row })),
      stages,
      completeness: Object.fromEntries(COMPLETENESS_BAND_IDS.map((band) => [band, Number((totals as Counted)[`band_${band}`])])) as Record<CompletenessBand, number>,
      measures: measuresOf(totals),
      organisations: breakdown(organisationRows),
      practitioners: breakdown(practitionerRows),
      teams: teamBreakdown,
      trend,
    },
    openable: Number(totals.openable),
  };
}

/** selectorMatches in SQL over casesOnDashboard's columns (`c`). */
function selectorSql(queryable: Queryable, selector: CaseSelector): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (selector.measure !== undefined) conditions.push(sql.ref(`c.${column(selector.measure)}`));
  if (selector.level !== undefined) conditions.push(sql<SqlBool>`c.level = ${selector.level}`);
  if (selector.stage !== undefined) conditions.push(sql<SqlBool>`c.stage = ${selector.stage}`);
  if (selector.completeness !== undefined) conditions.push(sql<SqlBool>`c.completeness = ${selector.completeness}`);
  if (selector.openedIn !== undefined) conditions.push(sql<SqlBool>`c.opened_in = ${selector.openedIn}`);
  if (selector.organisationId !== undefined) conditions.push(sql<SqlBool>`${selector.organisationId} = any(c.organisation_ids)`);
  if (selector.practitionerId !== undefined) {
    const member = queryable.selectFrom('case_team').select('case_team.case_id').where('case_team.user_id', '=', selector.practitionerId);
    conditions.push(sql<SqlBool>`c.case_id in (${member})`);
  }
  if (selector.teamId !== undefined) {
    const inTeam = queryable.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').select('case_team.case_id').where('users.team_id', '=', selector.teamId);
    conditions.push(sql<SqlBool>`c.case_id in (${inTeam})`);
  }
  return conditions;
}

/** The cases behind one number (selectCases in SQL), each with whether the viewer may open it. */
export async function casesBehind(queryable: Queryable, viewer: DashboardViewer, name: DashboardName, selector: CaseSelector, today: string): Promise<{ caseId: string; mayOpen: boolean }[]> {
  const rows = await withSummaries(queryable)
    .with('c', () => casesOnDashboard(queryable, viewer, name, today))
    .selectFrom('c')
    .select(['c.case_id', 'c.may_open'])
    .where((eb) => eb.and(selectorSql(queryable, selector)))
    .execute();
  return rows.map((row) => ({ caseId: row.case_id, mayOpen: Boolean(row.may_open) }));
}

/** A case in a list behind a number, as the list shows it: read from its summary, never evaluated. */
export interface ListedCase {
  caseId: string;
  status: 'unborn' | 'born';
  givenName: string | null;
  familyName: string | null;
  level: string;
  stage: Stage;
  /** The measures that count the case today, in MEASURE_IDS' order. */
  measures: MeasureId[];
  /** The team's first lead professional (in the order the team was made), or null. */
  lead: { name: string; organisationName: string } | null;
}

export interface ListedCases {
  /** The cases behind the number the viewer may open, in no order. */
  cases: ListedCase[];
  /** The cases behind the number the viewer may not open: counted, never read. */
  notShown: number;
  /** The names of the selector's organisation and practitioner, when a case is listed (each is then in its team). */
  organisationName: string | null;
  practitionerName: string | null;
  /** The selector's team's name, when a case is listed (ADR 0019). */
  teamName: string | null;
}

/** A row of listCasesBehind's statement: the count, then a listed case's columns (all null when none is listed). */
interface ListRow {
  not_shown: string | number;
  case_id: string | null;
  status: 'unborn' | 'born' | null;
  given_name: string | null;
  family_name: string | null;
  level: string | null;
  stage: Stage | null;
  lead_name: string | null;
  lead_organisation: string | null;
  measures: MeasureId[] | null;
  organisation_name: string | null;
  practitioner_name: string | null;
  team_name: string | null;
}

/**
 * The list behind one number in one statement: the cases the selector picks (casesBehind), with what a list shows of each
 * the viewer may open (its name, level, stage, the measures counting it, its lead professional), and how many more it may not.
 */
export async function listCasesBehind(queryable: Queryable, viewer: DashboardViewer, name: DashboardName, selector: CaseSelector, today: string): Promise<ListedCases> {
  const db = withSummaries(queryable);
  // The measures counting the case, as an array of their ids in MEASURE_IDS' order.
  const countedMeasures = sql<MeasureId[]>`array_remove(array[${sql.join(MEASURE_IDS.map((measure) => sql`case when ${sql.ref(`b.${column(measure)}`)} then ${measure} end`))}]::text[], null)`;
  const rows = await db
    .with('c', () => casesOnDashboard(queryable, viewer, name, today))
    .with('b', (qc) => qc.selectFrom('c').selectAll().where((eb) => eb.and(selectorSql(queryable, selector))))
    .selectFrom((eb) => eb.selectFrom('b').select(sql<string>`count(*) filter (where not b.may_open)`.as('not_shown')).as('k'))
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('b')
          .innerJoin('cases', 'cases.id', 'b.case_id')
          .leftJoinLateral(
            (lb) =>
              lb
                .selectFrom('case_team as ct')
                .innerJoin('users as u', 'u.id', 'ct.user_id')
                .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
                .select(['u.name as lead_name', 'o.name as lead_organisation'])
                .whereRef('ct.case_id', '=', 'b.case_id')
                .where('ct.role', '=', 'lead-professional')
                .orderBy('ct.added_at')
                .orderBy('ct.user_id')
                .limit(1)
                .as('lead'),
            (join) => join.onTrue(),
          )
          .select(['b.case_id', 'cases.status', 'cases.given_name', 'cases.family_name', 'b.level', 'b.stage', 'lead.lead_name', 'lead.lead_organisation', countedMeasures.as('measures')])
          .where('b.may_open', '=', true)
          .as('r'),
      (join) => join.onTrue(),
    )
    .select([
      'k.not_shown',
      'r.case_id',
      'r.status',
      'r.given_name',
      'r.family_name',
      'r.level',
      'r.stage',
      'r.lead_name',
      'r.lead_organisation',
      'r.measures',
      (selector.organisationId !== undefined ? sql<string | null>`(select name from organisations where id = ${selector.organisationId})` : sql<string | null>`null`).as('organisation_name'),
      (selector.practitionerId !== undefined ? sql<string | null>`(select name from users where id = ${selector.practitionerId})` : sql<string | null>`null`).as('practitioner_name'),
      (selector.teamId !== undefined ? sql<string | null>`(select name from teams where id = ${selector.teamId})` : sql<string | null>`null`).as('team_name'),
    ])
    .$castTo<ListRow>()
    .execute();
  const first = rows[0];
  const cases = rows.flatMap((row): ListedCase[] => {
    if (row.case_id === null || row.status === null || row.level === null || row.stage === null) return [];
    return [
      {
        caseId: row.case_id,
        status: row.status,
        givenName: row.given_name,
        familyName: row.family_name,
        level: row.level,
        stage: row.stage,
        measures: row.measures ?? [],
        lead: row.lead_name !== null && row.lead_organisation !== null ? { name: row.lead_name, organisationName: row.lead_organisation } : null,
      },
    ];
  });
  const named = cases.length > 0 && first;
  return { cases, notShown: Number(first?.not_shown ?? 0), organisationName: named ? first.organisation_name : null, practitionerName: named ? first.practitioner_name : null, teamName: named ? first.team_name : null };
}
