// Filtering a chronology by agency, kind, person and period, and marking which entries have been
// corrected. Corrected entries stay visible beside their correction: nothing is edited silently.
import type { ChronologyEntry } from './chronology.types.ts';

export interface ChronologyFilters {
  /** Agency name or agency kind (`police`, `hospital`). */
  agency?: string;
  kind?: string;
  /** Entries about, with, or naming this person. */
  personId?: string;
  /** Inclusive days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  significantOnly?: boolean;
}

export interface ListedEntry extends ChronologyEntry {
  /** The ids of the entries that correct this one: it is shown, marked as corrected. */
  correctedBy: readonly string[];
}

function involves(entry: ChronologyEntry, personId: string): boolean {
  return [entry.personIds, entry.presentIds, entry.victimIds, entry.perpetratorIds].some((ids) => ids.includes(personId)) || entry.indicates.some((i) => i.personId === personId);
}

function matches(entry: ChronologyEntry, filters: ChronologyFilters): boolean {
  const day = entry.occurredAt.slice(0, 10);
  if (filters.agency !== undefined && entry.agency !== filters.agency && entry.agencyKind !== filters.agency) return false;
  if (filters.kind !== undefined && entry.kind !== filters.kind) return false;
  if (filters.personId !== undefined && !involves(entry, filters.personId)) return false;
  if (filters.from !== undefined && day < filters.from) return false;
  if (filters.to !== undefined && day > filters.to) return false;
  if (filters.significantOnly === true && !entry.significant) return false;
  return true;
}

/** The entries the filters keep, each marked with the entries (among all given) that correct it. */
export function filterEntries(entries: readonly ChronologyEntry[], filters: ChronologyFilters): ListedEntry[] {
  const corrections = new Map<string, string[]>();
  for (const entry of entries) if (entry.corrects !== undefined) corrections.set(entry.corrects, [...(corrections.get(entry.corrects) ?? []), entry.id]);
  return entries.filter((entry) => matches(entry, filters)).map((entry) => ({ ...entry, correctedBy: corrections.get(entry.id) ?? [] }));
}

/** Whether the filters keep every entry: none is set. */
function keepsAll(filters: ChronologyFilters): boolean {
  return Object.values(filters).every((value) => value === undefined || value === false);
}

/**
 * Of entries already listed (filterEntries with no filters), those the filters keep: the same
 * objects, not copies; with no filter set, the listed array itself.
 */
export function keepMatching(listed: readonly ListedEntry[], filters: ChronologyFilters): readonly ListedEntry[] {
  return keepsAll(filters) ? listed : listed.filter((entry) => matches(entry, filters));
}
