// The practitioner behind a session or token, with their organisation, as pages and the API see them.
import type { Role } from '../../domain/shared/roles.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  /** An administrator made this account a data protection officer (migration 039): the menu offers subject access. */
  dataProtectionOfficer?: boolean;
  /** An administrator granted this account the partnership view (migration 031): the menu offers the reports. */
  partnershipView?: boolean;
}

/** An account with its organisation: the one select behind every sign-in and every signed-in request. */
function usersWithOrganisation(db: Queryable) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .leftJoin('data_protection_officers', 'data_protection_officers.user_id', 'users.id')
    .leftJoin('partnership_view_grants', 'partnership_view_grants.user_id', 'users.id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.password_hash',
      'users.disabled_at',
      'users.organisation_id',
      'organisations.name as organisation_name',
      'organisations.kind as organisation_kind',
      'data_protection_officers.user_id as officer_id',
      'partnership_view_grants.user_id as partnership_viewer_id',
    ]);
}

export function findActiveUser(db: Queryable, where: { id: string } | { email: string }) {
  const query = usersWithOrganisation(db);
  return ('id' in where ? query.where('users.id', '=', where.id) : query.where('users.email', '=', where.email)).executeTakeFirst();
}

type UserRow = NonNullable<Awaited<ReturnType<typeof findActiveUser>>>;

export function toSignedInUser(row: UserRow): SignedInUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationKind: row.organisation_kind,
    dataProtectionOfficer: row.officer_id !== null,
    partnershipView: row.partnership_viewer_id !== null,
  };
}

export function actorFor(user: SignedInUser, channel: UserActor['channel'], ip: string | null): UserActor {
  return { kind: 'user', userId: user.id, organisationId: user.organisationId, role: user.role, channel, ip };
}

export async function loadSignedInUser(db: Queryable, userId: string): Promise<SignedInUser | null> {
  const row = await findActiveUser(db, { id: userId });
  return row && row.disabled_at === null ? toSignedInUser(row) : null;
}

/** The practitioner a session belongs to, while their account is active. */
export async function sessionUser(ctx: AppContext, userId: string): Promise<SignedInUser | null> {
  return loadSignedInUser(ctx.db, userId);
}

/** Accounts with their organisation and how many of their alerts are open (the count every page's header shows). */
export function accountsWithOpenAlerts(db: Queryable) {
  return usersWithOrganisation(db).select((eb) =>
    eb
      .selectFrom('alert_recipients')
      .select(eb.fn.countAll<string>().as('open'))
      .whereRef('alert_recipients.user_id', '=', 'users.id')
      .where('alert_recipients.acknowledged_at', 'is', null)
      .as('open_alerts'),
  );
}

export type AccountWithOpenAlertsRow = NonNullable<Awaited<ReturnType<ReturnType<typeof accountsWithOpenAlerts>['executeTakeFirst']>>>;

export interface SessionAccount {
  user: SignedInUser;
  openAlerts: number;
}

/** The practitioner with their open alerts, while their account is active. */
export function activeSessionAccount(row: AccountWithOpenAlertsRow): SessionAccount | null {
  return row.disabled_at === null ? { user: toSignedInUser(row), openAlerts: Number(row.open_alerts ?? 0) } : null;
}

/**
 * What a signed-in page request asks first when the session did not bring it (session-storage.ts), in
 * one statement: the practitioner, while their account is active, and how many of their alerts are open.
 */
export async function sessionUserWithOpenAlerts(ctx: AppContext, userId: string): Promise<SessionAccount | null> {
  const row = await accountsWithOpenAlerts(ctx.db).where('users.id', '=', userId).executeTakeFirst();
  return row ? activeSessionAccount(row) : null;
}
