// The partnership view (issue 16): an administrator grants an account the partnership's dashboard,
// or revokes it; both audited, as is a refusal. The grant keeps who gave it and when (migration 031).
import { mayHoldPartnershipView } from '../../domain/dashboards/dashboard-access.ts';
import { isRole } from '../../domain/shared/roles.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import { actorMay } from '../access.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

export interface PartnershipViewGrant {
  userId: string;
  name: string;
  email: string;
  organisationName: string;
  grantedAt: Date;
  grantedByName: string;
}

/** Whether an administrator has granted this account the partnership view. */
export async function hasPartnershipView(db: Queryable, userId: string): Promise<boolean> {
  return (await db.selectFrom('partnership_view_grants').select('user_id').where('user_id', '=', userId).executeTakeFirst()) !== undefined;
}

async function refuse(ctx: AppContext, actor: UserActor, action: string, subjectId?: string) {
  await recordAuditAlone(ctx, actor, { action, outcome: 'denied', subjectType: 'user', ...(subjectId ? { subjectId } : {}) });
  return fail('forbidden' as const, 'Only an administrator can grant or revoke the partnership view.');
}

export async function listPartnershipViews(ctx: AppContext, actor: UserActor): Promise<Result<PartnershipViewGrant[], 'forbidden'>> {
  if (!actorMay(actor, 'manage-accounts')) return refuse(ctx, actor, 'partnership-view.list');
  const rows = await ctx.db
    .selectFrom('partnership_view_grants')
    .innerJoin('users', 'users.id', 'partnership_view_grants.user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.name', 'users.email', 'organisations.name as organisation_name', 'partnership_view_grants.granted_at', 'partnership_view_grants.granted_by_name'])
    .orderBy('users.name')
    .execute();
  await recordAuditAlone(ctx, actor, { action: 'partnership-view.list', subjectType: 'user', details: { accounts: rows.length } });
  return ok(rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, organisationName: r.organisation_name, grantedAt: r.granted_at, grantedByName: r.granted_by_name })));
}

export type GrantProblem = 'forbidden' | 'no-such-account' | 'administrator' | 'already-granted';

/** Grants the view to the account with this email. */
export async function grantPartnershipView(ctx: AppContext, actor: UserActor, email: string): Promise<Result<{ userId: string }, GrantProblem>> {
  if (!actorMay(actor, 'manage-accounts')) return refuse(ctx, actor, 'partnership-view.grant');
  return ctx.db.transaction().execute(async (trx) => {
    const [user, admin] = await Promise.all([
      trx.selectFrom('users').select(['id', 'role', 'disabled_at']).where('email', '=', email.trim()).executeTakeFirst(),
      trx.selectFrom('users').select('name').where('id', '=', actor.userId).executeTakeFirstOrThrow(),
    ]);
    if (!user || user.disabled_at !== null) return fail('no-such-account', 'There is no active account with that email address. Check the address, or add the account first.');
    if (isRole(user.role) && !mayHoldPartnershipView(user.role)) return fail('administrator', 'An administrator works on no case, so cannot hold the partnership view. Choose a manager’s, a safeguarding lead’s or a practitioner’s account.');
    const inserted = await trx
      .insertInto('partnership_view_grants')
      .values({ user_id: user.id, granted_at: ctx.clock.now(), granted_by: actor.userId, granted_by_name: admin.name })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!inserted) return fail('already-granted', 'That account has the partnership view already.');
    await recordAudit(trx, ctx, actor, { action: 'partnership-view.grant', subjectType: 'user', subjectId: user.id });
    return ok({ userId: user.id });
  });
}

export async function revokePartnershipView(ctx: AppContext, actor: UserActor, userId: string): Promise<Result<null, 'forbidden' | 'not-found'>> {
  if (!actorMay(actor, 'manage-accounts')) return refuse(ctx, actor, 'partnership-view.revoke', userId);
  return ctx.db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('partnership_view_grants').where('user_id', '=', userId).returning('user_id').executeTakeFirst();
    if (!deleted) return fail('not-found', 'That account does not hold the partnership view.');
    await recordAudit(trx, ctx, actor, { action: 'partnership-view.revoke', subjectType: 'user', subjectId: userId });
    return ok(null);
  });
}
