// Gathers the facts for the access policy (domain/access) from the database and decides.
// Every use case that reads or changes a case starts here.
import { decideCaseAccess, type CaseAccess } from '../../domain/access/case-access.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';

export async function loadCaseAccess(db: Queryable, actor: UserActor, caseId: string, now: Date): Promise<CaseAccess> {
  const team = await db
    .selectFrom('case_team')
    .innerJoin('users', 'users.id', 'case_team.user_id')
    .select(['case_team.user_id as userId', 'users.organisation_id as organisationId', 'case_team.role'])
    .where('case_team.case_id', '=', caseId)
    .execute();
  const breakGlass = await db
    .selectFrom('break_glass_access')
    .select(['user_id as userId', 'expires_at as expiresAt'])
    .where('case_id', '=', caseId)
    .where('user_id', '=', actor.userId)
    .where('expires_at', '>', now)
    .execute();
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
