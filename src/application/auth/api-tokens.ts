// Bearer tokens for the API: issued to a user (CLI, or the API after email and password), expiring,
// stored only as a hash. A token acts as its user: same roles, same access, same audit.
import { newBearerToken, tokenHash } from '../../infrastructure/security/tokens.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';
import { findActiveUser, loadSignedInUser, type SignedInUser } from './signed-in-user.ts';

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** Issues a token inside the caller's transaction and audits it. */
export async function issueToken(trx: Tx, ctx: AppContext, actor: Actor, userId: string): Promise<IssuedToken> {
  const token = newBearerToken();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.config.apiTokenDays * 24 * 60 * 60_000);
  const id = ctx.newId();
  await trx.insertInto('api_tokens').values({ id, user_id: userId, token_hash: tokenHash(token), created_at: now, expires_at: expiresAt }).execute();
  await recordAudit(trx, ctx, actor, { action: 'api-token.create', subjectType: 'user', subjectId: userId, details: { tokenId: id, expiresAt: expiresAt.toISOString() } });
  return { token, expiresAt };
}

/** The CLI's `token create --email`: an operator issues a token for an existing, active account. */
export async function createTokenForEmail(ctx: AppContext, actor: Actor, email: string): Promise<Result<IssuedToken, 'unknown-user' | 'forbidden'>> {
  if (actor.kind !== 'operator') return fail('forbidden', 'Tokens for other people are issued at the command line.');
  const user = await findActiveUser(ctx.db, { email: email.trim() });
  if (!user || user.disabled_at !== null) return fail('unknown-user', `No active account for ${email}.`);
  return ok(await ctx.db.transaction().execute((trx) => issueToken(trx, ctx, actor, user.id)));
}

/** The user behind a bearer token, if the token exists, is not revoked and has not expired. */
export async function authenticateToken(ctx: AppContext, token: string): Promise<SignedInUser | null> {
  const row = await ctx.db
    .selectFrom('api_tokens')
    .select(['user_id', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.expires_at <= ctx.clock.now()) return null;
  return loadSignedInUser(ctx.db, row.user_id);
}
