// The links between accounts and their user ids at identity providers (migration 035): read at each
// sign-in through a provider, and asked for at a first one. An administrator approves a request
// (application/accounts/provider-links.ts); until then it signs nobody in.
import type { ProviderLink } from '../../../domain/shared/oidc-sign-in.ts';
import type { Queryable, Tx } from '../../../infrastructure/db/schema.ts';

function toLink(row: { user_id: string; subject: string; approved_at: Date | null } | undefined): ProviderLink | null {
  return row ? { userId: row.user_id, subject: row.subject, approved: row.approved_at !== null } : null;
}

const linkColumns = ['user_id', 'subject', 'approved_at'] as const;

export async function linkOfSubject(db: Queryable, provider: string, subject: string): Promise<ProviderLink | null> {
  return toLink(await db.selectFrom('user_provider_links').select(linkColumns).where('provider', '=', provider).where('subject', '=', subject).executeTakeFirst());
}

export async function linkOfAccount(db: Queryable, provider: string, userId: string): Promise<ProviderLink | null> {
  return toLink(await db.selectFrom('user_provider_links').select(linkColumns).where('provider', '=', provider).where('user_id', '=', userId).executeTakeFirst());
}

/** Asks to link the account to this id at the provider, in place of any request of either that waits. */
export async function requestLink(trx: Tx, request: { userId: string; provider: string; subject: string; email: string; at: Date }): Promise<void> {
  await trx
    .deleteFrom('user_provider_links')
    .where('provider', '=', request.provider)
    .where('approved_at', 'is', null)
    .where((eb) => eb.or([eb('subject', '=', request.subject), eb('user_id', '=', request.userId)]))
    .execute();
  await trx
    .insertInto('user_provider_links')
    .values({ user_id: request.userId, provider: request.provider, subject: request.subject, email: request.email, requested_at: request.at, approved_at: null, approved_by: null })
    // Two first sign-ins at once: the one that came second keeps the first's request.
    .onConflict((oc) => oc.doNothing())
    .execute();
}
