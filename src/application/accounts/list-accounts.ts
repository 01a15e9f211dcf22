// The partnership's organisations and practitioners, for the admin page. Reading them is audited.
import { actorMay } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';
import { providerLinks, type ProviderLinkListing } from './provider-links.ts';

export interface AccountListing {
  organisations: { id: string; name: string; kind: string; users: number }[];
  users: { id: string; email: string; name: string; role: string; organisationName: string; locked: boolean; disabled: boolean; twoFactor: boolean }[];
  /** Single sign-on links to identity providers, those waiting for approval first. */
  providerLinks: ProviderLinkListing[];
}

export async function listAccounts(ctx: AppContext, actor: Actor): Promise<Result<AccountListing, 'forbidden'>> {
  if (!actorMay(actor, 'manage-accounts')) {
    await recordAuditAlone(ctx, actor, { action: 'accounts.list', outcome: 'denied' });
    return fail('forbidden', 'Only an administrator can see all accounts.');
  }
  const now = ctx.clock.now();
  const organisations = await ctx.db
    .selectFrom('organisations')
    .leftJoin('users', 'users.organisation_id', 'organisations.id')
    .select(['organisations.id', 'organisations.name', 'organisations.kind', (eb) => eb.fn.count<string>('users.id').as('users')])
    .groupBy(['organisations.id', 'organisations.name', 'organisations.kind'])
    .orderBy('organisations.name')
    .execute();
  const users = await ctx.db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.disabled_at', 'organisations.name as organisation_name'])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('sign_in_throttle').select('sign_in_throttle.email').whereRef('sign_in_throttle.email', '=', 'users.email').where('sign_in_throttle.blocked_until', '>', now))
        .as('blocked'),
    )
    .select((eb) => eb.exists(eb.selectFrom('user_two_factor').select('user_two_factor.user_id').whereRef('user_two_factor.user_id', '=', 'users.id').where('user_two_factor.confirmed_at', 'is not', null)).as('two_factor'))
    .orderBy('organisations.name')
    .orderBy('users.name')
    .execute();
  await recordAuditAlone(ctx, actor, { action: 'accounts.list', details: { users: users.length } });
  return ok({
    organisations: organisations.map((o) => ({ ...o, users: Number(o.users) })),
    users: users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      organisationName: u.organisation_name,
      locked: Boolean(u.blocked),
      disabled: u.disabled_at !== null,
      twoFactor: Boolean(u.two_factor),
    })),
    providerLinks: await providerLinks(ctx),
  });
}
