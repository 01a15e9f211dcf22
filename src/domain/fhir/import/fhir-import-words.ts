// Plain words for each way a FHIR import can fall short, saying what to send instead, and for what
// became of each resource and Patient.
import type { BundleProblemCode, ResourceProblemCode, SkipCode } from './fhir-import.types.ts';

export const BUNDLE_PROBLEM_MESSAGES: Readonly<Record<BundleProblemCode, string>> = {
  'not-a-bundle': 'Send a FHIR R4 Bundle: resourceType must be "Bundle"',
  'unsupported-bundle-type': 'Send a Bundle of type collection, transaction, batch or message',
  'message-without-header': 'A message Bundle starts with its MessageHeader: the first entry must be one',
};

export const RESOURCE_PROBLEM_MESSAGES: Readonly<Record<ResourceProblemCode, string>> = {
  'no-id': 'Give the resource an id, an identifier or a fullUrl, so that sending it again does not record it twice',
  'no-date': 'Give the date it happened (Encounter.period, Observation.effective[x])',
  'partial-date': 'Give the full date it happened, not only the year or month',
  'no-subject': 'Say whose it is: the Bundle has more than one Patient, so the resource needs a subject',
  'unknown-subject': 'Its subject is not a Patient in the Bundle, and no NHS number says who it is: include the Patient, or give the NHS number as the subject’s identifier',
  'nhs-number-invalid': 'The NHS number is not valid: it must be 10 digits with a correct check digit',
  'not-uk-core': 'The resource does not keep to its UK Core profile: see each problem',
};

export const SKIP_MESSAGES: Readonly<Record<SkipCode, string>> = {
  'no-resource': 'The entry has no resource',
  'unsupported-resource': 'Resources of this type are not imported into the chronology',
  'not-happened': 'It is planned or cancelled, or has no result yet, so it is not in the chronology',
  'entered-in-error': 'It was entered in error and nothing was imported from it before, so there is nothing to correct',
  'message-header': 'The message’s header says where the message is from; it is not a record about the family',
  'person-proposed': 'A person around the baby, kept for a practitioner to add, match to someone recorded, or set aside: nobody is added to a record by an import',
  'nothing-to-record': 'It says nothing the chronology records',
};

/** What became of each Patient in the Bundle. */
export const PATIENT_MESSAGES = {
  infant: 'Matched by NHS number to the baby’s record',
  person: 'Matched by NHS number to a person recorded around the baby',
  // The same whether no record has the NHS number or only records the importer may not open (matches-as-seen.ts).
  unmatched: 'Matches no baby or person on a record you may open: a practitioner must confirm who this is before anything about them is recorded. Making a record for them checks every record first, those other teams hold too, and says whom to ask about one held elsewhere',
  'nhs-number-invalid': 'The NHS number is not valid (it fails its check digit): nothing about this Patient is imported',
  'several-records': 'More than one baby’s record has this NHS number: ask the safeguarding team to resolve the duplicate, then send the Bundle again',
} as const;

export type PatientMatchCode = keyof typeof PATIENT_MESSAGES;

/** What became of a resource whose entries were recorded, or found already recorded. */
export const RECORDED_MESSAGES = {
  stored: 'Recorded in the chronology',
  duplicate: 'Already recorded: sent before, unchanged',
  corrected: 'Recorded as a correction of what was sent before',
  'marked-entered-in-error': 'The entry imported from it before is corrected: entered in error',
} as const;

export const OUTSIDE_LIFE_MESSAGE = 'The date is before this pregnancy began: it cannot be part of the baby’s chronology';
