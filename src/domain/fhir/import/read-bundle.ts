// A FHIR R4 Bundle (collection, transaction, batch or message) of UK Core resources about a baby and
// the adults around them, read into chronology entries. Each resource is read on its own, with whose
// it is (bundle-patient.ts): one that cannot be read is reported and the rest still come in. Which
// record each Patient is, and so where the entries go, is the import's to find (application/fhir).
import { readBundlePatient, subjectOf, type BundlePatient } from './bundle-patient.ts';
import { readCarePlan } from './care-plan-entry.ts';
import { isConditionEnteredInError, readCondition } from './condition-entry.ts';
import { readConsent } from './consent-entry.ts';
import { readEncounter } from './encounter-entries.ts';
import { readFlag } from './flag-entry.ts';
import { listAt, objectAt, stringAt, type JsonObject } from './fhir-json.ts';
import type { BundleReading, BundleResource, MappedEntry, ResourceReading } from './fhir-import.types.ts';
import { emptyReading, mergeReadings, rejected, resourceName, skipped, type ResourceAt } from './fhir-resource.ts';
import { readObservation } from './observation-entry.ts';
import { readRelatedPerson } from './related-person-entry.ts';
import { ukCoreProblems } from './uk-core-validation.ts';

/** The kinds of Bundle an import takes. */
export const BUNDLE_TYPES: readonly string[] = ['collection', 'transaction', 'batch', 'message'];

const READERS: Readonly<Record<string, (resource: JsonObject, at: ResourceAt) => ResourceReading>> = {
  Encounter: readEncounter,
  Observation: readObservation,
  Condition: readCondition,
  Flag: readFlag,
  CarePlan: readCarePlan,
  Consent: readConsent,
  RelatedPerson: readRelatedPerson,
};

/** The resource types the import reads into the chronology (besides Patient, which says whose). */
export const IMPORTED_RESOURCE_TYPES: readonly string[] = Object.keys(READERS);

export function readBundle(body: unknown): BundleReading {
  if (stringAt(body, 'resourceType') !== 'Bundle') return { ok: false, code: 'not-a-bundle', path: '/resourceType' };
  const type = stringAt(body, 'type') ?? '';
  if (!BUNDLE_TYPES.includes(type)) return { ok: false, code: 'unsupported-bundle-type', path: '/type' };
  const entries = listAt(body, 'entry');
  const isMessage = type === 'message';
  if (isMessage && stringAt(objectAt(entries[0], 'resource'), 'resourceType') !== 'MessageHeader') return { ok: false, code: 'message-without-header', path: '/entry/0' };
  const patients = entries.map(readBundlePatient).filter((patient): patient is BundlePatient => patient !== undefined);
  const resources: BundleResource[] = [];
  const unread: ResourceReading[] = [];
  entries.forEach((entry, index) => {
    const read = readResource(entry, index, patients);
    if (read === undefined) return;
    if ('subject' in read) resources.push(read);
    else unread.push(read);
  });
  const patientProblems = patients.flatMap((patient) => {
    const path = `/entry/${String(patient.index)}/resource`;
    return ukCoreProblems(objectAt(entries[patient.index], 'resource')!, path).map((problem) => ({ index: patient.index, resource: 'Patient', code: 'not-uk-core' as const, ...problem }));
  });
  return { ok: true, patients, resources, unread: mergeReadings(unread), patientProblems };
}

/** A resource to import; or, when it is not one, why (nothing for a Patient). */
function readResource(entry: unknown, index: number, patients: readonly BundlePatient[]): BundleResource | ResourceReading | undefined {
  const resource = objectAt(entry, 'resource');
  if (resource === undefined) return skipped({ index, name: 'none' }, 'no-resource', `/entry/${String(index)}`);
  const path = `/entry/${String(index)}/resource`;
  const type = stringAt(resource, 'resourceType') ?? 'unknown';
  if (type === 'Patient') return undefined;
  if (type === 'MessageHeader' && index === 0) return skipped({ index, name: type }, 'message-header', path);
  const reader = READERS[type];
  if (reader === undefined) return skipped({ index, name: type }, 'unsupported-resource', `${path}/resourceType`);
  const name = resourceName(type, resource, stringAt(entry, 'fullUrl'));
  if (name === undefined) return rejected({ index, name: type }, 'no-id', `${path}/id`);
  const problems = ukCoreProblems(resource, path);
  if (problems.length > 0) return { ...emptyReading(), rejected: problems.map((problem) => ({ index, resource: name, code: 'not-uk-core', ...problem })) };
  const subject = subjectOf(resource, path, patients);
  const enteredInErrorPath = enteredInErrorPathOf(resource, path);
  if (enteredInErrorPath !== undefined) return { index, name, subject, enteredInErrorPath, reading: emptyReading() };
  return { index, name, subject, reading: reader(resource, { index, path, name }) };
}

/** Where a resource says it was entered in error: its status, or (a Condition, which has no status) its verificationStatus. */
function enteredInErrorPathOf(resource: JsonObject, path: string): string | undefined {
  if (stringAt(resource, 'status') === 'entered-in-error') return `${path}/status`;
  return stringAt(resource, 'resourceType') === 'Condition' && isConditionEnteredInError(resource) ? `${path}/verificationStatus` : undefined;
}

/** Where in the Bundle a problem with an entry's field lies: the date's own field, else the resource. */
export function bundlePathOf(mapped: MappedEntry, entryPath: string): string {
  return entryPath === '/occurredAt' ? mapped.occurredAtPath : `/entry/${String(mapped.index)}/resource`;
}
