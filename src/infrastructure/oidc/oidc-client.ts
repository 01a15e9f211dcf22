// The OpenID Connect relying party, through openid-client (issue 17): the authorization code flow
// with PKCE, state and nonce; the ID token's signature, issuer, audience, nonce and times checked by
// the library, and the userinfo endpoint asked when the token lacks the claims that name the user;
// and the provider's sign-out address. Each provider's discovery document is read once
// and kept (read again after a failure). openid-client reads the system clock; it is told how far
// the service's clock is from it, so that an ID token's times are judged by the service's clock.
import * as client from 'openid-client';
import { isLoopbackIssuer, type OidcProviderConfig } from '../../config-oidc.ts';

/** What an authorization request needs the session to keep until the provider sends the user back. */
export interface AuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Why a provider's answer was not accepted: each a line in the audit trail. */
export type CallbackFailure =
  | 'provider-refused'
  | 'wrong-state'
  | 'code-refused'
  | 'wrong-audience'
  | 'wrong-issuer'
  | 'wrong-nonce'
  | 'expired'
  | 'invalid-id-token'
  | 'provider-unreachable';

export type CallbackOutcome = { ok: true; claims: Record<string, unknown>; idToken: string } | { ok: false; failure: CallbackFailure; providerError?: string };

const discovered = new Map<string, Promise<client.ServerMetadata>>();

async function serverMetadata(provider: OidcProviderConfig): Promise<client.ServerMetadata> {
  let metadata = discovered.get(provider.issuer);
  if (!metadata) {
    // Plain http is allowed only for an issuer on this machine (config-oidc.ts refuses any other).
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- marked so only to stand out
    const options = isLoopbackIssuer(provider.issuer) ? { execute: [client.allowInsecureRequests] } : {};
    metadata = client.discovery(new URL(provider.issuer), provider.clientId, undefined, undefined, options).then((found) => found.serverMetadata());
    discovered.set(provider.issuer, metadata);
    metadata.catch(() => discovered.delete(provider.issuer));
  }
  return metadata;
}

async function configuration(provider: OidcProviderConfig, now: Date): Promise<client.Configuration> {
  const skewSeconds = Math.round((now.getTime() - Date.now()) / 1000);
  const config = new client.Configuration(await serverMetadata(provider), provider.clientId, { [client.clockSkew]: skewSeconds }, client.ClientSecretPost(provider.clientSecret));
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- as in serverMetadata: an issuer on this machine only
  if (isLoopbackIssuer(provider.issuer)) client.allowInsecureRequests(config);
  return config;
}

/** The address to send the user to, with a fresh state, nonce and PKCE verifier (S256). Throws when the provider cannot be reached. */
export async function authorizationRequest(provider: OidcProviderConfig, redirectUri: string, now: Date): Promise<AuthorizationRequest> {
  const config = await configuration(provider, now);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: provider.scopes,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state, nonce, codeVerifier };
}

/**
 * Redeems the code the provider sent back (callbackUrl: the full address it sent the user to) and
 * checks the ID token. The state is compared before anything is sent to the provider.
 */
export async function redeemCallback(provider: OidcProviderConfig, callbackUrl: URL, expected: Omit<AuthorizationRequest, 'url'>, now: Date): Promise<CallbackOutcome> {
  if (callbackUrl.searchParams.get('state') !== expected.state) return { ok: false, failure: 'wrong-state' };
  let config: client.Configuration;
  try {
    config = await configuration(provider, now);
  } catch {
    return { ok: false, failure: 'provider-unreachable' };
  }
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) return { ok: false, failure: 'invalid-id-token' };
    if (claims[provider.claim] !== undefined && claims[provider.idClaim] !== undefined) return { ok: true, claims: { ...claims }, idToken: tokens.id_token };
    // A provider may give the other claims at its userinfo endpoint only (OpenID Connect Core 5.4):
    // asked for the same subject, and the ID token's own claims kept over them.
    const userInfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    return { ok: true, claims: { ...userInfo, ...claims }, idToken: tokens.id_token };
  } catch (error) {
    return { ok: false, ...failureOf(error) };
  }
}

function failureOf(error: unknown): { failure: CallbackFailure; providerError?: string } {
  if (error instanceof client.AuthorizationResponseError) return { failure: 'provider-refused', providerError: error.error };
  if (error instanceof client.ResponseBodyError) return { failure: 'code-refused', providerError: error.error };
  if (error instanceof client.ClientError) {
    const claim = claimOf(error);
    if (error.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') {
      if (claim === 'aud' || claim === 'azp') return { failure: 'wrong-audience' };
      if (claim === 'nonce') return { failure: 'wrong-nonce' };
      if (claim === 'iss') return { failure: 'wrong-issuer' };
    }
    if (error.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return { failure: 'expired' };
    if (error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || error.code === 'OAUTH_RESPONSE_IS_NOT_JSON') return { failure: 'provider-unreachable' };
    return { failure: 'invalid-id-token' };
  }
  return { failure: 'provider-unreachable' };
}

/** The claim a failed comparison was about, from the causes openid-client and oauth4webapi chain. */
function claimOf(error: Error): string | undefined {
  for (let cause: unknown = error.cause; typeof cause === 'object' && cause !== null; cause = (cause as { cause?: unknown }).cause) {
    const claim = (cause as { claim?: unknown }).claim;
    if (typeof claim === 'string') return claim;
  }
  return undefined;
}

/** The provider's end_session_endpoint with the ID token as a hint and where to come back to; null when it has none or cannot be reached. */
export async function endSessionUrl(provider: OidcProviderConfig, idToken: string, postLogoutRedirectUri: string, now: Date): Promise<string | null> {
  try {
    const config = await configuration(provider, now);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUri }).href;
  } catch {
    return null;
  }
}
