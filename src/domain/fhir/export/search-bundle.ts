// The answer to a search or to $everything: a FHIR searchset Bundle (UK Core Bundle), each resource
// with its full URL under the server's base and whether it matched the search, was included with it
// or is an OperationOutcome about the search (such as "more on the next page").
import type { ResourceBase } from './fhir-types.ts';
import type { OperationOutcome } from '../operation-outcome.ts';
import { UK_CORE_PROFILES } from './uk-core.ts';

export type SearchMode = 'match' | 'include' | 'outcome';

export interface BundleEntry {
  /** Left out for an OperationOutcome about the search, which has no address of its own. */
  fullUrl?: string;
  resource: ResourceBase | OperationOutcome;
  search: { mode: SearchMode };
}

export interface SearchBundle {
  resourceType: 'Bundle';
  meta: { profile: string[]; lastUpdated: string };
  type: 'searchset';
  total: number;
  link: { relation: 'self' | 'next'; url: string }[];
  entry: BundleEntry[];
}

export interface SearchPart {
  resources: readonly (ResourceBase | OperationOutcome)[];
  mode: SearchMode;
}

/**
 * The Bundle of the parts in order. `total` counts the matches in all pages (FHIR: the number of
 * matches, not of included resources or outcomes); `next` is the address of the next page, if any.
 */
export function searchBundle(options: { base: string; self: string; next?: string; lastUpdated: string; total: number; parts: readonly SearchPart[] }): SearchBundle {
  return {
    resourceType: 'Bundle',
    meta: { profile: [UK_CORE_PROFILES.Bundle], lastUpdated: options.lastUpdated },
    type: 'searchset',
    total: options.total,
    link: [{ relation: 'self', url: options.self }, ...(options.next ? [{ relation: 'next' as const, url: options.next }] : [])],
    entry: options.parts.flatMap((part) =>
      part.resources.map((resource) => ({ ...('id' in resource && resource.id ? { fullUrl: `${options.base}/${resource.resourceType}/${resource.id}` } : {}), resource, search: { mode: part.mode } })),
    ),
  };
}
