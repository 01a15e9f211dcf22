// An administrator approves linking an account to its user id at an identity provider, asked for by
// the person's first sign-in through it, or removes a link (a request refused, or a link ended so that
// the person's next sign-in asks again). Each audited; a refusal too.
import { actorMay } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

export interface ProviderLinkListing {
  userId: string;
  name: string;
  accountEmail: string;
  provider: string;
  providerName: string;
  /** The address the provider gave when the link was asked for. */
  email: string;
  requestedAt: Date;
  approvedAt: Date | null;
}

type LinkChange = 'provider-link.approve' | 'provider-link.remove';

/** Every link and request, those waiting first, for the accounts page (whose reading is audited there). */
export async function providerLinks(ctx: AppContext): Promise<ProviderLinkListing[]> {
  const names = new Map(ctx.config.oidc.providers.map((provider) => [provider.id, provider.name]));
  const rows = await ctx.db
    .selectFrom('user_provider_links')
    .innerJoin('users', 'users.id', 'user_provider_links.user_id')
    .select(['user_provider_links.user_id', 'users.name', 'users.email as account_email', 'user_provider_links.provider', 'user_provider_links.email', 'user_provider_links.requested_at', 'user_provider_links.approved_at'])
    .orderBy((eb) => eb('user_provider_links.approved_at', 'is not', null))
    .orderBy('users.name')
    .execute();
  return rows.map((row) => ({
    userId: row.user_id,
    name: row.name,
    accountEmail: row.account_email,
    provider: row.provider,
    providerName: names.get(row.provider) ?? row.provider,
    email: row.email,
    requestedAt: row.requested_at,
    approvedAt: row.approved_at,
  }));
}

export async function approveProviderLink(ctx: AppContext, actor: Actor, userId: string, provider: string): Promise<Result<null, 'forbidden' | 'not-found'>> {
  if (!(await mayManage(ctx, actor, 'provider-link.approve', userId, provider))) return fail('forbidden', 'Only an administrator can approve single sign-on.');
  return ctx.db.transaction().execute(async (trx) => {
    const approved = await trx
      .updateTable('user_provider_links')
      .set({ approved_at: ctx.clock.now(), approved_by: actor.kind === 'user' ? actor.userId : 'operator' })
      .where('user_id', '=', userId)
      .where('provider', '=', provider)
      .where('approved_at', 'is', null)
      .returning('email')
      .executeTakeFirst();
    if (!approved) return fail('not-found', 'No sign-in through that provider is waiting for approval for that account.');
    await recordAudit(trx, ctx, actor, { action: 'provider-link.approve', subjectType: 'user', subjectId: userId, details: { provider, email: approved.email } });
    return ok(null);
  });
}

export async function removeProviderLink(ctx: AppContext, actor: Actor, userId: string, provider: string): Promise<Result<null, 'forbidden' | 'not-found'>> {
  if (!(await mayManage(ctx, actor, 'provider-link.remove', userId, provider))) return fail('forbidden', 'Only an administrator can remove a single sign-on link.');
  return ctx.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('user_provider_links').where('user_id', '=', userId).where('provider', '=', provider).returning(['email', 'approved_at']).executeTakeFirst();
    if (!removed) return fail('not-found', 'That account has no link to that provider.');
    await recordAudit(trx, ctx, actor, { action: 'provider-link.remove', subjectType: 'user', subjectId: userId, details: { provider, email: removed.email, wasApproved: removed.approved_at !== null } });
    return ok(null);
  });
}

async function mayManage(ctx: AppContext, actor: Actor, action: LinkChange, userId: string, provider: string): Promise<boolean> {
  if (actorMay(actor, 'manage-accounts')) return true;
  await recordAuditAlone(ctx, actor, { action, outcome: 'denied', subjectType: 'user', subjectId: userId, details: { provider } });
  return false;
}
