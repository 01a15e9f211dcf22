// Single sign-on with OpenID Connect (issue 17): a user signs in with their organisation's account
// at an identity provider and is matched to an active account already registered here: by their id
// at the provider (the configured claim, `sub` or Entra ID's `oid`) once an administrator has
// approved linking it, and at the first sign-in by the email address the provider vouches for, which
// asks for that approval and signs nobody in. Nobody is given an account by signing in: an unknown
// address gets a page saying an administrator must register them. Every refusal is audited with
// its reason, and none signs anyone in. Sign-out ends the provider's session too when the provider
// has an end_session_endpoint (RP-initiated logout).
import type { OidcProviderConfig } from '../../../config-oidc.ts';
import {
  authenticationMethods,
  matchProviderUser,
  oidcSignInTooOld,
  OIDC_SIGN_IN_WAIT_MINUTES,
  providerUserId,
  vouchedEmail,
  type OidcRefusal,
} from '../../../domain/shared/oidc-sign-in.ts';
import { providerSatisfiesTwoFactor, type SecondFactorStep } from '../../../domain/shared/two-factor.ts';
import type { Tx } from '../../../infrastructure/db/schema.ts';
import { authorizationRequest, endSessionUrl, redeemCallback } from '../../../infrastructure/oidc/oidc-client.ts';
import type { Actor } from '../../actor.ts';
import { recordAudit, recordAuditAlone } from '../../audit.ts';
import type { AppContext } from '../../context.ts';
import { fail, ok, type Result } from '../../result.ts';
import { actorFor, findActiveUser, toSignedInUser, type SignedInUser } from '../signed-in-user.ts';
import { secondFactorAfterSignIn } from '../two-factor.ts';
import { linkOfAccount, linkOfSubject, requestLink } from './provider-links.ts';

/** What the session keeps between sending the user to the provider and their coming back. */
export interface PendingOidcSignIn {
  provider: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  /** Milliseconds, on the service's clock. */
  startedAt: number;
}

/** What the session keeps of a sign-in through a provider: for signing out there, and whether it had two factors. */
export interface OidcSessionFacts {
  provider: string;
  idToken: string;
  /** The provider's amr or acr said it asked for a second factor. */
  twoFactor: boolean;
}

export type { OidcRefusal };

export const SIGNED_OUT_PATH = '/signed-out';

export function oidcCallbackPath(providerId: string): string {
  return `/sign-in/oidc/${providerId}/callback`;
}

/** The providers the sign-in page offers, in the order configured. */
export function signInProviders(ctx: AppContext): { id: string; name: string }[] {
  return ctx.config.oidc.providers.map(({ id, name }) => ({ id, name }));
}

function providerFor(ctx: AppContext, id: string): OidcProviderConfig | undefined {
  return ctx.config.oidc.providers.find((provider) => provider.id === id);
}

function publicAddress(ctx: AppContext, path: string): string {
  return `${ctx.config.oidc.publicUrl ?? ''}${path}`;
}

const NO_SUCH_PROVIDER = 'There is no such way to sign in. Go back to the sign-in page.';

/** Where to send the user to sign in at the provider, and what the session must keep until they come back. */
export async function startOidcSignIn(
  ctx: AppContext,
  input: { providerId: string; returnTo: string; ip: string | null },
): Promise<Result<{ url: string; pending: PendingOidcSignIn }, 'unknown-provider' | 'provider-unreachable'>> {
  const provider = providerFor(ctx, input.providerId);
  if (!provider) return fail('unknown-provider', NO_SUCH_PROVIDER);
  const now = ctx.clock.now();
  try {
    const request = await authorizationRequest(provider, publicAddress(ctx, oidcCallbackPath(provider.id)), now);
    const { url, ...checks } = request;
    return ok({ url, pending: { provider: provider.id, ...checks, returnTo: input.returnTo, startedAt: now.getTime() } });
  } catch {
    await auditRefusal(ctx, provider, { reason: 'provider-unreachable', ip: input.ip });
    return fail('provider-unreachable', refusalMessage('provider-unreachable', provider.name, null));
  }
}

export interface FinishOidcSignInInput {
  providerId: string;
  /** Taken out of the session before this is called, so that the same answer is never accepted twice. */
  pending: PendingOidcSignIn | undefined;
  /** The path and query the provider sent the user back to. */
  callbackPathAndQuery: string;
  ip: string | null;
}

