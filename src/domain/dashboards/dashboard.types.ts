// The facts a dashboard counts, one plain row per case (issue 16). The application reads them in a
// few statements and works out the review and the clocks with their own domain rules before they
// come here; everything after is counting, done by the functions beside this file.
import type { Severity } from '../catalogue/finding-definitions.ts';
import type { DecisionInView } from '../profile/escalation.ts';
import type { ReviewState } from '../profile/review-schedule.ts';
import type { TeamRole } from '../access/case-access.ts';

export interface DashboardTeamMember {
  userId: string;
  name: string;
  organisationId: string;
  organisationName: string;
  role: TeamRole;
  /** Their team within their organisation as it is now (docs/adr/0019-teams.md): null for none; left out where not read. */
  teamId?: string | null;
  /** That team's name, beside teamId. */
  teamName?: string | null;
}

export interface DashboardCase {
  caseId: string;
  status: 'unborn' | 'born';
  dateOfBirth: string | null;
  level: string;
  /** The service's day the record was made. */
  openedOn: string;
  /** The team around the family. */
  team: readonly DashboardTeamMember[];
  /** The findings of the profile's latest version, as it stored them (not evaluated again). */
  findings: readonly { id: string; severity: Severity }[];
  /** Escalation decisions with the findings each had in view. */
  decisions: readonly DecisionInView[];
  /** When the profile was last marked reviewed (ISO date-time), or null. */
  lastReviewedAt: string | null;
  /** The review's state today (profile/review-schedule.ts). */
  review: ReviewState;
  /** A running clock is past its day today (timescales/clock-urgency.ts). */
  clockOverdue: boolean;
  /** Alerts raised on the case that nobody it reached has taken up (alerts/escalation.ts). */
  alertsNotTakenUp: number;
  /** Risk factors assessed by hand (excluded, present or cannot be assessed), derived factors aside. */
  assessedRiskFactors: number;
  /** Significant adults in the record (profile/profile-subjects.ts), each with every adult factor. */
  significantAdults: number;
}
