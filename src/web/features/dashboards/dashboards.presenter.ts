// Puts a dashboard into words and links for its pages (issue 16): each number with the address of
// the list of cases behind it, each chart as an SVG with its numbers in a table beside it, and a
// list's selector read from and written to the address's query.
import type { DashboardList, DashboardListCase, DashboardView } from '../../../application/dashboards/view-dashboard.ts';
import { COMPLETENESS_BAND_IDS, COMPLETENESS_BANDS, isCompletenessBand } from '../../../domain/dashboards/completeness.ts';
import type { BreakdownRow, CaseSelector } from '../../../domain/dashboards/count-dashboard.ts';
import type { DashboardName } from '../../../domain/dashboards/dashboard-access.ts';
import { isMeasureId, MEASURE_IDS, MEASURES } from '../../../domain/dashboards/measures.ts';
import { isStage, STAGE_IDS, STAGES } from '../../../domain/dashboards/stage.ts';
import { caseLevelLabel, isCaseLevel } from '../../../domain/shared/case-levels.ts';
import { MONTH_NAMES } from '../../../domain/shared/calendar-date.ts';
import { paginationLinks } from '../chronology/chronology-pages.ts';
import { barsInWords, renderBarChart } from './bar-chart.ts';

export const DASHBOARD_TITLES: Record<DashboardName, string> = {
  organisation: 'Your organisation’s dashboard',
  partnership: 'The partnership’s dashboard',
};

export function dashboardPath(name: DashboardName): string {
  return name === 'organisation' ? '/dashboards' : '/dashboards/partnership';
}

const SELECTOR_KEYS = ['measure', 'level', 'stage', 'completeness', 'openedIn', 'organisationId', 'practitionerId', 'teamId'] as const;

export function listHref(name: DashboardName, selector: CaseSelector, format: 'page' | 'csv' = 'page', page = 1): string {
  const query = new URLSearchParams();
  for (const key of SELECTOR_KEYS) {
    const value = selector[key];
    if (value !== undefined) query.set(key, value);
  }
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return `/dashboards/${name}/cases${format === 'csv' ? '.csv' : ''}${text ? `?${text}` : ''}`;
}

/** What each part of a list's address is called in the words of a page. */
const SELECTOR_WORDS: Record<(typeof SELECTOR_KEYS)[number], string> = {
  measure: 'measure',
  level: 'level',
  stage: 'stage',
  completeness: 'completeness',
  openedIn: 'month opened',
  organisationId: 'organisation',
  practitionerId: 'practitioner',
  teamId: 'team',
};

/** Whether `value` is one the dashboard knows for the part `key` of a list's address. */
function known(key: (typeof SELECTOR_KEYS)[number], value: string): boolean {
  if (key === 'measure') return isMeasureId(value);
  if (key === 'level') return isCaseLevel(value);
  if (key === 'stage') return isStage(value);
  if (key === 'completeness') return isCompletenessBand(value);
  if (key === 'openedIn') return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
  return value.length <= 100;
}

/**
 * The selector in a list's address, and in words each part of it that is not one the dashboard knows
 * ("the level “bogus”"), left out of the selector so the page can say so rather than refuse.
 */
export function readSelector(query: Record<string, unknown>): { selector: CaseSelector; unknown: string[] } {
  const selector: Record<string, string> = {};
  const unknown: string[] = [];
  for (const key of SELECTOR_KEYS) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    if (typeof value === 'string' && known(key, value)) selector[key] = value;
    else unknown.push(`the ${SELECTOR_WORDS[key]} “${typeof value === 'string' && value.length <= 100 ? value : 'not readable'}”`);
  }
  return { selector, unknown };
}

/** "The address asks for the level “bogus”, which this dashboard does not know: ..." */
export function unknownFiltersInWords(unknown: readonly string[]): string | null {
  if (unknown.length === 0) return null;
  const list = unknown.length === 1 ? unknown[0]! : `${unknown.slice(0, -1).join(', ')} and ${unknown.at(-1)!}`;
  return `The address asks for ${list}, which this dashboard does not know: ${unknown.length === 1 ? 'it is' : 'they are'} left out, so this list is not narrowed by ${unknown.length === 1 ? 'it' : 'them'}. Choose a list from the dashboard to narrow it.`;
}

function monthInWords(month: string): string {
  const [year, number] = month.split('-');
  return `${MONTH_NAMES[Number(number) - 1]!} ${year!}`;
}

/** The selector in words, for the list's heading: "Hidden risk, Child in need, under 6 months". */
export function selectorInWords(selector: CaseSelector, names: { organisation?: string; practitioner?: string; team?: string } = {}): string {
  const parts = [
    selector.measure && MEASURES[selector.measure].title,
    selector.level && caseLevelLabel(selector.level),
    selector.stage && STAGES[selector.stage],
    selector.completeness && COMPLETENESS_BANDS[selector.completeness],
    selector.openedIn && `opened in ${monthInWords(selector.openedIn)}`,
    selector.organisationId && `with ${names.organisation ?? 'the organisation'} in the team`,
    selector.practitionerId && `with ${names.practitioner ?? 'the practitioner'} in the team`,
    selector.teamId && `with someone of ${names.team ?? 'the team'} in the team`,
  ].filter((part): part is string => typeof part === 'string' && part.length > 0);
  return parts.length ? parts.join(', ') : 'Every case';
}

