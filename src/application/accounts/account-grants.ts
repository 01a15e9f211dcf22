// A duty or view an administrator grants an account beside its role, each in a table of its own keyed
// by the account (who granted it and when): the partnership view (migration 031) and the data
// protection officer's duty (migration 039). Granting and revoking are audited, as is a refusal.
import { isRole, type Role } from '../../domain/shared/roles.ts';
import { actorMay } from '../access.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

export interface AccountGrantKind {
  table: 'partnership_view_grants' | 'data_protection_officers';
  actions: { list: string; grant: string; revoke: string };
  /** Which roles may hold it (never an administrator's). */
  mayHold(role: Role): boolean;
  words: { adminOnly: string; refusedRole: string; alreadyGranted: string; notHeld: string };
}

export type GrantProblem = 'forbidden' | 'no-such-account' | 'administrator' | 'already-granted';

/** Refuses someone who is not an administrator, audited. */
export async function refuseGrantWork(ctx: AppContext, actor: UserActor, action: string, adminOnly: string, subjectId?: string) {
  await recordAuditAlone(ctx, actor, { action, outcome: 'denied', subjectType: 'user', ...(subjectId ? { subjectId } : {}) });
  return fail('forbidden' as const, adminOnly);
}

export interface AccountGrant {
  userId: string;
  name: string;
  email: string;
  organisationName: string;
  grantedAt: Date;
  grantedByName: string;
}

/** The accounts holding it, by name, with who granted it and when. */
export async function listAccountGrants(ctx: AppContext, actor: UserActor, kind: AccountGrantKind): Promise<Result<AccountGrant[], 'forbidden'>> {
  if (!actorMay(actor, 'manage-accounts')) return refuseGrantWork(ctx, actor, kind.actions.list, kind.words.adminOnly);
  const rows = await ctx.db
    .selectFrom(kind.table)
    .innerJoin('users', 'users.id', 'user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.name', 'users.email', 'organisations.name as organisation_name', 'granted_at', 'granted_by_name'])
    .orderBy('users.name')
    .execute();
  await recordAuditAlone(ctx, actor, { action: kind.actions.list, subjectType: 'user', details: { accounts: rows.length } });
  return ok(rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, organisationName: r.organisation_name, grantedAt: r.granted_at, grantedByName: r.granted_by_name })));
}

/** Grants it to the active account with this email. */
export async function grantToAccount(ctx: AppContext, actor: UserActor, kind: AccountGrantKind, email: string): Promise<Result<{ userId: string }, GrantProblem>> {
  if (!actorMay(actor, 'manage-accounts')) return refuseGrantWork(ctx, actor, kind.actions.grant, kind.words.adminOnly);
  return ctx.db.transaction().execute(async (trx) => {
    const [user, admin] = await Promise.all([
      trx.selectFrom('users').select(['id', 'role', 'disabled_at']).where('email', '=', email.trim()).executeTakeFirst(),
      trx.selectFrom('users').select('name').where('id', '=', actor.userId).executeTakeFirstOrThrow(),
    ]);
    if (!user || user.disabled_at !== null) return fail('no-such-account', 'There is no active account with that email address. Check the address, or add the account first.');
    if (isRole(user.role) && !kind.mayHold(user.role)) return fail('administrator', kind.words.refusedRole);
    const inserted = await trx
      .insertInto(kind.table)
      .values({ user_id: user.id, granted_at: ctx.clock.now(), granted_by: actor.userId, granted_by_name: admin.name })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!inserted) return fail('already-granted', kind.words.alreadyGranted);
    await recordAudit(trx, ctx, actor, { action: kind.actions.grant, subjectType: 'user', subjectId: user.id });
    return ok({ userId: user.id });
  });
}

/** Takes it back from the account. */
export async function revokeFromAccount(ctx: AppContext, actor: UserActor, kind: AccountGrantKind, userId: string): Promise<Result<null, 'forbidden' | 'not-found'>> {
  if (!actorMay(actor, 'manage-accounts')) return refuseGrantWork(ctx, actor, kind.actions.revoke, kind.words.adminOnly, userId);
  return ctx.db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom(kind.table).where('user_id', '=', userId).returning('user_id').executeTakeFirst();
    if (!deleted) return fail('not-found', kind.words.notHeld);
    await recordAudit(trx, ctx, actor, { action: kind.actions.revoke, subjectType: 'user', subjectId: userId });
    return ok(null);
  });
}
