// A FHIR R4 OperationOutcome: how a FHIR import says what became of a Bundle, one issue a line.
// Problems are found at JSON pointers into the Bundle ("/entry/2/resource/period/start"); FHIR
// names a place by a FHIRPath expression ("Bundle.entry[2].resource.period.start"), so each issue
// gives that.

/** The FHIR issue types the import uses (http://hl7.org/fhir/ValueSet/issue-type). */
export type IssueType = 'informational' | 'structure' | 'required' | 'value' | 'invalid' | 'not-found' | 'not-supported' | 'duplicate' | 'too-costly' | 'forbidden' | 'conflict' | 'business-rule';

export type IssueSeverity = 'fatal' | 'error' | 'warning' | 'information';

export interface OutcomeIssue {
  severity: IssueSeverity;
  code: IssueType;
  /** The import's own code for what happened (stored, duplicate, corrected, or the problem), with its words. */
  details: { coding: { system: string; code: string }[]; text: string };
  expression?: string[];
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: OutcomeIssue[];
}

/** The system of the import's own codes in `issue.details.coding`. */
export const IMPORT_OUTCOME_SYSTEM = 'https://infant-care-profile.example/fhir/CodeSystem/import-outcome';

/** `/entry/2/resource/period/start` as `Bundle.entry[2].resource.period.start`; `/` alone is the Bundle. */
export function fhirPathOf(pointer: string): string {
  const steps = pointer.split('/').slice(1).filter((step) => step !== '');
  return steps.reduce((path, step) => (/^\d+$/.test(step) ? `${path}[${step}]` : `${path}.${step.replace(/~1/g, '/').replace(/~0/g, '~')}`), 'Bundle');
}

export function outcomeIssue(severity: IssueSeverity, type: IssueType, code: string, text: string, pointer?: string): OutcomeIssue {
  return { severity, code: type, details: { coding: [{ system: IMPORT_OUTCOME_SYSTEM, code }], text }, ...(pointer === undefined ? {} : { expression: [fhirPathOf(pointer)] }) };
}

export function operationOutcome(issues: readonly OutcomeIssue[]): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: issues.length > 0 ? [...issues] : [outcomeIssue('information', 'informational', 'nothing', 'The Bundle had nothing to import')] };
}
