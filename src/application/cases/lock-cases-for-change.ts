// The start of every change to cases: the cases' rows locked by one statement, in id order (two
// changes over the same cases cannot deadlock), the caller's access to each decided from one more
// (the teams and any emergency access), and a refusal returned for each case the caller may not
// change, with its audit event for the caller to append with the rest. What was read is handed on,
// so the rest of the change does not read the cases, the teams or the baby's name again.
import { sql } from 'kysely';
import { decideCaseAccess, type AccessBasis, type TeamRole } from '../../domain/access/case-access.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import type { AuditEvent } from '../audit.ts';

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
  // One statement for the teams (each member's organisation, in the order they joined) and the caller's emergency access still running.
  const people =
    found.length === 0
      ? []
      : (
          await sql<{ caseId: string; userId: string; organisationId: string | null; role: TeamRole | null; disabledAt: Date | null; expiresAt: Date | null }>`
            SELECT case_team.case_id AS "caseId", case_team.user_id AS "userId", users.organisation_id AS "organisationId", case_team.role,
                   users.disabled_at AS "disabledAt", NULL::timestamptz AS "expiresAt", case_team.added_at AS "addedAt"
              FROM case_team JOIN users ON users.id = case_team.user_id
             WHERE case_team.case_id IN (${sql.join(found)})
            UNION ALL
            SELECT case_id, user_id, NULL, NULL, NULL, expires_at, NULL
              FROM break_glass_access
             WHERE case_id IN (${sql.join(found)}) AND user_id = ${actor.userId} AND expires_at > ${now}
             ORDER BY "addedAt", "userId"`.execute(trx)
        ).rows;
  const team = people.flatMap((row) => (row.expiresAt === null ? [{ case_id: row.caseId, userId: row.userId, organisationId: row.organisationId!, role: row.role!, disabled_at: row.disabledAt }] : []));
  const breakGlass = people.flatMap((row) => (row.expiresAt === null ? [] : [{ case_id: row.caseId, userId: row.userId, expiresAt: row.expiresAt }]));
  for (const id of ids) if (!found.includes(id)) locked.refused.set(id, NOT_FOUND);
  for (const row of rows) {
    const members = team.filter((member) => member.case_id === row.id).map((m) => ({ userId: m.userId, organisationId: m.organisationId, role: m.role, disabled: m.disabled_at !== null }));
    const access = decideCaseAccess({
      requester: { userId: actor.userId, organisationId: actor.organisationId, role: actor.role },
      team: members,
      breakGlass: breakGlass.filter((grant) => grant.case_id === row.id),
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