const cell = (count: number, href: string) => ({ count, href });

function breakdown(name: DashboardName, rows: readonly BreakdownRow[], key: 'organisationId' | 'practitionerId' | 'teamId') {
  return rows.map((row) => ({
    name: row.name,
    total: cell(row.total, listHref(name, { [key]: row.id })),
    measures: MEASURE_IDS.map((measure) => cell(row.measures[measure], listHref(name, { [key]: row.id, measure }))),
  }));
}

export function presentDashboard(view: DashboardView) {
  const { name, counts } = view;
  const measures = MEASURE_IDS.map((measure) => ({ id: measure, title: MEASURES[measure].title, why: MEASURES[measure].why, ...cell(counts.measures[measure], listHref(name, { measure })) }));
  const measureBars = measures.map((m) => ({ label: m.title, value: m.count }));
  const levelBars = counts.levels.map((l) => ({ label: caseLevelLabel(l.level), value: l.total }));
  const completenessRows = COMPLETENESS_BAND_IDS.map((band) => ({ title: COMPLETENESS_BANDS[band], ...cell(counts.completeness[band], listHref(name, { completeness: band })) }));
  const trendBars = counts.trend.map((m) => ({ label: monthInWords(m.month), value: m.opened }));
  return {
    title: DASHBOARD_TITLES[name],
    name,
    others: view.dashboards.filter((other) => other !== name).map((other) => ({ title: DASHBOARD_TITLES[other], href: dashboardPath(other) })),
    total: cell(counts.total, listHref(name, {})),
    openable: view.openable,
    measures,
    measureChart: renderBarChart({ id: 'measures', title: 'Cases needing attention, by measure', description: barsInWords(measureBars), bars: measureBars }),
    stages: STAGE_IDS.map((stage) => ({ id: stage, title: STAGES[stage], ...cell(counts.stages[stage], listHref(name, { stage })) })),
    levels: counts.levels.map((l) => ({
      title: caseLevelLabel(l.level),
      total: cell(l.total, listHref(name, { level: l.level })),
      stages: STAGE_IDS.map((stage) => cell(l.stages[stage], listHref(name, { level: l.level, stage }))),
    })),
    levelChart: renderBarChart({ id: 'levels', title: 'Cases by level of support', description: barsInWords(levelBars), bars: levelBars }),
    completeness: completenessRows,
    completenessChart: renderBarChart({
      id: 'completeness',
      title: 'Profiles by how far their risk factors are assessed',
      description: barsInWords(completenessRows.map((r) => ({ label: r.title, value: r.count }))),
      bars: completenessRows.map((r) => ({ label: r.title, value: r.count })),
    }),
    measureHeadings: MEASURE_IDS.map((measure) => MEASURES[measure].title),
    organisations: breakdown(name, counts.organisations, 'organisationId'),
    practitioners: breakdown(name, counts.practitioners, 'practitionerId'),
    // The partnership's teams are every organisation's: each named with its organisation.
    teams: breakdown(name, name === 'partnership' ? counts.teams.map((t) => ({ ...t, name: `${t.name} (${t.organisationName})` })) : counts.teams, 'teamId'),
    trend: counts.trend.map((m) => ({
      month: monthInWords(m.month),
      opened: cell(m.opened, listHref(name, { openedIn: m.month })),
      serious: cell(m.serious, listHref(name, { openedIn: m.month, measure: 'serious-finding' })),
    })),
    trendChart: renderBarChart({ id: 'trend', title: 'Cases opened, month by month', description: barsInWords(trendBars), bars: trendBars }),
  };
}

/** What a list shows of each case; the CSV has the same columns. */
function caseColumns(c: DashboardListCase) {
  return {
    name: c.name,
    level: caseLevelLabel(c.level),
    stage: STAGES[c.stage],
    lead: c.lead ? `${c.lead.name}, ${c.lead.organisationName}` : 'No lead professional',
    attention: c.measures.filter((m) => m !== 'serious-finding').map((m) => MEASURES[m].title),
  };
}

export const CSV_HEADER = ['Case', 'Baby', 'Level', 'Stage', 'Lead professional', 'Needs attention'] as const;

export function csvRows(list: DashboardList): string[][] {
  return list.cases.map((c) => {
    const columns = caseColumns(c);
    return [c.caseId, columns.name, columns.level, columns.stage, columns.lead, columns.attention.join('; ')];
  });
}

export function presentList(list: DashboardList) {
  const { organisationName, practitionerName, teamName } = list;
  return {
    title: selectorInWords(list.selector, { ...(organisationName ? { organisation: organisationName } : {}), ...(practitionerName ? { practitioner: practitionerName } : {}), ...(teamName ? { team: teamName } : {}) }),
    dashboardTitle: DASHBOARD_TITLES[list.name],
    backLink: dashboardPath(list.name),
    csvHref: listHref(list.name, list.selector, 'csv'),
    shown: list.shown,
    notShown: list.notShown,
    range: list.pages > 1 ? { first: list.first, last: list.first + list.cases.length - 1 } : null,
    pagination: paginationLinks(list.page, list.pages, (page) => listHref(list.name, list.selector, 'page', page)),
    cases: list.cases.map((c) => ({ href: `/cases/${c.caseId}`, ...caseColumns(c) })),
  };
}
