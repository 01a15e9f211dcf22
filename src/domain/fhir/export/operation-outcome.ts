// A FHIR OperationOutcome (UK Core): how the FHIR routes refuse (403 forbidden, 404 not-found, 400
// invalid or required) and how a search says something about itself (information).
import type { Narrative } from './fhir-types.ts';
import { narrative } from './narrative.ts';
import { UK_CORE_PROFILES } from './uk-core.ts';

export type IssueCode = 'forbidden' | 'not-found' | 'invalid' | 'required' | 'informational';

export interface OperationOutcomeResource {
  resourceType: 'OperationOutcome';
  meta: { profile: string[] };
  text: Narrative;
  issue: { severity: 'error' | 'information'; code: IssueCode; diagnostics: string; expression?: string[] }[];
}

/** One issue: an error, unless it is only information. `expression` names the element or parameter it is about. */
export function operationOutcome(code: IssueCode, diagnostics: string, expression?: string): OperationOutcomeResource {
  return {
    resourceType: 'OperationOutcome',
    meta: { profile: [UK_CORE_PROFILES.OperationOutcome] },
    text: narrative([diagnostics]),
    issue: [{ severity: code === 'informational' ? 'information' : 'error', code, diagnostics, ...(expression ? { expression: [expression] } : {}) }],
  };
}
