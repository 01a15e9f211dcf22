// Bearer tokens for the API: issued to a user (CLI, the API after email and password, or the user's
// own tokens page), named, scoped (read, write, feed), expiring, stored only as a hash, listed and
// revoked by their owner. A token acts as its user, within its scopes: never more than the user may do.
import { scopesFromText, scopesText, TOKEN_SCOPES, type TokenScope } from '../../domain/shared/token-scopes.ts';
import { newBearerToken, tokenHash } from '../../infrastructure/security/tokens.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { Actor, UserActor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import { namedCase } from '../audit/record-refused-request.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';
import { actorFor, findActiveUser, loadSignedInUser, type SignedInUser } from './signed-in-user.ts';
import { signIn, type SignInFailure, type SignInInput } from './sign-in.ts';
import { checkSecondFactor, type SecondFactorFailure } from './two-factor.ts';

export interface IssuedToken {
  id: string;
  token: string;
  name: string;
  scopes: TokenScope[];
  expiresAt: Date;
}

export interface TokenRequest {
  name?: string;
  scopes?: readonly TokenScope[];
}

export interface OwnToken {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** Issues a token inside the caller's transaction and audits it. Every scope unless fewer are asked for. */
export async function issueToken(trx: Tx, ctx: AppContext, actor: Actor, userId: string, request: TokenRequest = {}): Promise<IssuedToken> {
  const token = newBearerToken();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.config.apiTokenDays * 24 * 60 * 60_000);
  const id = ctx.newId();
  const scopes = scopesFromText(scopesText(request.scopes?.length ? request.scopes : TOKEN_SCOPES));
  const name = request.name?.trim() || 'API token';
  await trx.insertInto('api_tokens').values({ id, user_id: userId, token_hash: tokenHash(token), created_at: now, expires_at: expiresAt, scopes: scopesText(scopes), name }).execute();
  await recordAudit(trx, ctx, actor, { action: 'api-token.create', subjectType: 'user', subjectId: userId, details: { tokenId: id, scopes, expiresAt: expiresAt.toISOString() } });
  return { id, token, name, scopes, expiresAt };
}

/** The CLI's `token create --email`: an operator issues a token for an existing, active account. */
export async function createTokenForEmail(ctx: AppContext, actor: Actor, email: string, request: TokenRequest = {}): Promise<Result<IssuedToken, 'unknown-user' | 'forbidden'>> {
  if (actor.kind !== 'operator') return fail('forbidden', 'Tokens for other people are issued at the command line.');
  const user = await findActiveUser(ctx.db, { email: email.trim() });
  if (!user || user.disabled_at !== null) return fail('unknown-user', `No active account for ${email}.`);
  return ok(await ctx.db.transaction().execute((trx) => issueToken(trx, ctx, actor, user.id, request)));
}

export type TokenSignInFailure = SignInFailure | SecondFactorFailure | 'code-needed' | 'set-up-needed';

/**
 * The API's POST /tokens sign-in: the email and password (signIn, which throttles and audits), then,
 * when the account has two-factor sign-in, `otp` (an app's code or a recovery code) as on the code
 * page. An account that must have it and has none is refused until its owner sets it up on the web.
 */
export async function signInForToken(ctx: AppContext, input: Omit<SignInInput, 'channel'> & { otp: string | undefined }): Promise<Result<SignedInUser, TokenSignInFailure>> {
  const checked = await signIn(ctx, { email: input.email, password: input.password, channel: 'api', ip: input.ip });
  if (!checked.ok) return checked;
  const { user, secondFactor } = checked.value;
  if (secondFactor === 'none') return ok(user);
  const actor = actorFor(user, 'api', input.ip);
  const refusal = { action: 'sign-in', outcome: 'failure' as const, subjectType: 'user', subjectId: user.id };
  if (secondFactor === 'set-up') {
    await recordAuditAlone(ctx, actor, { ...refusal, details: { reason: 'set-up-needed', secondFactor: true } });
    return fail('set-up-needed', 'This account must use two-factor sign-in and has no authenticator app set up. Sign in on the web to set one up, then ask again with its code as otp.');
  }
  const otp = input.otp?.trim() ?? '';
  if (otp === '') {
    await recordAuditAlone(ctx, actor, { ...refusal, details: { reason: 'code-missing', secondFactor: true } });
    return fail('code-needed', 'This account uses two-factor sign-in: send the 6-digit code your authenticator app shows now (or a recovery code) as otp.');
  }
  return checkSecondFactor(ctx, { userId: user.id, code: otp, channel: 'api', ip: input.ip });
}

