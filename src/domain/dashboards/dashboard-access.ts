// Who may see which dashboard, and which of its cases they may open (issue 16). A manager or a
// safeguarding lead sees their own organisation's: every case whose team includes a member of it (the
// cases they oversee, domain/access/case-access.ts). An account an administrator has granted the
// partnership view sees every case in the partnership, as counts: its lists name only the cases that
// account may open. A practitioner without that grant, and an administrator (who works on no
// case and cannot hold the grant), see neither.
import { decideCaseAccess, OVERSIGHT_ROLES, type Requester } from '../access/case-access.ts';
import type { Role } from '../shared/roles.ts';
import type { DashboardTeamMember } from './dashboard.types.ts';

export const DASHBOARD_NAMES = ['organisation', 'partnership'] as const;
export type DashboardName = (typeof DASHBOARD_NAMES)[number];

export function isDashboardName(value: string): value is DashboardName {
  return (DASHBOARD_NAMES as readonly string[]).includes(value);
}

export interface DashboardViewer extends Requester {
  /** An administrator granted this account the partnership view. */
  partnershipView: boolean;
}

/** An administrator may grant the partnership view to any account but an administrator's. */
export function mayHoldPartnershipView(role: Role): boolean {
  return role !== 'admin';
}

export function mayViewDashboard(viewer: DashboardViewer, name: DashboardName): boolean {
  if (name === 'organisation') return OVERSIGHT_ROLES.includes(viewer.role);
  return viewer.partnershipView && mayHoldPartnershipView(viewer.role);
}

/** The dashboards this viewer may see, the organisation's first. */
export function dashboardsFor(viewer: DashboardViewer): DashboardName[] {
  return DASHBOARD_NAMES.filter((name) => mayViewDashboard(viewer, name));
}

/** Whether a case is counted on this dashboard for this viewer. */
export function inDashboard(viewer: DashboardViewer, name: DashboardName, team: readonly Pick<DashboardTeamMember, 'organisationId'>[]): boolean {
  return name === 'partnership' || team.some((member) => member.organisationId === viewer.organisationId);
}

/** Whether the viewer may open the case, as the case access rule decides it (emergency access aside: a list is no emergency). */
export function mayOpenFromDashboard(viewer: DashboardViewer, team: readonly Pick<DashboardTeamMember, 'userId' | 'organisationId' | 'role'>[], now: Date): boolean {
  return decideCaseAccess({ requester: viewer, team, breakGlass: [], now }).allowed;
}
