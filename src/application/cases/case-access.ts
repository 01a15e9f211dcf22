// Gathers the facts for the access policy (domain/access) from the database and decides.
// Every use case that reads or changes a case starts here.
import { sql, type RawBuilder } from 'kysely';
import { decideCaseAccess, type CaseAccess, type TeamRole } from '../../domain/access/case-access.ts';
import { compiledOnce } from '../../infrastructure/db/compiled-once.ts';
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

/** The access policy's facts for some cases, as the statement of accessFactsRows gives them. */
export interface AccessFacts {
  team: TeamMemberRow[];
  breakGlass: EmergencyAccessRow[];
}

/** A row of accessFactsRows: a member of a team, or (with its expiry) the requester's emergency access. */
export interface AccessFactsRow {
  caseId: string;
  userId: string;
  organisationId: string | null;
  role: TeamRole | null;
  disabledAt: Date | null;
  email: string | null;
  expiresAt: Date | null;
  addedAt: Date | null;
}

/**
 * The facts the access policy needs for these cases, as rows of one query: each team (with each
 * member's organisation) and the requester's own emergency access still running. Unordered, for a
 * caller to send alone (readAccessFacts) or with reads of its own (write-entries-together.ts), ordered
 * by ACCESS_FACTS_ORDER: each team in the order they joined.
 */
export function accessFactsRows(caseIds: readonly string[], userId: string, now: Date): RawBuilder<AccessFactsRow> {
  return sql<AccessFactsRow>`
    SELECT case_team.case_id AS "caseId", case_team.user_id AS "userId", users.organisation_id AS "organisationId", case_team.role,
           users.disabled_at AS "disabledAt", users.email, NULL::timestamptz AS "expiresAt", case_team.added_at AS "addedAt"
      FROM case_team JOIN users ON users.id = case_team.user_id
     WHERE case_team.case_id IN (${sql.join(caseIds)})
    UNION ALL
    SELECT case_id, user_id, NULL, NULL, NULL, NULL, expires_at, NULL
      FROM break_glass_access
     WHERE case_id IN (${sql.join(caseIds)}) AND user_id = ${userId} AND expires_at > ${now}`;
}

/** The order of accessFactsRows' rows (by its columns' names): each team in the order they joined. */
export const ACCESS_FACTS_ORDER = sql`"addedAt", "userId"`;

/** The rows, in ACCESS_FACTS_ORDER, as the policy's facts. */
export function accessFactsOf(rows: readonly AccessFactsRow[]): AccessFacts {
  return {
    team: rows.flatMap((row) => (row.expiresAt === null ? [{ caseId: row.caseId, userId: row.userId, organisationId: row.organisationId!, role: row.role!, disabledAt: row.disabledAt, email: row.email! }] : [])),
    breakGlass: rows.flatMap((row) => (row.expiresAt === null ? [] : [{ caseId: row.caseId, userId: row.userId, expiresAt: row.expiresAt }])),
  };
}

/** The facts the access policy needs for these cases, in one statement. */
export async function readAccessFacts(db: Queryable, caseIds: readonly string[], userId: string, now: Date): Promise<AccessFacts> {
  if (caseIds.length === 0) return { team: [], breakGlass: [] };
  const { rows } = await sql<AccessFactsRow>`${accessFactsRows(caseIds, userId, now)} ORDER BY ${ACCESS_FACTS_ORDER}`.execute(db);
  return accessFactsOf(rows);
}

/**
 * readAccessFacts' statement for one case, compiled once (compiledOnce): every case page checks access
 * first, and building the statement again on each call was about a seventh of the call's Node time.
 */
const oneCaseAccessFacts = compiledOnce((db: Queryable, caseId: string, userId: string, now: Date) => ({
  compile: () => sql<AccessFactsRow>`${accessFactsRows([caseId], userId, now)} ORDER BY ${ACCESS_FACTS_ORDER}`.compile(db),
}));

/** Whether the actor may open the case at all, now (the API's answer to a case the caller may not see: src/api/v1/unseen-case.ts). */
export async function mayOpenCase(ctx: { db: Queryable; clock: { now(): Date } }, actor: UserActor, caseId: string): Promise<boolean> {
  return (await loadCaseAccess(ctx.db, actor, caseId, ctx.clock.now())).allowed;
}

export async function loadCaseAccess(db: Queryable, actor: UserActor, caseId: string, now: Date): Promise<CaseAccess> {
  const { team, breakGlass } = accessFactsOf(await oneCaseAccessFacts(db, caseId, actor.userId, now));
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
