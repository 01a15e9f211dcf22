// The dashboards (issue 16): a manager's or safeguarding lead's view of their organisation's cases,
// and the partnership's for an account an administrator granted it (dashboard-access.ts). The
// counts cover every case in scope; a list behind a number names only the cases the viewer may
// open and says how many more there are. Each look, each list, each download and each refusal is
// one audit entry (dashboards.view, dashboards.list, dashboards.export), the lists naming the cases shown.
// The numbers and the cases behind them are counted in SQL from the cases' summaries (ADR 0017), first
// working out again any summary of the dashboard's cases that is missing or stale; a list's rows are then
// read and worked out case by case, for the few cases it names.
import type { CaseSelector, DashboardCounts } from '../../domain/dashboards/count-dashboard.ts';
import { dashboardsFor, mayViewDashboard, type DashboardName, type DashboardViewer } from '../../domain/dashboards/dashboard-access.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';
import { refreshStaleSummaries } from './case-summaries.ts';
import { casesBehind, countDashboardInSql } from './dashboard-counts.ts';
import { readDashboardCases, type DashboardCaseRow } from './dashboard-rows.ts';
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

export interface DashboardList {
  name: DashboardName;
  selector: CaseSelector;
  /** The cases behind the number that the viewer may open, by name. */
  cases: DashboardCaseRow[];
  /** Cases behind the number the viewer may not open: counted, never named. */
  notShown: number;
  today: string;
}

type Refusal = 'forbidden';

/** The most cases a list reads by their ids. */
const LIST_BY_ID = 500;

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

/** The cases behind one number: `purpose` 'export' is the CSV download, audited as such. */
export async function listDashboardCases(ctx: AppContext, actor: UserActor, name: DashboardName, selector: CaseSelector, purpose: 'list' | 'export' = 'list'): Promise<Result<DashboardList, Refusal>> {
  const action = purpose === 'export' ? 'dashboards.export' : 'dashboards.list';
  const viewer = await allowedViewer(ctx, actor, name, action);
  if (!viewer) return fail('forbidden', REFUSAL[name]);
  await refreshStaleSummaries(ctx, { viewer, name });
  const behind = await casesBehind(ctx.db, viewer, name, selector, serviceToday(ctx.clock.now()));
  const named = new Set(behind.filter((c) => c.mayOpen).map((c) => c.caseId));
  // Named by id when few; a long list reads the dashboard's cases by its scope's join, as an id list that long is slow to test each row against.
  const read = await readDashboardCases(ctx, viewer, name, named.size <= LIST_BY_ID ? [...named] : undefined);
  const { today } = read;
  const cases = read.cases.filter((c) => named.has(c.caseId));
  const shown = cases.filter((c) => c.mayOpen).sort((a, b) => a.name.localeCompare(b.name) || a.caseId.localeCompare(b.caseId));
  const notShown = behind.length - shown.length;
  await recordAuditAlone(ctx, actor, { action, subjectType: 'dashboard', subjectId: name, details: { selector: { ...selector }, caseIds: shown.map((c) => c.caseId), notShown } });
  return ok({ name, selector, cases: shown, notShown, today });
}
