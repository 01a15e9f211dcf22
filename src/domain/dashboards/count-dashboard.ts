// The dashboard's numbers from its cases' rows (issue 16): cases by level and stage, by how far the
// profile is assessed, each measure, the same by organisation and by practitioner, and the cases
// opened month by month. Every number is the count of the cases a selector picks (selectCases), so
// the page can link each number to the list of exactly those cases.
import { CASE_LEVEL_IDS } from '../shared/case-levels.ts';
import { monthNumber } from '../shared/calendar-date.ts';
import { completenessBand, COMPLETENESS_BAND_IDS, type CompletenessBand } from './completeness.ts';
import type { DashboardCase } from './dashboard.types.ts';
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
  /** The last `months` months to today's, oldest first. */
  trend: TrendMonth[];
}

export interface CountOptions {
  today: string;
  /** Whose practitioners the practitioner breakdown lists: the viewer's organisation. */
  practitionersOf: string;
  /** Months of trend; 12 unless said. */
  months?: number;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function monthKey(month: number): string {
  const year = Math.floor(month / 12);
  return `${String(year).padStart(4, '0')}-${String(month - year * 12 + 1).padStart(2, '0')}`;
}

export function countDashboard(cases: readonly DashboardCase[], { today, practitionersOf, months = 12 }: CountOptions): DashboardCounts {
  const levels = new Map<string, { total: number; stages: Record<Stage, number> }>(CASE_LEVEL_IDS.map((level) => [level, { total: 0, stages: zeros(STAGE_IDS) }]));
  const stages = zeros(STAGE_IDS);
  const completeness = zeros(COMPLETENESS_BAND_IDS);
  const measures = zeros(MEASURE_IDS);
  const organisations = new Map<string, BreakdownRow>();
  const practitioners = new Map<string, BreakdownRow>();
  const thisMonth = monthNumber(today);
  const trend: TrendMonth[] = Array.from({ length: months }, (_, i) => ({ month: monthKey(thisMonth - months + 1 + i), opened: 0, serious: 0 }));
  const breakdown = (rows: Map<string, BreakdownRow>, id: string, name: string) => {
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { id, name, total: 0, measures: zeros(MEASURE_IDS) }));
    return row;
  };
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
    trend,
  };
}
