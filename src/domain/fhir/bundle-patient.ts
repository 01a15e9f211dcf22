// Whose record a Bundle is for: the NHS number of its Patient, or, when it has none, the NHS number
// each resource gives as its subject. One Bundle is about one patient.
import { checkNhsNumber, normaliseNhsNumber } from '../people/nhs-number.ts';
import { listAt, objectAt, stringAt } from './fhir-json.ts';

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';

export interface BundlePatient {
  /** Ten digits. */
  nhsNumber: string;
  /**
   * Every Patient in the Bundle by each reference that can point to it (`Patient/<id>`, the
   * entry's fullUrl): its NHS number, or null when it gives none.
   */
  byReference: ReadonlyMap<string, string | null>;
}

export type BundlePatientResult =
  | { ok: true; patient: BundlePatient }
  | { ok: false; code: 'no-nhs-number' | 'nhs-number-invalid' | 'several-patients'; path: string };

interface Mention {
  nhsNumber: string;
  path: string;
}

function nhsNumberIn(identifier: unknown, path: string): Mention | undefined {
  const value = stringAt(identifier, 'value');
  return stringAt(identifier, 'system') === NHS_NUMBER_SYSTEM && value !== undefined ? { nhsNumber: normaliseNhsNumber(value), path: `${path}/value` } : undefined;
}

function patientMention(resource: unknown, path: string): Mention | undefined {
  return listAt(resource, 'identifier')
    .map((identifier, i) => nhsNumberIn(identifier, `${path}/identifier/${String(i)}`))
    .find((mention) => mention !== undefined);
}

function subjectMention(resource: unknown, path: string): Mention | undefined {
  return nhsNumberIn(objectAt(objectAt(resource, 'subject'), 'identifier'), `${path}/subject/identifier`);
}

export function findBundlePatient(entries: readonly unknown[]): BundlePatientResult {
  const byReference = new Map<string, string | null>();
  const patients: Mention[] = [];
  const subjects: Mention[] = [];
  entries.forEach((entry, index) => {
    const resource = objectAt(entry, 'resource');
    const path = `/entry/${String(index)}/resource`;
    if (stringAt(resource, 'resourceType') !== 'Patient') {
      const mention = subjectMention(resource, path);
      if (mention) subjects.push(mention);
      return;
    }
    const mention = patientMention(resource, path);
    if (mention) patients.push(mention);
    const id = stringAt(resource, 'id');
    for (const reference of [id === undefined ? undefined : `Patient/${id}`, stringAt(entry, 'fullUrl')]) {
      if (reference !== undefined) byReference.set(reference, mention?.nhsNumber ?? null);
    }
  });
  const mentions = patients.length > 0 ? patients : subjects;
  const invalid = mentions.find((mention) => checkNhsNumber(mention.nhsNumber) !== null);
  if (invalid) return { ok: false, code: 'nhs-number-invalid', path: invalid.path };
  const [first] = mentions;
  if (!first) return { ok: false, code: 'no-nhs-number', path: '/entry' };
  const other = mentions.find((mention) => mention.nhsNumber !== first.nhsNumber);
  if (other) return { ok: false, code: 'several-patients', path: other.path };
  return { ok: true, patient: { nhsNumber: first.nhsNumber, byReference } };
}

/**
 * Whether a resource is about the Bundle's patient: by the NHS number of its subject, or of the
 * Patient in the Bundle its subject points to. A resource that does not say is taken to be.
 */
export function isAboutPatient(resource: unknown, patient: BundlePatient): boolean {
  const identified = subjectMention(resource, '');
  if (identified) return identified.nhsNumber === patient.nhsNumber;
  const reference = stringAt(objectAt(resource, 'subject'), 'reference');
  const referenced = reference === undefined ? undefined : patient.byReference.get(reference);
  return referenced === undefined || referenced === patient.nhsNumber;
}
