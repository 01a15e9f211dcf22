// Gathers the facts for the access policy (domain/access) from the database and decides.
// Every use case that reads or changes a case starts here.
import { sql } from 'kysely';
import { decideCaseAccess, type CaseAccess, type TeamRole } from '../../domain/access/case-access.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';

export async function loadCaseAccess(db: Queryable, actor: UserActor, caseId: string, now: Date): Promise<CaseAccess> {
  // One statement: the team (with each member's organisation) and the requester's own emergency access still running.
  const { rows } = await sql<{ userId: string; organisationId: string | null; role: TeamRole | null; expiresAt: Date | null }>`
    SELECT case_team.user_id AS "userId", users.organisation_id AS "organisationId", case_team.role, NULL::timestamptz AS "expiresAt"
      FROM case_team JOIN users ON users.id = case_team.user_id
     WHERE case_team.case_id = ${caseId}
    UNION ALL
    SELECT user_id, NULL, NULL, expires_at
      FROM break_glass_access
     WHERE case_id = ${caseId} AND user_id = ${actor.userId} AND expires_at > ${now}`.execute(db);
  const team = rows.flatMap((row) => (row.expiresAt === null ? [{ userId: row.userId, organisationId: row.organisationId!, role: row.role! }] : []));
  const breakGlass = rows.flatMap((row) => (row.expiresAt === null ? [] : [{ userId: row.userId, expiresAt: row.expiresAt }]));
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
