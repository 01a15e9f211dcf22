// How an imported resource is keyed, so that sending it again is recognised and a changed version
// corrects what was stored. The key says whose the resource is: a resource about the record's baby
// keeps `fhir:<resource>` (as imports always have), one about a person around the baby becomes
// `fhir:person/<person id>/<resource>`, so the mother's Observation/1 and the baby's are never one.
// Keys are looked up on one case, among one agency's entries, as every external id is.
//
// Each stored version of an entry is a link in a chain: the first has the key, each correction the
// key and `#<n>` (its place in the chain), since an external id is stored once per case and agency.
// The newest link is the one no other link corrects.
import type { ImportedEntry } from './fhir-import.types.ts';
import { SUMMARY_LIMIT } from './fhir-resource.ts';

export type Whose = { kind: 'infant' } | { kind: 'person'; personId: string };

const PREFIX = 'fhir:';

/** The external id a reader gave (`fhir:Encounter/1`, `fhir:Encounter/1/discharge`), scoped to whose it is. */
export function scopedExternalId(externalId: string, whose: Whose): string {
  if (whose.kind === 'infant' || !externalId.startsWith(PREFIX)) return externalId;
  return `${PREFIX}person/${whose.personId}/${externalId.slice(PREFIX.length)}`;
}

/** The key of one stored version: the chain's key, or the chain's key with `#<n>`. */
export function chainKeyOf(externalId: string): string {
  return externalId.replace(/#\d+$/, '');
}

/** Whether an entry's external id is one of a resource's (its own, its discharge's, or a later version of either). */
export function isFromResource(externalId: string, resourceKey: string): boolean {
  if (!externalId.startsWith(resourceKey)) return false;
  const rest = externalId.slice(resourceKey.length);
  return rest === '' || /^(\/[^#]+)?(#\d+)?$/.test(rest);
}

export interface StoredImport {
  id: string;
  externalId: string;
  corrects?: string;
  kind: string;
  occurredAt: string;
  summary: string;
  agency: string;
  personIds: readonly string[];
}

export interface Chain {
  key: string;
  newest: StoredImport;
  length: number;
}

/** The chains among stored entries, by key. */
export function chainsOf(stored: readonly StoredImport[]): Map<string, Chain> {
  const byKey = new Map<string, StoredImport[]>();
  for (const entry of stored) {
    const key = chainKeyOf(entry.externalId);
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const chains = new Map<string, Chain>();
  for (const [key, links] of byKey) {
    const corrected = new Set(links.flatMap((link) => (link.corrects === undefined ? [] : [link.corrects])));
    const newest = links.find((link) => !corrected.has(link.id)) ?? links[links.length - 1]!;
    chains.set(key, { key, newest, length: links.length });
  }
  return chains;
}

/** The external id of the next version in a chain. */
export function nextVersionKey(chain: Chain): string {
  return `${chain.key}#${String(chain.length + 1)}`;
}

const sameMoment = (a: string, b: string) => (a.length === 10 || b.length === 10 ? a === b : Date.parse(a) === Date.parse(b));

/** Whether an entry read from a resource says what the newest stored version says: then it is a duplicate. */
export function saysTheSame(entry: ImportedEntry, personIds: readonly string[], stored: StoredImport): boolean {
  return (
    entry.kind === stored.kind &&
    entry.summary.trim() === stored.summary &&
    sameMoment(entry.occurredAt, stored.occurredAt) &&
    (entry.agency === undefined || entry.agency.trim() === stored.agency) &&
    [...personIds].sort().join() === [...stored.personIds].sort().join()
  );
}

export const ENTERED_IN_ERROR_REASON = 'The sending system marked its record entered in error';
const ENTERED_IN_ERROR_START = 'Entered in error in the sending system. It had said: ';

/** Whether a stored version is already the mark that its record was entered in error. */
export function isEnteredInErrorMark(stored: StoredImport): boolean {
  return stored.kind === 'case-note' && stored.summary.startsWith(ENTERED_IN_ERROR_START);
}

/** The correction that marks a stored entry as entered in error: a case note on the same day, saying what it had said. */
export function enteredInErrorMark(stored: StoredImport): ImportedEntry & { correctionReason: string } {
  const summary = `${ENTERED_IN_ERROR_START}${stored.summary}`;
  return {
    kind: 'case-note',
    occurredAt: stored.occurredAt,
    summary: summary.length > SUMMARY_LIMIT ? `${summary.slice(0, SUMMARY_LIMIT - 1)}…` : summary,
    source: 'agency-record',
    externalId: stored.externalId,
    correctionReason: ENTERED_IN_ERROR_REASON,
  };
}
