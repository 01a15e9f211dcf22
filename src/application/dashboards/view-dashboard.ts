// The dashboards (issue 16): a manager's or safeguarding lead's view of their organisation's cases,
// and the partnership's for an account an administrator granted it (dashboard-access.ts). The
// counts cover every case in scope; a list behind a number names only the cases the viewer may
// open and says how many more there are. Each look, each list, each download and each refusal is
// one audit entry (dashboards.view, dashboards.list, dashboards.export), the lists naming the cases shown.
// The numbers and the lists behind them are read in SQL from the cases' summaries (ADR 0017), first
// working out again any summary of the dashboard's cases that is missing or stale: no case is evaluated
// to list it. A list is shown a page at a time (LIST_PAGE_SIZE); its download holds every case it names.
import type { CaseSelector, DashboardCounts } from '../../domain/dashboards/count-dashboard.ts';
import { dashboardsFor, mayViewDashboard, type DashboardName, type DashboardViewer } from '../../domain/dashboards/dashboard-access.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';
import { refreshStaleSummaries } from './case-summaries.ts';
import { countDashboardInSql, listCasesBehind } from './dashboard-counts.ts';
import type { MeasureId } from '../../domain/dashboards/measures.ts';
import type { Stage } from '../../domain/dashboards/stage.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { hasPartnershipView } from './partnership-view.ts';

export interface DashboardView {
  name: DashboardName;
  /** Every dashboard this viewer may see, for the links between them. */
  dashboards: DashboardName[];
  counts: DashboardCounts;
  /** Of the cases counted, those the viewer may open. */
  openable: number;
  today: string;
}

/** A case in a list behind a number, as the list shows it. */
export interface DashboardListCase {
  caseId: string;
  name: string;
  level: string;
  stage: Stage;
  /** The measures that count the case today, in the dashboard's order. */
  measures: MeasureId[];
  lead: { name: string; organisationName: string } | null;
}

export interface DashboardList {
  name: DashboardName;
  selector: CaseSelector;
  /** The cases behind the number that the viewer may open, by name: the page asked for, or every one of them for a download. */
  cases: DashboardListCase[];
  /** How many cases behind the number the viewer may open (on every page). */
  shown: number;
  /** Cases behind the number the viewer may not open: counted, never named. */
  notShown: number;
  /** The page given (1 for a download, which holds them all), of `pages`, and the place in the list of its first case (from 1). */
  page: number;
  pages: number;
  first: number;
  /** The names of the selector's organisation and practitioner, when a case is listed. */
  organisationName: string | null;
  practitionerName: string | null;
  teamName: string | null;
  today: string;
}

type Refusal = 'forbidden';

/** Cases on a page of a list. */
export const LIST_PAGE_SIZE = 100;

export interface ListOptions {
  /** 'export' is the CSV download (every case, audited as such); 'list' a page of them. */
  purpose?: 'list' | 'export';
  /** The page asked for, from 1: kept within the pages there are. */
  page?: number;
  pageSize?: number;
}

const REFUSAL: Record<DashboardName, string> = {
  organisation: 'The dashboards are for managers and safeguarding leads, who oversee their organisation’s cases. Ask your manager if you need the numbers.',
  partnership: 'The partnership’s dashboard is for accounts an administrator has granted the partnership view. Ask an administrator if you need it.',
};

export async function dashboardViewer(ctx: AppContext, actor: UserActor): Promise<DashboardViewer> {
  return { userId: actor.userId, organisationId: actor.organisationId, role: actor.role, partnershipView: await hasPartnershipView(ctx.db, actor.userId) };
}

/** The dashboards the caller may see (none for a practitioner without the partnership view): for links, not audited. */
export async function dashboardsOf(ctx: AppContext, actor: UserActor): Promise<DashboardName[]> {
  return dashboardsFor(await dashboardViewer(ctx, actor));
}

async function allowedViewer(ctx: AppContext, actor: UserActor, name: DashboardName, action: string): Promise<DashboardViewer | null> {
  const viewer = await dashboardViewer(ctx, actor);
  if (mayViewDashboard(viewer, name)) return viewer;
  await recordAuditAlone(ctx, actor, { action, outcome: 'denied', subjectType: 'dashboard', subjectId: name });
  return null;
}

export async function viewDashboard(ctx: AppContext, actor: UserActor, name: DashboardName): Promise<Result<DashboardView, Refusal>> {
  const viewer = await allowedViewer(ctx, actor, name, 'dashboards.view');
  if (!viewer) return fail('forbidden', REFUSAL[name]);
  const today = serviceToday(ctx.clock.now());
  await refreshStaleSummaries(ctx, { viewer, name });
  const { counts, openable } = await countDashboardInSql(ctx.db, viewer, name, today);
  await recordAuditAlone(ctx, actor, { action: 'dashboards.view', subjectType: 'dashboard', subjectId: name, details: { cases: counts.total, openable } });
  return ok({ name, dashboards: dashboardsFor(viewer), counts, openable, today });
}

/** The cases behind one number that the viewer may open, a page of them (or all, for the download), and how many more it may not. */
export async function listDashboardCases(ctx: AppContext, actor: UserActor, name: DashboardName, selector: CaseSelector, options: ListOptions = {}): Promise<Result<DashboardList, Refusal>> {
  const { purpose = 'list', pageSize = LIST_PAGE_SIZE } = options;
  const action = purpose === 'export' ? 'dashboards.export' : 'dashboards.list';
  const viewer = await allowedViewer(ctx, actor, name, action);
  if (!viewer) return fail('forbidden', REFUSAL[name]);
  await refreshStaleSummaries(ctx, { viewer, name });
  const today = serviceToday(ctx.clock.now());
  const listed = await listCasesBehind(ctx.db, viewer, name, selector, today);
  const all = listed.cases
    .map(({ caseId, status, givenName, familyName, level, stage, measures, lead }): DashboardListCase => ({ caseId, name: infantDisplayName({ status, givenName, familyName }), level, stage, measures, lead }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.caseId.localeCompare(b.caseId));
  const pages = purpose === 'export' ? 1 : Math.max(1, Math.ceil(all.length / pageSize));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pages);
  const cases = purpose === 'export' ? all : all.slice((page - 1) * pageSize, page * pageSize);
  const { notShown } = listed;
  await recordAuditAlone(ctx, actor, { action, subjectType: 'dashboard', subjectId: name, details: { selector: { ...selector }, caseIds: cases.map((c) => c.caseId), notShown, ...(pages > 1 ? { page, pages, shown: all.length } : {}) } });
  const first = purpose === 'export' ? 1 : (page - 1) * pageSize + 1;
  return ok({ name, selector, cases, shown: all.length, notShown, page, pages, first, organisationName: listed.organisationName, practitionerName: listed.practitionerName, teamName: listed.teamName, today });
}
