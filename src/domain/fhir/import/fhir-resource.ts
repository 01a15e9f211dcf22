// What every resource reader shares: where the resource is in the Bundle, how it is named (which
// gives its external id), when it happened, and how a reading is put together.
import type { JsonObject } from './fhir-json.ts';
import { listAt, stringAt } from './fhir-json.ts';
import type { ImportedEntry, ResourceProblemCode, ResourceReading, SkipCode } from './fhir-import.types.ts';

export interface ResourceAt {
  index: number;
  /** `/entry/<index>/resource`. */
  path: string;
  /** `Encounter/<id>`. */
  name: string;
}

/** As the events API allows. */
export const SUMMARY_LIMIT = 4000;

/**
 * How a resource is known, which gives its external id: `Encounter/<id>`; else, for a resource sent
 * without an id (as in a transaction creating it), `Encounter?identifier=<system>|<value>` from its
 * first business identifier; else the entry's fullUrl (a `urn:uuid:` the sender gave it).
 */
export function resourceName(resourceType: string, resource: JsonObject, fullUrl?: string): string | undefined {
  const id = stringAt(resource, 'id');
  if (id !== undefined) return `${resourceType}/${id}`;
  const identifier = listAt(resource, 'identifier').find((candidate) => stringAt(candidate, 'value') !== undefined);
  if (identifier !== undefined) return `${resourceType}?identifier=${stringAt(identifier, 'system') ?? ''}|${stringAt(identifier, 'value')!}`;
  return fullUrl;
}

export const externalIdOf = (name: string) => `fhir:${name}`;

/**
 * A FHIR dateTime as the chronology's occurredAt. The day or the moment passes on as sent (the
 * chronology's own rules then check it is real and not in the future); a year or a month alone
 * cannot be placed on a day.
 */
export function occurredAtOf(value: unknown): { ok: true; occurredAt: string } | { ok: false; code: 'no-date' | 'partial-date' } {
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, code: 'no-date' };
  if (/^\d{4}(-\d{2})?$/.test(value.trim())) return { ok: false, code: 'partial-date' };
  return { ok: true, occurredAt: value.trim() };
}

/** The parts that say something, as sentences; the fallback when none do. Kept within the API's limit. */
export function summaryOf(parts: readonly (string | undefined)[], fallback: string): string {
  const text = parts.filter((part): part is string => part !== undefined && part !== '').join('. ') || fallback;
  return text.length > SUMMARY_LIMIT ? `${text.slice(0, SUMMARY_LIMIT - 1)}…` : text;
}

export function mergeReadings(readings: readonly ResourceReading[]): ResourceReading {
  const proposedPeople = readings.flatMap((r) => r.proposedPeople ?? []);
  return { entries: readings.flatMap((r) => r.entries), rejected: readings.flatMap((r) => r.rejected), skipped: readings.flatMap((r) => r.skipped), ...(proposedPeople.length > 0 ? { proposedPeople } : {}) };
}

export const emptyReading = (): ResourceReading => ({ entries: [], rejected: [], skipped: [] });

export function skipped(at: Pick<ResourceAt, 'index' | 'name'>, code: SkipCode, path: string): ResourceReading {
  return { ...emptyReading(), skipped: [{ index: at.index, resource: at.name, code, path }] };
}

export function rejected(at: Pick<ResourceAt, 'index' | 'name'>, code: ResourceProblemCode, path: string): ResourceReading {
  return { ...emptyReading(), rejected: [{ index: at.index, resource: at.name, code, path }] };
}

/** One entry, dated from a FHIR dateTime at `path`; or why it cannot be. */
export function datedEntry(at: ResourceAt, entry: Omit<ImportedEntry, 'occurredAt'>, value: unknown, path: string): ResourceReading {
  const when = occurredAtOf(value);
  if (!when.ok) return rejected(at, when.code, path);
  return { ...emptyReading(), entries: [{ index: at.index, resource: at.name, entry: { ...entry, occurredAt: when.occurredAt }, occurredAtPath: path }] };
}
