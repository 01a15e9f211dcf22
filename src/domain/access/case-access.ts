// Need-to-know access to a case, decided from facts the caller gathers: who is asking, the team
// around the family, and any break-glass access. Pure: the clock comes in as `now`.
import type { Role } from '../shared/roles.ts';

export interface Requester {
  userId: string;
  organisationId: string;
  role: Role;
}

/** A practitioner's place in the team around the family: its lead professional, or a member. */
export const TEAM_ROLES = ['lead-professional', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export interface TeamMember {
  userId: string;
  organisationId: string;
  role: TeamRole;
}

/** A safeguarding lead's review of emergency access: it was appropriate, or it was not (and they follow it up). */
export const EMERGENCY_ACCESS_REVIEW_OUTCOMES = ['appropriate', 'not-appropriate'] as const;
export type EmergencyAccessReviewOutcome = (typeof EMERGENCY_ACCESS_REVIEW_OUTCOMES)[number];

export interface BreakGlassGrant {
  userId: string;
  expiresAt: Date;
}

export interface CaseAccessFacts {
  requester: Requester;
  team: readonly TeamMember[];
  breakGlass: readonly BreakGlassGrant[];
  now: Date;
}

/** Why access was given: each basis is shown to the user and written to the audit trail. */
export type AccessBasis = 'lead-professional' | 'team-member' | 'organisation-oversight' | 'break-glass';

export type CaseAccess =
  | { allowed: false }
  | { allowed: true; basis: AccessBasis; canChange: boolean; canSeeRestricted: boolean; breakGlassExpiresAt?: Date };

/** Roles that oversee every case their organisation works on. */
export const OVERSIGHT_ROLES: readonly Role[] = ['safeguarding-lead', 'manager'];

export function decideCaseAccess({ requester, team, breakGlass, now }: CaseAccessFacts): CaseAccess {
  const membership = team.find((member) => member.userId === requester.userId);
  if (membership?.role === 'lead-professional') {
    return { allowed: true, basis: 'lead-professional', canChange: true, canSeeRestricted: true };
  }
  const oversees = OVERSIGHT_ROLES.includes(requester.role) && team.some((member) => member.organisationId === requester.organisationId);
  if (oversees) return { allowed: true, basis: 'organisation-oversight', canChange: true, canSeeRestricted: true };
  if (membership) return { allowed: true, basis: 'team-member', canChange: true, canSeeRestricted: false };
  const grant = activeBreakGlass(breakGlass, requester.userId, now);
  if (grant) return { allowed: true, basis: 'break-glass', canChange: false, canSeeRestricted: false, breakGlassExpiresAt: grant.expiresAt };
  return { allowed: false };
}

export function activeBreakGlass(grants: readonly BreakGlassGrant[], userId: string, now: Date): BreakGlassGrant | undefined {
  return grants
    .filter((grant) => grant.userId === userId && grant.expiresAt.getTime() > now.getTime())
    .sort((a, b) => b.expiresAt.getTime() - a.expiresAt.getTime())[0];
}

/**
 * Who may open a record in an emergency when outside its team: those who work with families. An
 * administrator's role gives no access to families' records, in an emergency or not.
 */
export function mayOpenInEmergency(role: Role): boolean {
  return role !== 'admin';
}

/** Who may add or remove practitioners in the team: the lead professional and organisation oversight. */
export function mayManageTeam(access: CaseAccess): boolean {
  return access.allowed && (access.basis === 'lead-professional' || access.basis === 'organisation-oversight');
}