export interface OidcSignedIn {
  user: SignedInUser;
  facts: OidcSessionFacts;
  returnTo: string;
  /** 'none' when signed in now; else the account's own second factor comes first (the provider's did not count). */
  secondFactor: SecondFactorStep;
}

/** Checks the provider's answer and matches the user to their account; audits the sign-in or the refusal. */
export async function finishOidcSignIn(ctx: AppContext, input: FinishOidcSignInInput): Promise<Result<OidcSignedIn, OidcRefusal>> {
  const provider = providerFor(ctx, input.providerId);
  if (!provider) return fail('unknown-provider', NO_SUCH_PROVIDER);
  const refuse = async (reason: OidcRefusal, more: { email?: string; subjectId?: string; providerError?: string } = {}, alongside?: (trx: Tx) => Promise<void>) => {
    await auditRefusal(ctx, provider, { reason, ip: input.ip, ...more }, alongside);
    return fail(reason, refusalMessage(reason, provider.name, more.email ?? null));
  };

  const { pending } = input;
  if (!pending || pending.provider !== provider.id) return refuse('no-sign-in-pending');
  const now = ctx.clock.now();
  if (oidcSignInTooOld(pending.startedAt, now.getTime())) return refuse('sign-in-too-old');

  const answer = await redeemCallback(provider, new URL(publicAddress(ctx, input.callbackPathAndQuery)), pending, now);
  if (!answer.ok) return refuse(answer.failure, answer.providerError ? { providerError: answer.providerError } : {});

  const subject = providerUserId(answer.claims, provider.idClaim);
  if (subject === undefined) return refuse('no-id-claim');
  const match = await matchAccount(ctx, provider, subject, answer.claims);
  if (match.kind === 'refused') return refuse(match.reason, { subjectId: match.userId, ...match.seen });
  const row = await findActiveUser(ctx.db, { id: match.userId });
  if (!row) return refuse('unknown-account', match.seen);
  if (row.disabled_at !== null) return refuse('disabled', { email: row.email, subjectId: row.id });
  if (match.kind === 'ask-approval') {
    const request = { userId: row.id, provider: provider.id, subject, email: match.seen.email, at: now };
    return refuse('link-awaiting-approval', { email: match.seen.email, subjectId: row.id }, (trx) => requestLink(trx, request));
  }

  const user = toSignedInUser(row);
  const { amr, acr } = authenticationMethods(answer.claims);
  const twoFactor = providerSatisfiesTwoFactor({ amr, acr }, provider.multiFactorAcrs);
  const secondFactor = await secondFactorAfterSignIn(ctx, user, { satisfiedByProvider: twoFactor });
  // Like a right password: 'sign-in' when signed in now, else the first factor passed and what comes next.
  await recordAuditAlone(ctx, actorFor(user, 'web', input.ip), {
    action: secondFactor === 'none' ? 'sign-in' : 'sign-in.provider',
    subjectType: 'user',
    subjectId: user.id,
    details: { method: 'oidc', provider: provider.id, twoFactor, amr, acr: acr ?? null, ...(secondFactor === 'none' ? {} : { next: secondFactor }) },
  });
  return ok({ user, facts: { provider: provider.id, idToken: answer.idToken, twoFactor }, returnTo: pending.returnTo, secondFactor });
}

type AccountMatch =
  | { kind: 'linked'; userId: string; seen: { email?: string } }
  | { kind: 'ask-approval'; userId: string; seen: { email: string } }
  | { kind: 'refused'; reason: 'no-email-claim' | 'email-not-verified' | 'unknown-account' | 'linked-to-another'; userId?: string; seen: { email?: string } };

/** Which account the provider's user is: by an approved link of their id, else by the address they vouch for (domain: matchProviderUser). */
async function matchAccount(ctx: AppContext, provider: OidcProviderConfig, subject: string, claims: Record<string, unknown>): Promise<AccountMatch> {
  const email = vouchedEmail(claims, provider.claim);
  const claimed = claims[provider.claim];
  const seen = email.ok ? { email: email.email } : typeof claimed === 'string' ? { email: claimed } : {};
  const byEmail = email.ok ? await findActiveUser(ctx.db, { email: email.email }) : undefined;
  const match = matchProviderUser({
    subject,
    linkOfSubject: await linkOfSubject(ctx.db, provider.id, subject),
    email,
    accountByEmail: byEmail ? { userId: byEmail.id, link: await linkOfAccount(ctx.db, provider.id, byEmail.id) } : null,
  });
  if (match.kind === 'refused') return { ...match, ...(match.reason === 'linked-to-another' ? { userId: byEmail?.id } : {}), seen };
  if (match.kind === 'ask-approval') return { ...match, seen: { email: email.ok ? email.email : '' } };
  return { ...match, seen };
}

