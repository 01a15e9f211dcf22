// Corrections (chronology.types.ts): an entry is never edited; a new entry supersedes it. Every
// pattern reads only what is current, so a corrected mistake can never raise or hide one.
import type { ChronologyEntry } from './chronology.types.ts';

/**
 * The entries no other entry corrects, in the order given. An entry that names itself as what it
 * corrects is not superseded by that; two entries that correct each other both are.
 */
export function currentEntries(entries: readonly ChronologyEntry[]): ChronologyEntry[] {
  const superseded = new Set<string>();
  for (const entry of entries) {
    if (typeof entry.corrects === 'string' && entry.corrects !== entry.id) superseded.add(entry.corrects);
  }
  return entries.filter((entry) => !superseded.has(entry.id));
}
