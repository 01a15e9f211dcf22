// The start of every change to cases: the cases' rows locked by one statement, in id order (two
// changes over the same cases cannot deadlock), the caller's access to each decided from one more
// (the teams and any emergency access), and a refusal returned for each case the caller may not
// change, with its audit event for the caller to append with the rest. What was read is handed on,
// so the rest of the change does not read the cases, the teams or the baby's name again.
import { decideCaseAccess, type AccessBasis } from '../../domain/access/case-access.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import type { AuditEvent } from '../audit.ts';
import { readAccessFacts } from './case-access.ts';

export interface TeamMemberForChange {
  userId: string;
  organisationId: string;
  role: 'lead-professional' | 'member';
  /** A switched-off account is still in the team but gets no alerts. */
  disabled: boolean;
}

export interface CaseForChange {
  id: string;
  level: string;
  /** Why the caller may change it: the lead professional, a team member or oversight. */
  basis: AccessBasis;
  /** May see restricted details (an address kept from the rest of the team). */
  canSeeRestricted: boolean;
  profileVersion: number;
  reviewedAt: Date | null;
  babyName: string;
  /** In the order they joined. */
  team: TeamMemberForChange[];
}

export interface CaseRefusal {
  code: 'not-found' | 'forbidden';
  message: string;
}

export interface LockedCases {
  cases: Map<string, CaseForChange>;
  refused: Map<string, CaseRefusal>;
  /** The refusals' audit events (a case that does not exist is not audited as a case). */
  refusalAudit: AuditEvent[];
}

const NOT_FOUND: CaseRefusal = { code: 'not-found', message: 'There is no case with this id.' };
const FORBIDDEN: CaseRefusal = { code: 'forbidden', message: 'Only the team around the family can change the profile.' };

export async function lockCasesForChange(trx: Tx, actor: UserActor, caseIds: readonly string[], action: string, now: Date): Promise<LockedCases> {
  const ids = [...new Set(caseIds)].sort();
  const locked: LockedCases = { cases: new Map(), refused: new Map(), refusalAudit: [] };
  if (ids.length === 0) return locked;
  const rows = await trx
    .selectFrom('cases')
    .select(['id', 'level', 'profile_version', 'profile_reviewed_at', 'status', 'given_name', 'family_name'])
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
  const found = rows.map((row) => row.id);
  const { team, breakGlass } = await readAccessFacts(trx, found, actor.userId, now);
  for (const id of ids) if (!found.includes(id)) locked.refused.set(id, NOT_FOUND);
  for (const row of rows) {
    const members = team.filter((member) => member.caseId === row.id).map((m) => ({ userId: m.userId, organisationId: m.organisationId, role: m.role, disabled: m.disabledAt !== null }));
    const access = decideCaseAccess({
      requester: { userId: actor.userId, organisationId: actor.organisationId, role: actor.role },
      team: members,
      breakGlass: breakGlass.filter((grant) => grant.caseId === row.id),
      now,
    });
    if (!access.allowed || !access.canChange) {
      locked.refused.set(row.id, FORBIDDEN);
      locked.refusalAudit.push({ action, outcome: 'denied', caseId: row.id, subjectType: 'case', subjectId: row.id });
      continue;
    }
    locked.cases.set(row.id, {
      id: row.id,
      level: row.level,
      basis: access.basis,
      canSeeRestricted: access.canSeeRestricted,
      profileVersion: row.profile_version,
      reviewedAt: row.profile_reviewed_at,
      babyName: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }),
      team: members,
    });
  }
  return locked;
}