/** Where signing out should end: the provider's end_session_endpoint when the session came from one that has it, else the service's signed-out page. */
export async function signOutDestination(ctx: AppContext, facts: OidcSessionFacts | undefined): Promise<string> {
  const provider = facts ? providerFor(ctx, facts.provider) : undefined;
  if (!facts || !provider) return SIGNED_OUT_PATH;
  return (await endSessionUrl(provider, facts.idToken, publicAddress(ctx, SIGNED_OUT_PATH), ctx.clock.now())) ?? SIGNED_OUT_PATH;
}

/** The refusal's audit entry, in one transaction with what `alongside` writes (a request for an administrator's approval). */
async function auditRefusal(
  ctx: AppContext,
  provider: OidcProviderConfig,
  refusal: { reason: OidcRefusal; ip: string | null; email?: string; subjectId?: string; providerError?: string },
  alongside?: (trx: Tx) => Promise<void>,
): Promise<void> {
  ctx.metrics.countSignInFailure(refusal.reason, 'oidc');
  const actor: Actor = { kind: 'operator', channel: 'system' };
  await ctx.db.transaction().execute(async (trx) => {
    await alongside?.(trx);
    await recordAudit(trx, ctx, actor, {
      action: 'sign-in',
      outcome: 'failure',
      subjectType: 'user',
      subjectId: refusal.subjectId ?? null,
      details: {
        method: 'oidc',
        provider: provider.id,
        reason: refusal.reason,
        email: refusal.email ?? null,
        providerError: refusal.providerError ?? null,
        channel: 'web',
        ip: refusal.ip,
      },
    });
  });
}

const START_AGAIN = 'Start again from the sign-in page.';

function refusalMessage(reason: OidcRefusal, name: string, email: string | null): string {
  switch (reason) {
    case 'unknown-provider':
      return NO_SUCH_PROVIDER;
    case 'no-sign-in-pending':
      return `This answer from ${name} is not for a sign-in started in this browser, or it has already been used, so you have not been signed in. ${START_AGAIN}`;
    case 'sign-in-too-old':
      return `Signing in with ${name} took longer than ${String(OIDC_SIGN_IN_WAIT_MINUTES)} minutes, so you have not been signed in. ${START_AGAIN}`;
    case 'provider-refused':
      return `${name} did not sign you in, so you have not been signed in. ${START_AGAIN}`;
    case 'provider-unreachable':
      return `${name} could not be reached, so you have not been signed in. Try again in a few minutes, or sign in with your email address and password.`;
    case 'expired':
      return `The answer from ${name} had expired when it arrived, so you have not been signed in. ${START_AGAIN}`;
    case 'wrong-state':
    case 'code-refused':
    case 'wrong-audience':
    case 'wrong-issuer':
    case 'wrong-nonce':
    case 'invalid-id-token':
      return `The answer from ${name} could not be trusted, so you have not been signed in. ${START_AGAIN} If it happens again, tell your administrator.`;
    case 'no-id-claim':
      return `${name} did not say who you are, so you have not been signed in. Ask your organisation's administrator.`;
    case 'no-email-claim':
      return `${name} did not give your email address, so you could not be matched to an Infant Care Profile account. Ask your organisation's administrator.`;
    case 'email-not-verified':
      return `${name} says your email address ${email ?? ''} has not been verified, so you have not been signed in. Ask your organisation's administrator.`;
    case 'unknown-account':
      return `You signed in with ${name} as ${email ?? ''}, but no Infant Care Profile account has that email address. An administrator must register you before you can use the service: ask your organisation's administrator to add you.`;
    case 'linked-to-another':
      return `The Infant Care Profile account for ${email ?? ''} is linked to someone else's ${name} account, so you have not been signed in. If it is yours, ask your organisation's administrator to unlink it so that you can sign in again.`;
    case 'link-awaiting-approval':
      return `This is the first time you have signed in with ${name} as ${email ?? ''}. An administrator must approve using this ${name} account for your Infant Care Profile account before it signs you in: ask your organisation's administrator, then sign in again.`;
    case 'disabled':
      return `The Infant Care Profile account for ${email ?? ''} has been disabled, so you have not been signed in. Ask your organisation's administrator if you still need it.`;
  }
}
