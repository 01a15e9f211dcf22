// The dashboard's numbers from its cases' rows (issue 16): cases by level and stage, by how far the
// profile is assessed, each measure, the same by organisation, by team (docs/adr/0019-teams.md) and by
// practitioner, and the cases opened month by month. Every number is the count of the cases a selector picks (selectCases), so
// the page can link each number to the list of exactly those cases.
import { CASE_LEVEL_IDS } from '../shared/case-levels.ts';
import { monthNumber } from '../shared/calendar-date.ts';
import { completenessBand, COMPLETENESS_BAND_IDS, type CompletenessBand } from './completeness.ts';
import type { DashboardCase, DashboardTeamMember } from './dashboard.types.ts';
import { MEASURE_IDS, measureCounts, type MeasureId } from './measures.ts';
import { stageOf, STAGE_IDS, type Stage } from './stage.ts';

/** Which cases a number counts: every condition given must hold. */
export interface CaseSelector {
  measure?: MeasureId;
  level?: string;
  stage?: Stage;
  completeness?: CompletenessBand;
  /** The month the record was made, YYYY-MM. */
  openedIn?: string;
  /** A member of this organisation is in the team. */
  organisationId?: string;
  /** This practitioner is in the team. */
  practitionerId?: string;
  /** Someone in this team of their organisation (docs/adr/0019-teams.md), as their team is now, is in the team around the family. */
  teamId?: string;
}

export function selectorMatches(c: DashboardCase, selector: CaseSelector, today: string): boolean {
  if (selector.measure !== undefined && !measureCounts(selector.measure, c)) return false;
  if (selector.level !== undefined && c.level !== selector.level) return false;
  if (selector.stage !== undefined && stageOf(c.status, c.dateOfBirth, today) !== selector.stage) return false;
  if (selector.completeness !== undefined && completenessBand(c.assessedRiskFactors, c.significantAdults) !== selector.completeness) return false;
  if (selector.openedIn !== undefined && !c.openedOn.startsWith(`${selector.openedIn}-`)) return false;
  if (selector.organisationId !== undefined && !c.team.some((m) => m.organisationId === selector.organisationId)) return false;
  if (selector.practitionerId !== undefined && !c.team.some((m) => m.userId === selector.practitionerId)) return false;
  if (selector.teamId !== undefined && !c.team.some((m) => m.teamId === selector.teamId)) return false;
  return true;
}

export function selectCases<C extends DashboardCase>(cases: readonly C[], selector: CaseSelector, today: string): C[] {
  return cases.filter((c) => selectorMatches(c, selector, today));
}

export type MeasureCounts = Record<MeasureId, number>;

export interface BreakdownRow {
  id: string;
  name: string;
  /** Cases with this organisation (or practitioner) in the team. */
  total: number;
  measures: MeasureCounts;
}

/** A team's row (docs/adr/0019-teams.md): its cases and measures, and the organisation it belongs to. */
export interface TeamBreakdownRow extends BreakdownRow {
  organisationId: string;
  organisationName: string;
}

/** A team as the dashboard names it, counted in or not. */
export type DashboardTeam = Omit<TeamBreakdownRow, 'total' | 'measures'>;

export interface TrendMonth {
  /** YYYY-MM. */
  month: string;
  opened: number;
  /** Of those opened that month, the cases showing a high or critical finding now. */
  serious: number;
}

export interface DashboardCounts {
  total: number;
  /** Levels in order from universal; levels no case has are kept, as zero rows. */
  levels: { level: string; total: number; stages: Record<Stage, number> }[];
  stages: Record<Stage, number>;
  completeness: Record<CompletenessBand, number>;
  measures: MeasureCounts;
  /** By organisation in the team, by name. A case with two organisations in its team counts for each. */
  organisations: BreakdownRow[];
  /** By practitioner of one organisation in the team, by name. A case counts for each of them. */
  practitioners: BreakdownRow[];
  /**
   * By team (ADR 0019), by organisation's name then team's: a case counts once in the team of each person
   * on the team around the family, as their team is now (someone who moves counts in the new team from
   * then on); a person in no team counts in none. The teams in use asked for are listed with no case too.
   */
  teams: TeamBreakdownRow[];
  /** The last `months` months to today's, oldest first. */
  trend: TrendMonth[];
}

