// What an API token may do. A token carries one or more scopes; each API operation needs one:
// `read` to read what its user may see; `write` to change a case (people, team, profile, level,
// decisions, reviews, alert acknowledgements); `feed` to add chronology entries (one event, a batch,
// a FHIR import) and nothing else, for an agency system that only sends. A `write` token may add
// entries too. A token never gives more than its user may do.
export const TOKEN_SCOPES = ['read', 'write', 'feed'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const TOKEN_SCOPE_LABELS: Record<TokenScope, string> = {
  read: 'Read the records its user can see',
  write: 'Change those records (and add chronology entries)',
  feed: 'Only add chronology entries: events, batches and FHIR imports',
};

export function isTokenScope(value: string): value is TokenScope {
  return (TOKEN_SCOPES as readonly string[]).includes(value);
}

/** Scopes as stored: space-separated, in a fixed order, without repeats. */
export function scopesText(scopes: readonly TokenScope[]): string {
  return TOKEN_SCOPES.filter((scope) => scopes.includes(scope)).join(' ');
}

export function scopesFromText(text: string): TokenScope[] {
  return text.split(' ').filter(isTokenScope);
}

export function scopesAllow(scopes: readonly TokenScope[], needed: TokenScope): boolean {
  if (scopes.includes(needed)) return true;
  return needed === 'feed' && scopes.includes('write');
}
