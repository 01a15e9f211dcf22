// Plain words for each way a FHIR import can fall short, saying what to send instead.
import type { BundleProblemCode, ResourceProblemCode, SkipCode } from './fhir-import.types.ts';

export const BUNDLE_PROBLEM_MESSAGES: Readonly<Record<BundleProblemCode, string>> = {
  'not-a-bundle': 'Send a FHIR R4 Bundle: resourceType must be "Bundle"',
  'unsupported-bundle-type': 'Send a Bundle of type collection, transaction or batch',
  'no-nhs-number': 'Say whose record this is: include a Patient with an identifier of system https://fhir.nhs.uk/Id/nhs-number, or give that identifier as each resource’s subject',
  'nhs-number-invalid': 'The NHS number is not valid: it must be 10 digits with a correct check digit',
  'several-patients': 'Send one patient’s resources per Bundle: this one names more than one NHS number',
};

export const RESOURCE_PROBLEM_MESSAGES: Readonly<Record<ResourceProblemCode, string>> = {
  'no-id': 'Give the resource an id or an identifier, so that sending it again does not record it twice',
  'no-date': 'Give the date it happened (Encounter.period, Observation.effective[x])',
  'partial-date': 'Give the full date it happened, not only the year or month',
  'other-patient': 'The resource is about a different patient from the rest of the Bundle',
};

export const SKIP_MESSAGES: Readonly<Record<SkipCode, string>> = {
  'no-resource': 'The entry has no resource',
  'unsupported-resource': 'Only Encounter and Observation resources are imported into the chronology',
  'not-happened': 'It is planned or cancelled, or has no result yet, so it is not in the chronology',
  'entered-in-error': 'It was entered in error, so it is not in the chronology',
};
