// Single sign-on's rules (issue 17), pure: how long a sign-in may wait at the identity provider,
// which email address an ID token vouches for, and which account a provider's user is. Nobody gets
// an account from a provider: the address must already be an active account's (an administrator
// registers people first), and an administrator approves linking it to the provider's user id.

/** Every reason a sign-in through a provider is refused: each a word in the audit trail and a label of the sign-in failure metric. */
export const OIDC_REFUSALS = [
  'unknown-provider',
  'no-sign-in-pending',
  'sign-in-too-old',
  'provider-refused',
  'wrong-state',
  'code-refused',
  'wrong-audience',
  'wrong-issuer',
  'wrong-nonce',
  'expired',
  'invalid-id-token',
  'provider-unreachable',
  'no-id-claim',
  'no-email-claim',
  'email-not-verified',
  'unknown-account',
  'linked-to-another',
  'link-awaiting-approval',
  'disabled',
] as const;

export type OidcRefusal = (typeof OIDC_REFUSALS)[number];

/** How long the service keeps a sign-in it sent to a provider: after this the answer is not accepted. */
export const OIDC_SIGN_IN_WAIT_MINUTES = 10;

export function oidcSignInTooOld(startedAt: number, now: number): boolean {
  return now - startedAt > OIDC_SIGN_IN_WAIT_MINUTES * 60_000;
}

export type VouchedEmail = { ok: true; email: string } | { ok: false; reason: 'no-email-claim' | 'email-not-verified' };

/**
 * The email address in the configured claim. A token that says the address is not verified
 * (`email_verified: false`) vouches for nothing; a provider that does not send the flag (Microsoft
 * Entra ID) is trusted for the addresses of its own directory.
 */
export function vouchedEmail(claims: Readonly<Record<string, unknown>>, claim: string): VouchedEmail {
  const value = claims[claim];
  if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(value.trim())) return { ok: false, reason: 'no-email-claim' };
  if (claims.email_verified === false) return { ok: false, reason: 'email-not-verified' };
  return { ok: true, email: value.trim() };
}

/** The provider's `amr` (a list of methods, RFC 8176) and `acr`, as far as they are well formed. */
export function authenticationMethods(claims: Readonly<Record<string, unknown>>): { amr: string[]; acr: string | undefined } {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((method): method is string => typeof method === 'string') : [];
  return { amr, acr: typeof claims.acr === 'string' ? claims.acr : undefined };
}

/** The user's own id at the provider, from the configured claim (`sub`, or Entra ID's `oid`). */
export function providerUserId(claims: Readonly<Record<string, unknown>>, idClaim: string): string | undefined {
  const value = claims[idClaim];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** An account's link to a user id at one provider: asked for at a first sign-in, in use once an administrator approves it. */
export interface ProviderLink {
  userId: string;
  subject: string;
  approved: boolean;
}

export type ProviderMatch =
  | { kind: 'linked'; userId: string }
  | { kind: 'ask-approval'; userId: string }
  | { kind: 'refused'; reason: 'no-email-claim' | 'email-not-verified' | 'unknown-account' | 'linked-to-another' };

/**
 * Which account a provider's user is. An approved link of their id decides it alone, whatever email
 * address the provider gives now (an address changed at the provider loses nothing). Without one, the
 * vouched address finds the account, and an administrator must approve linking it to this id before
 * it signs in; an account already linked to another id at this provider is never given to this one
 * (someone given a former colleague's address does not get the colleague's account).
 */
export function matchProviderUser(input: {
  subject: string;
  /** The link of this id at this provider, if any. */
  linkOfSubject: ProviderLink | null;
  email: VouchedEmail;
  /** The account with the vouched address, and its link at this provider, if any. */
  accountByEmail: { userId: string; link: ProviderLink | null } | null;
}): ProviderMatch {
  if (input.linkOfSubject?.approved) return { kind: 'linked', userId: input.linkOfSubject.userId };
  if (!input.email.ok) return { kind: 'refused', reason: input.email.reason };
  const account = input.accountByEmail;
  if (!account) return { kind: 'refused', reason: 'unknown-account' };
  if (account.link?.approved && account.link.subject !== input.subject) return { kind: 'refused', reason: 'linked-to-another' };
  return { kind: 'ask-approval', userId: account.userId };
}