export interface CountOptions {
  today: string;
  /** Whose practitioners the practitioner breakdown lists: the viewer's organisation. */
  practitionersOf: string;
  /** Whose people's teams the team breakdown counts: one organisation's (its own dashboard), or, left out, every organisation's. */
  teamsOf?: string;
  /** Teams listed even when no case counts in them: on an organisation's dashboard, its teams in use (an archived team is not). */
  teamsInUse?: readonly DashboardTeam[];
  /** Months of trend; 12 unless said. */
  months?: number;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function monthKey(month: number): string {
  const year = Math.floor(month / 12);
  return `${String(year).padStart(4, '0')}-${String(month - year * 12 + 1).padStart(2, '0')}`;
}

export function countDashboard(cases: readonly DashboardCase[], { today, practitionersOf, teamsOf, teamsInUse = [], months = 12 }: CountOptions): DashboardCounts {
  const levels = new Map<string, { total: number; stages: Record<Stage, number> }>(CASE_LEVEL_IDS.map((level) => [level, { total: 0, stages: zeros(STAGE_IDS) }]));
  const stages = zeros(STAGE_IDS);
  const completeness = zeros(COMPLETENESS_BAND_IDS);
  const measures = zeros(MEASURE_IDS);
  const organisations = new Map<string, BreakdownRow>();
  const practitioners = new Map<string, BreakdownRow>();
  const teams = new Map<string, TeamBreakdownRow>(teamsInUse.map((team) => [team.id, { ...team, total: 0, measures: zeros(MEASURE_IDS) }]));
  const thisMonth = monthNumber(today);
  const trend: TrendMonth[] = Array.from({ length: months }, (_, i) => ({ month: monthKey(thisMonth - months + 1 + i), opened: 0, serious: 0 }));
  const breakdown = (rows: Map<string, BreakdownRow>, id: string, name: string) => {
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { id, name, total: 0, measures: zeros(MEASURE_IDS) }));
    return row;
  };
  const teamRow = (m: DashboardTeamMember & { teamId: string }) => {
    let row = teams.get(m.teamId);
    if (!row) teams.set(m.teamId, (row = { id: m.teamId, name: m.teamName ?? '', organisationId: m.organisationId, organisationName: m.organisationName, total: 0, measures: zeros(MEASURE_IDS) }));
    return row;
  };
  const countsInTeam = (m: DashboardTeamMember): m is DashboardTeamMember & { teamId: string } => typeof m.teamId === 'string' && (teamsOf === undefined || m.organisationId === teamsOf);
  for (const c of cases) {
    const stage = stageOf(c.status, c.dateOfBirth, today);
    let level = levels.get(c.level);
    if (!level) levels.set(c.level, (level = { total: 0, stages: zeros(STAGE_IDS) }));
    level.total += 1;
    level.stages[stage] += 1;
    stages[stage] += 1;
    completeness[completenessBand(c.assessedRiskFactors, c.significantAdults)] += 1;
    const counted = MEASURE_IDS.filter((measure) => measureCounts(measure, c));
    const rows = [
      ...new Map(c.team.map((m) => [m.organisationId, breakdown(organisations, m.organisationId, m.organisationName)])).values(),
      ...new Map(c.team.filter((m) => m.organisationId === practitionersOf).map((m) => [m.userId, breakdown(practitioners, m.userId, m.name)])).values(),
      ...new Map(c.team.filter(countsInTeam).map((m) => [m.teamId, teamRow(m)])).values(),
    ];
    for (const row of rows) row.total += 1;
    for (const measure of counted) {
      measures[measure] += 1;
      for (const row of rows) row.measures[measure] += 1;
    }
    const month = trend[monthNumber(c.openedOn) - (thisMonth - months + 1)];
    if (month) {
      month.opened += 1;
      if (counted.includes('serious-finding')) month.serious += 1;
    }
  }
  const byName = (a: BreakdownRow, b: BreakdownRow) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  return {
    total: cases.length,
    levels: [...levels].map(([level, row]) => ({ level, ...row })),
    stages,
    completeness,
    measures,
    organisations: [...organisations.values()].sort(byName),
    practitioners: [...practitioners.values()].sort(byName),
    teams: [...teams.values()].sort((a, b) => a.organisationName.localeCompare(b.organisationName) || byName(a, b)),
    trend,
  };
}