/**
 * The API's POST /tokens: a user who has just signed in with their email and password (signInForToken, which
 * throttles and audits the attempt) is issued a token for themself, in its own transaction.
 */
export async function issueTokenAfterSignIn(ctx: AppContext, actor: UserActor, request: TokenRequest): Promise<IssuedToken> {
  return ctx.db.transaction().execute((trx) => issueToken(trx, ctx, actor, actor.userId, request));
}

/** A signed-in user issues a token for themself. */
export async function createOwnToken(ctx: AppContext, actor: UserActor, request: TokenRequest): Promise<IssuedToken> {
  return ctx.db.transaction().execute((trx) => issueToken(trx, ctx, actor, actor.userId, request));
}

export interface TokenHolder {
  user: SignedInUser;
  tokenId: string;
  scopes: TokenScope[];
}

/** The user behind a bearer token, with its scopes, if the token exists, is not revoked and has not expired. */
export async function authenticateToken(ctx: AppContext, token: string): Promise<TokenHolder | null> {
  const row = await ctx.db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'expires_at', 'revoked_at', 'scopes'])
    .where('token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.expires_at <= ctx.clock.now()) return null;
  const user = await loadSignedInUser(ctx.db, row.user_id);
  return user ? { user, tokenId: row.id, scopes: scopesFromText(row.scopes) } : null;
}

/** The user's own tokens, newest first, revoked and expired ones included (never the token itself). */
export async function listOwnTokens(ctx: AppContext, actor: UserActor): Promise<OwnToken[]> {
  const rows = await ctx.db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'scopes', 'created_at', 'expires_at', 'revoked_at'])
    .where('user_id', '=', actor.userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, scopes: scopesFromText(row.scopes), createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: row.revoked_at }));
}

/** Revokes one of the user's own tokens. Another user's token is "not found", as if it did not exist. */
export async function revokeOwnToken(ctx: AppContext, actor: UserActor, tokenId: string): Promise<Result<{ revokedAt: Date }, 'not-found'>> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('api_tokens').select(['user_id', 'revoked_at']).where('id', '=', tokenId).forUpdate().executeTakeFirst();
    if (!row || row.user_id !== actor.userId) {
      await recordAudit(trx, ctx, actor, { action: 'api-token.revoke', outcome: 'denied', subjectType: 'api-token', subjectId: tokenId });
      return fail('not-found', 'You have no token with this id.');
    }
    const revokedAt = row.revoked_at ?? ctx.clock.now();
    if (row.revoked_at === null) {
      await trx.updateTable('api_tokens').set({ revoked_at: revokedAt }).where('id', '=', tokenId).execute();
      await recordAudit(trx, ctx, actor, { action: 'api-token.revoke', subjectType: 'api-token', subjectId: tokenId });
    }
    return ok({ revokedAt });
  });
}

/** The operation a token was refused: its method, its route template (never the address as sent) and the case id the address names, if any. */
export interface RefusedOperation {
  method: string;
  route: string;
  caseId?: string | undefined;
}

/**
 * Records that a token was refused an operation outside its scopes, on the case when the address
 * names one that exists, so that its lead sees the attempt (docs/adr/0024-refused-requests-audited.md).
 */
export async function recordScopeRefusal(ctx: AppContext, actor: UserActor, tokenId: string, needed: TokenScope, operation: RefusedOperation): Promise<void> {
  const caseId = await namedCase(ctx, operation.caseId);
  await recordAuditAlone(ctx, actor, {
    action: 'api-token.scope',
    outcome: 'denied',
    subjectType: 'api-token',
    subjectId: tokenId,
    ...(caseId ? { caseId } : {}),
    details: { needed, method: operation.method, route: operation.route },
  });
}
