// The Patients a Bundle holds (mother, partner, baby, an unborn baby) and whose each other resource
// is. A Patient is known by every reference that can point to it: `Patient/<id>`, the entry's
// fullUrl (a `urn:uuid:` in a transaction) and an absolute URL ending in `Patient/<id>`. A resource
// names its subject (`subject`, or `patient` for RelatedPerson and Consent) by reference or by NHS
// number; one that names none is about the Bundle's only Patient. Nothing is guessed: a reference
// to no Patient in the Bundle, or no subject when there are several Patients, is reported.
import { checkNhsNumber, normaliseNhsNumber } from '../../people/nhs-number.ts';
import { listAt, objectAt, stringAt, type JsonObject } from './fhir-json.ts';

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';

/** The UK Core fetal-status extension on a Patient (its value a code: `unborn` before the birth). */
export const FETAL_STATUS_EXTENSION = 'http://hl7.org/fhir/6.0/StructureDefinition/extension-Patient.fetalStatus';

export interface BundlePatient {
  /** The position of the Patient in `Bundle.entry`. */
  index: number;
  /** Every reference that points to it. */
  references: string[];
  /** Ten digits with a correct check digit, when it gives one. */
  nhsNumber?: string;
  /** Where an NHS number that fails its check is, when it gives one. */
  invalidNhsNumberPath?: string;
  /** It carries the fetal-status extension with the code `unborn`. */
  unborn: boolean;
}

export type ResourceSubject =
  | { kind: 'patient'; patientIndex: number }
  /** An NHS number given as the subject's identifier, of no Patient in the Bundle. */
  | { kind: 'nhs-number'; nhsNumber: string }
  | { kind: 'unknown-subject' | 'no-subject' | 'nhs-number-invalid'; path: string };

type NhsMention = { valid: true; nhsNumber: string } | { valid: false; path: string };

function nhsNumberIn(identifier: unknown, path: string): NhsMention | undefined {
  const value = stringAt(identifier, 'value');
  if (stringAt(identifier, 'system') !== NHS_NUMBER_SYSTEM || value === undefined) return undefined;
  const nhsNumber = normaliseNhsNumber(value);
  return checkNhsNumber(nhsNumber) === null ? { valid: true, nhsNumber } : { valid: false, path: `${path}/value` };
}

function isUnborn(resource: JsonObject): boolean {
  return listAt(resource, 'extension').some((extension) => stringAt(extension, 'url') === FETAL_STATUS_EXTENSION && stringAt(extension, 'valueCode') === 'unborn');
}

/** The Patient at `entry[index]`, or undefined when that entry holds no Patient. */
export function readBundlePatient(entry: unknown, index: number): BundlePatient | undefined {
  const resource = objectAt(entry, 'resource');
  if (resource === undefined || stringAt(resource, 'resourceType') !== 'Patient') return undefined;
  const path = `/entry/${String(index)}/resource`;
  const mention = listAt(resource, 'identifier')
    .map((identifier, i) => nhsNumberIn(identifier, `${path}/identifier/${String(i)}`))
    .find((found) => found !== undefined);
  const id = stringAt(resource, 'id');
  const fullUrl = stringAt(entry, 'fullUrl');
  const references = [...new Set([id === undefined ? undefined : `Patient/${id}`, fullUrl].filter((reference): reference is string => reference !== undefined))];
  return {
    index,
    references,
    ...(mention?.valid === true ? { nhsNumber: mention.nhsNumber } : {}),
    ...(mention?.valid === false ? { invalidNhsNumberPath: mention.path } : {}),
    unborn: isUnborn(resource),
  };
}

/** `https://server.example/fhir/Patient/9` as `Patient/9`, so that it finds a Patient sent with id 9. */
function relativeOf(reference: string): string | undefined {
  const match = /(?:^|\/)(Patient\/[^/]+)$/.exec(reference);
  return match?.[1];
}

function patientByReference(patients: readonly BundlePatient[], reference: string): BundlePatient | undefined {
  const relative = relativeOf(reference);
  return patients.find((patient) => patient.references.includes(reference)) ?? (relative === undefined ? undefined : patients.find((patient) => patient.references.includes(relative)));
}

/** Whose a resource is, from its `subject` (or `patient`), among the Bundle's Patients. */
export function subjectOf(resource: JsonObject, path: string, patients: readonly BundlePatient[]): ResourceSubject {
  const field = objectAt(resource, 'subject') !== undefined ? 'subject' : objectAt(resource, 'patient') !== undefined ? 'patient' : undefined;
  if (field === undefined) {
    const [only, ...others] = patients;
    return only !== undefined && others.length === 0 ? { kind: 'patient', patientIndex: only.index } : { kind: 'no-subject', path: `${path}/subject` };
  }
  const subject = objectAt(resource, field);
  const reference = stringAt(subject, 'reference');
  const referenced = reference === undefined ? undefined : patientByReference(patients, reference);
  if (referenced !== undefined) return { kind: 'patient', patientIndex: referenced.index };
  const mention = nhsNumberIn(objectAt(subject, 'identifier'), `${path}/${field}/identifier`);
  if (mention?.valid === false) return { kind: 'nhs-number-invalid', path: mention.path };
  if (mention?.valid === true) {
    const inBundle = patients.find((patient) => patient.nhsNumber === mention.nhsNumber);
    return inBundle === undefined ? { kind: 'nhs-number', nhsNumber: mention.nhsNumber } : { kind: 'patient', patientIndex: inBundle.index };
  }
  return { kind: 'unknown-subject', path: `${path}/${field}${reference === undefined ? '' : '/reference'}` };
}
