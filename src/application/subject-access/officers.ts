// Data protection officers (issue 21; docs/adr/0012): an administrator grants the duty to an account
// beside its role, or revokes it; both audited, as is every refusal. The grant keeps who gave it and
// when (migration 039). The use cases of subject access ask isDataProtectionOfficer first.
import { mayBeDataProtectionOfficer } from '../../domain/subject-access/officer.ts';
import { isRole } from '../../domain/shared/roles.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import { actorMay } from '../access.ts';
import type { Actor, UserActor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

export interface OfficerGrant {
  userId: string;
  name: string;
  email: string;
  organisationName: string;
  grantedAt: Date;
  grantedByName: string;
}

/** Whether an administrator has made this account a data protection officer. */
export async function isDataProtectionOfficer(db: Queryable, actor: Actor): Promise<boolean> {
  if (actor.kind !== 'user' || !mayBeDataProtectionOfficer(actor.role)) return false;
  return (await db.selectFrom('data_protection_officers').select('user_id').where('user_id', '=', actor.userId).executeTakeFirst()) !== undefined;
}

const ADMIN_ONLY = 'Only an administrator can make an account a data protection officer, or end it.';

async function refuse(ctx: AppContext, actor: UserActor, action: string, subjectId?: string) {
  await recordAuditAlone(ctx, actor, { action, outcome: 'denied', subjectType: 'user', ...(subjectId ? { subjectId } : {}) });
  return fail('forbidden' as const, ADMIN_ONLY);
}

export async function listOfficers(ctx: AppContext, actor: UserActor): Promise<Result<OfficerGrant[], 'forbidden'>> {
  const action = 'subject-access.officer.list';
  if (!actorMay(actor, 'manage-accounts')) return refuse(ctx, actor, action);
  const rows = await ctx.db
    .selectFrom('data_protection_officers')
    .innerJoin('users', 'users.id', 'data_protection_officers.user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.name', 'users.email', 'organisations.name as organisation_name', 'data_protection_officers.granted_at', 'data_protection_officers.granted_by_name'])
    .orderBy('users.name')
    .execute();
  await recordAuditAlone(ctx, actor, { action, subjectType: 'user', details: { accounts: rows.length } });
  return ok(rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, organisationName: r.organisation_name, grantedAt: r.granted_at, grantedByName: r.granted_by_name })));
}

export type OfficerGrantProblem = 'forbidden' | 'no-such-account' | 'administrator' | 'already-granted';

/** Makes the account with this email a data protection officer. */
export async function grantOfficer(ctx: AppContext, actor: UserActor, email: string): Promise<Result<{ userId: string }, OfficerGrantProblem>> {
  const action = 'subject-access.officer.grant';
  if (!actorMay(actor, 'manage-accounts')) return refuse(ctx, actor, action);
  return ctx.db.transaction().execute(async (trx) => {
    const [user, admin] = await Promise.all([
      trx.selectFrom('users').select(['id', 'role', 'disabled_at']).where('email', '=', email.trim()).executeTakeFirst(),
      trx.selectFrom('users').select('name').where('id', '=', actor.userId).executeTakeFirstOrThrow(),
    ]);
    if (!user || user.disabled_at !== null) return fail('no-such-account', 'There is no active account with that email address. Check the address, or add the account first.');
    if (isRole(user.role) && !mayBeDataProtectionOfficer(user.role)) return fail('administrator', 'An administrator cannot be a data protection officer. Choose the account of the person who answers requests for their data.');
    const inserted = await trx
      .insertInto('data_protection_officers')
      .values({ user_id: user.id, granted_at: ctx.clock.now(), granted_by: actor.userId, granted_by_name: admin.name })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!inserted) return fail('already-granted', 'That account is a data protection officer already.');
    await recordAudit(trx, ctx, actor, { action, subjectType: 'user', subjectId: user.id });
    return ok({ userId: user.id });
  });
}

export async function revokeOfficer(ctx: AppContext, actor: UserActor, userId: string): Promise<Result<null, 'forbidden' | 'not-found'>> {
  const action = 'subject-access.officer.revoke';
  if (!actorMay(actor, 'manage-accounts')) return refuse(ctx, actor, action, userId);
  return ctx.db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('data_protection_officers').where('user_id', '=', userId).returning('user_id').executeTakeFirst();
    if (!deleted) return fail('not-found', 'That account is not a data protection officer.');
    await recordAudit(trx, ctx, actor, { action, subjectType: 'user', subjectId: userId });
    return ok(null);
  });
}
