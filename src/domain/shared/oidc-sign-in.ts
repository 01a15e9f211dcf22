// Single sign-on's rules (issue 17), pure: how long a sign-in may wait at the identity provider, and
// which email address an ID token vouches for. Nobody gets an account from a provider: the address
// must already be an active account's (an administrator registers people first).

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
