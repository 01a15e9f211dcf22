// A FHIR R4 Bundle (collection, transaction or batch) of UK Core Encounters and Observations for one
// patient, read into chronology entries. The Bundle as a whole must say whose it is; each resource
// is then read on its own, so one that cannot be read is reported and the rest still come in.
import { findBundlePatient, isAboutPatient, type BundlePatient } from './bundle-patient.ts';
import { readEncounter } from './encounter-entries.ts';
import { listAt, objectAt, stringAt, type JsonObject } from './fhir-json.ts';
import type { BundleReading, MappedEntry, ResourceReading } from './fhir-import.types.ts';
import { emptyReading, mergeReadings, rejected, resourceName, skipped, type ResourceAt } from './fhir-resource.ts';
import { readObservation } from './observation-entry.ts';

/** The kinds of Bundle an import takes. */
export const BUNDLE_TYPES: readonly string[] = ['collection', 'transaction', 'batch'];

const READERS: Readonly<Record<string, (resource: JsonObject, at: ResourceAt) => ResourceReading>> = {
  Encounter: readEncounter,
  Observation: readObservation,
};

export function readBundle(body: unknown): BundleReading {
  if (stringAt(body, 'resourceType') !== 'Bundle') return { ok: false, code: 'not-a-bundle', path: '/resourceType' };
  if (!BUNDLE_TYPES.includes(stringAt(body, 'type') ?? '')) return { ok: false, code: 'unsupported-bundle-type', path: '/type' };
  const entries = listAt(body, 'entry');
  const found = findBundlePatient(entries);
  if (!found.ok) return found;
  return { ok: true, nhsNumber: found.patient.nhsNumber, ...mergeReadings(entries.map((entry, index) => readResource(entry, index, found.patient))) };
}

function readResource(entry: unknown, index: number, patient: BundlePatient): ResourceReading {
  const resource = objectAt(entry, 'resource');
  if (resource === undefined) return skipped({ index, name: 'none' }, 'no-resource', `/entry/${String(index)}`);
  const path = `/entry/${String(index)}/resource`;
  const type = stringAt(resource, 'resourceType') ?? 'unknown';
  if (type === 'Patient') return emptyReading();
  const reader = READERS[type];
  if (reader === undefined) return skipped({ index, name: type }, 'unsupported-resource', `${path}/resourceType`);
  const name = resourceName(type, resource);
  if (name === undefined) return rejected({ index, name: type }, 'no-id', `${path}/id`);
  if (!isAboutPatient(resource, patient)) return rejected({ index, name }, 'other-patient', `${path}/subject`);
  return reader(resource, { index, path, name });
}

/** Where in the Bundle a problem with an entry's field lies: the date's own field, else the resource. */
export function bundlePathOf(mapped: MappedEntry, entryPath: string): string {
  return entryPath === '/occurredAt' ? mapped.occurredAtPath : `/entry/${String(mapped.index)}/resource`;
}
