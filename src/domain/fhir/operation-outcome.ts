// A FHIR R4 OperationOutcome as UK Core profiles it, and the one way this service writes one: the
// import's answer (one issue a Bundle entry, saying what became of it with the import's own code),
// every refusal by a FHIR route (400, 403, 404, 413, 415, 422), and a search's note about itself.
// A place is named by a FHIRPath expression ("Bundle.entry[2].resource.period.start", or a search
// parameter); the import finds its problems at JSON pointers ("/entry/2/resource/period/start"),
// which fhirPathOf turns into FHIRPath.
import type { Narrative } from './export/fhir-types.ts';
import { narrative } from './export/narrative.ts';
import { UK_CORE_PROFILES } from './export/uk-core.ts';

/** The FHIR issue types used here (http://hl7.org/fhir/ValueSet/issue-type). */
export type IssueType = 'informational' | 'structure' | 'required' | 'value' | 'invalid' | 'not-found' | 'not-supported' | 'duplicate' | 'too-costly' | 'forbidden' | 'conflict' | 'business-rule';

export type IssueSeverity = 'fatal' | 'error' | 'warning' | 'information';

export interface OutcomeIssue {
  severity: IssueSeverity;
  code: IssueType;
  /** What the issue says, in words; an import issue also carries the import's own code for it. */
  details: { coding?: { system: string; code: string }[]; text: string };
  expression?: string[];
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  meta: { profile: string[] };
  text: Narrative;
  issue: OutcomeIssue[];
}

/** The system of the import's own codes in `issue.details.coding`. */
export const IMPORT_OUTCOME_SYSTEM = 'https://infant-care-profile.example/fhir/CodeSystem/import-outcome';

/** `/entry/2/resource/period/start` as `Bundle.entry[2].resource.period.start`; `/` alone is the Bundle. */
export function fhirPathOf(pointer: string): string {
  const steps = pointer.split('/').slice(1).filter((step) => step !== '');
  return steps.reduce((path, step) => (/^\d+$/.test(step) ? `${path}[${step}]` : `${path}.${step.replace(/~1/g, '/').replace(/~0/g, '~')}`), 'Bundle');
}

/** An issue of the import: its own code for what happened (stored, duplicate, corrected, or the problem) and where in the Bundle (a JSON pointer). */
export function outcomeIssue(severity: IssueSeverity, type: IssueType, code: string, text: string, pointer?: string): OutcomeIssue {
  return { severity, code: type, details: { coding: [{ system: IMPORT_OUTCOME_SYSTEM, code }], text }, ...(pointer === undefined ? {} : { expression: [fhirPathOf(pointer)] }) };
}

/** An issue in words alone: an error, unless it is only information. `expression` names the element or search parameter it is about. */
export function plainIssue(type: IssueType, text: string, expression?: string): OutcomeIssue {
  return { severity: type === 'informational' ? 'information' : 'error', code: type, details: { text }, ...(expression ? { expression: [expression] } : {}) };
}

/** The OperationOutcome of these issues (at least one), its narrative one paragraph an issue. */
export function operationOutcome(issues: readonly OutcomeIssue[]): OperationOutcome {
  if (issues.length === 0) throw new Error('An OperationOutcome has at least one issue');
  return {
    resourceType: 'OperationOutcome',
    meta: { profile: [UK_CORE_PROFILES.OperationOutcome] },
    text: narrative(issues.map((issue) => issue.details.text)),
    issue: [...issues],
  };
}
