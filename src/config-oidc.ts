// Single sign-on's settings (issue 17): the OpenID Connect providers users may sign in with
// (OIDC_PROVIDERS, a JSON array) and the address users reach the service at (PUBLIC_URL), which the
// providers send them back to. Checked at start-up with the rest of the configuration; a client
// secret is never echoed in a message.

export interface OidcProviderConfig {
  /** Letters, digits and dashes: part of the callback address, /sign-in/oidc/<id>/callback. */
  id: string;
  /** What the sign-in button says: "Sign in with <name>". */
  name: string;
  /** The provider's issuer; its discovery document is at <issuer>/.well-known/openid-configuration. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The ID token claim whose value is the user's email address: matched with their account's at the first sign-in only. */
  claim: string;
  /** The claim that is the user's own id at the provider (`sub`, or Entra ID's `oid`): once an administrator approves the link, sign-ins match by it alone. */
  idClaim: string;
  /** Scopes asked for, space-separated; always includes openid. */
  scopes: string;
  /** `acr` values that mean the provider asked for two factors (beside amr's "mfa" and the like). */
  multiFactorAcrs: string[];
}

export interface OidcSettings {
  providers: OidcProviderConfig[];
  /** The service's own address as users reach it, with no trailing slash (undefined when no provider is set). */
  publicUrl: string | undefined;
}

const FIELDS = ['id', 'name', 'issuer', 'clientId', 'clientSecret', 'claim', 'idClaim', 'scopes', 'multiFactorAcrs'];
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for an issuer on this machine, which may be plain http (a provider run for tests or a trial). */
export function isLoopbackIssuer(issuer: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(issuer).hostname);
}

export function readOidcSettings(providersJson: string | undefined, publicUrlText: string | undefined, problems: string[]): OidcSettings {
  const providers = providersJson === undefined ? [] : readProviders(providersJson, problems);
  const publicUrl = publicUrlText === undefined ? undefined : readPublicUrl(publicUrlText, problems);
  if (providers.length > 0 && publicUrlText === undefined) {
    problems.push('PUBLIC_URL must be set when OIDC_PROVIDERS is: the address users reach the service at, such as https://icp.example.org, which the identity providers send them back to');
  }
  return { providers, publicUrl };
}

function readPublicUrl(text: string, problems: string[]): string | undefined {
  const url = parseUrl(text);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '' || url.username !== '') {
    problems.push(`PUBLIC_URL must be the http:// or https:// address users reach the service at, with no query, such as https://icp.example.org (it is "${text}")`);
    return undefined;
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function readProviders(json: string, problems: string[]): OidcProviderConfig[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    problems.push('OIDC_PROVIDERS must be a JSON array of providers, such as [{"id":"entra","name":"Microsoft Entra ID","issuer":"https://login.microsoftonline.com/<tenant id>/v2.0","clientId":"…","clientSecret":"…"}] (it is not valid JSON)');
    return [];
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    problems.push('OIDC_PROVIDERS must be a JSON array of one or more providers (unset it for none)');
    return [];
  }
  const providers: OidcProviderConfig[] = [];
  parsed.forEach((entry: unknown, index) => {
    const provider = readProvider(entry, `OIDC_PROVIDERS[${String(index)}]`, problems);
    if (!provider) return;
    if (providers.some((p) => p.id === provider.id)) problems.push(`OIDC_PROVIDERS[${String(index)}].id "${provider.id}" is used twice: each provider needs its own id`);
    else providers.push(provider);
  });
  return providers;
}

function readProvider(entry: unknown, at: string, problems: string[]): OidcProviderConfig | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    problems.push(`${at} must be an object with id, name, issuer, clientId and clientSecret`);
    return undefined;
  }
  const record = entry as Record<string, unknown>;
  const before = problems.length;
  const unknown = Object.keys(record).filter((key) => !FIELDS.includes(key));
  if (unknown.length > 0) problems.push(`${at} has fields the service does not know: ${unknown.join(', ')} (it knows ${FIELDS.join(', ')})`);
  const text = (field: string, fallback?: string): string => {
    const value = record[field] ?? fallback;
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`${at}.${field} must be a text that is not empty`);
      return '';
    }
    return value.trim();
  };
  const id = text('id');
  if (id !== '' && !/^[a-z0-9][a-z0-9-]{0,39}$/.test(id)) problems.push(`${at}.id must be lower-case letters, digits and dashes, at most 40 (it is "${id}")`);
  const name = text('name');
  const issuer = text('issuer');
  const issuerUrl = parseUrl(issuer);
  if (issuer !== '' && (!issuerUrl || !(issuerUrl.protocol === 'https:' || (issuerUrl.protocol === 'http:' && isLoopbackIssuer(issuer))))) {
    problems.push(`${at}.issuer must be an https:// URL (http:// only on this machine), such as https://login.microsoftonline.com/<tenant id>/v2.0 (it is "${issuer}")`);
  }
  const clientId = text('clientId');
  // Read without echoing: a secret never appears in a message.
  const clientSecret = typeof record.clientSecret === 'string' ? record.clientSecret : '';
  if (clientSecret === '') problems.push(`${at}.clientSecret must be set: the secret the provider gave this service`);
  const claim = claimName(text('claim', 'email'), `${at}.claim`, 'email or preferred_username', problems);
  const idClaim = claimName(text('idClaim', 'sub'), `${at}.idClaim`, 'sub or oid', problems);
  const scopes = text('scopes', 'openid email');
  if (scopes !== '' && !scopes.split(/\s+/).includes('openid')) problems.push(`${at}.scopes must include openid (it is "${scopes}")`);
  const acrs = record.multiFactorAcrs ?? [];
  const multiFactorAcrs = Array.isArray(acrs) && acrs.every((acr) => typeof acr === 'string' && acr !== '') ? (acrs as string[]) : null;
  if (!multiFactorAcrs) problems.push(`${at}.multiFactorAcrs must be a list of acr values, such as ["AAL3_ANY"]`);
  if (problems.length > before) return undefined;
  return { id, name, issuer, clientId, clientSecret, claim, idClaim, scopes: scopes.split(/\s+/).join(' '), multiFactorAcrs: multiFactorAcrs! };
}

function claimName(claim: string, at: string, examples: string, problems: string[]): string {
  if (claim !== '' && !/^[A-Za-z0-9_.:-]{1,64}$/.test(claim)) problems.push(`${at} must be the name of an ID token claim, such as ${examples} (it is "${claim}")`);
  return claim;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
