// Who an alert reaches. Raised: every current member of the team around the family and its lead
// professional, each once. The person whose change raised it is listed too, acknowledged
// automatically (they know already; nobody is sent an email about their own entry). Escalated: the
// safeguarding leads of the organisations in the team, unless the alert already reached them; when no
// organisation in the team has a lead, the partnership's designated leads (ADR 0027); when there are
// none either, nobody, and that is said on the alert and to the administrators, never dropped.
import type { ReachedAs } from './alert.types.ts';

export interface TeamMemberFacts {
  userId: string;
  role: 'lead-professional' | 'member';
}

export interface Recipient {
  userId: string;
  reachedAs: ReachedAs;
  /** The person who raised it: acknowledged from the start, and sent nothing. */
  acknowledgedAutomatically: boolean;
}

/** The lead professional first, then the members in the order given; nobody twice. */
export function teamRecipients(team: readonly TeamMemberFacts[], raisedBy: string | null): Recipient[] {
  const leads = team.filter((m) => m.role === 'lead-professional');
  const members = team.filter((m) => m.role !== 'lead-professional');
  const seen = new Set<string>();
  const recipients: Recipient[] = [];
  for (const member of [...leads, ...members]) {
    if (seen.has(member.userId)) continue;
    seen.add(member.userId);
    recipients.push({
      userId: member.userId,
      reachedAs: member.role === 'lead-professional' ? 'lead-professional' : 'team-member',
      acknowledgedAutomatically: member.userId === raisedBy,
    });
  }
  return recipients;
}

/** The safeguarding leads not yet reached by the alert, each once. */
export function escalationRecipients(safeguardingLeadIds: readonly string[], alreadyReached: ReadonlySet<string>): Recipient[] {
  return [...new Set(safeguardingLeadIds)]
    .filter((userId) => !alreadyReached.has(userId))
    .map((userId) => ({ userId, reachedAs: 'safeguarding-lead', acknowledgedAutomatically: false }));
}

/** Where an escalation goes: the team's organisations' leads, else the partnership's designated leads, else nobody. */
export type EscalationRoute = { via: 'organisations' | 'partnership'; leadIds: string[] } | { via: 'nobody'; leadIds: [] };

export function escalationRoute(organisationLeadIds: readonly string[], partnershipLeadIds: readonly string[]): EscalationRoute {
  if (organisationLeadIds.length > 0) return { via: 'organisations', leadIds: [...new Set(organisationLeadIds)] };
  if (partnershipLeadIds.length > 0) return { via: 'partnership', leadIds: [...new Set(partnershipLeadIds)] };
  return { via: 'nobody', leadIds: [] };
}

/** Said on an alert whose escalation found nobody, and to the administrators. */
export const ESCALATION_UNREACHED =
  'Nobody acknowledged this alert in time and it could not be escalated: no organisation in the team around the family has a safeguarding lead, and the partnership has no designated safeguarding lead. An administrator has been told.';
