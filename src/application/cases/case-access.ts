// Gathers the facts for the access policy (domain/access) from the database and decides.
// Every use case that reads or changes a case starts here.
import { sql } from 'kysely';
import { decideCaseAccess, type CaseAccess, type TeamRole } from '../../domain/access/case-access.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';

export interface TeamMemberRow {
  caseId: string;
  userId: string;
  organisationId: string;
  role: TeamRole;
  disabledAt: Date | null;
  /** Where the member's alerts are sent. */
  email: string;
}

export interface EmergencyAccessRow {
  caseId: string;
  userId: string;
  expiresAt: Date;
}

/**
 * The facts the access policy needs for these cases, in one statement: each team (with each
 * member's organisation, in the order they joined) and the requester's own emergency access still running.
 */
export async function readAccessFacts(db: Queryable, caseIds: readonly string[], userId: string, now: Date): Promise<{ team: TeamMemberRow[]; breakGlass: EmergencyAccessRow[] }> {
  if (caseIds.length === 0) return { team: [], breakGlass: [] };
  const { rows } = await sql<{ caseId: string; userId: string; organisationId: string | null; role: TeamRole | null; disabledAt: Date | null; email: string | null; expiresAt: Date | null }>`
    SELECT case_team.case_id AS "caseId", case_team.user_id AS "userId", users.organisation_id AS "organisationId", case_team.role,
           users.disabled_at AS "disabledAt", users.email, NULL::timestamptz AS "expiresAt", case_team.added_at AS "addedAt"
      FROM case_team JOIN users ON users.id = case_team.user_id
     WHERE case_team.case_id IN (${sql.join(caseIds)})
    UNION ALL
    SELECT case_id, user_id, NULL, NULL, NULL, NULL, expires_at, NULL
      FROM break_glass_access
     WHERE case_id IN (${sql.join(caseIds)}) AND user_id = ${userId} AND expires_at > ${now}
     ORDER BY "addedAt", "userId"`.execute(db);
  return {
    team: rows.flatMap((row) => (row.expiresAt === null ? [{ caseId: row.caseId, userId: row.userId, organisationId: row.organisationId!, role: row.role!, disabledAt: row.disabledAt, email: row.email! }] : [])),
    breakGlass: rows.flatMap((row) => (row.expiresAt === null ? [] : [{ caseId: row.caseId, userId: row.userId, expiresAt: row.expiresAt }])),
  };
}

export async function loadCaseAccess(db: Queryable, actor: UserActor, caseId: string, now: Date): Promise<CaseAccess> {
  const { team, breakGlass } = await readAccessFacts(db, [caseId], actor.userId, now);
  return decideCaseAccess({
    requester: { userId: actor.userId, organisationId: actor.organisationId, role: actor.role },
    team,
    breakGlass,
    now,
  });
}

/** Who to contact about a case the requester may not open: its lead professional and their organisation. */
export async function caseContact(db: Queryable, caseId: string): Promise<{ name: string; organisation: string; email: string } | null> {
  const lead = await db
    .selectFrom('case_team')
    .innerJoin('users', 'users.id', 'case_team.user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.name', 'users.email', 'organisations.name as organisation'])
    .where('case_team.case_id', '=', caseId)
    .where('case_team.role', '=', 'lead-professional')
    .executeTakeFirst();
  return lead ?? null;
}
