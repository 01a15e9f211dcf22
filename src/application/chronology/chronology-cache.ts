// A case's chronology as last read, kept by the case's profile version, so a long chronology is not
// read and parsed again on every view. Safe because the version says whether the entries changed:
// entries are append-only (a trigger refuses UPDATE and DELETE), and every write that adds one
// (an entry, a contact, a batch, a FHIR import, a correction) writes a new profile version in the
// same transaction. Only committed reads go in: the version is read first, then the entries, so
// entries newer than the version can be kept under it, never older ones. Per context (so per
// database), at most MOST_KEPT cases, the least recently read going first.
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { RecentlyUsed } from '../../domain/shared/recently-used.ts';
import type { Db } from '../../infrastructure/db/schema.ts';
import { loadChronology } from './chronology-rows.ts';

const MOST_KEPT = 200;

export class ChronologyCache {
  readonly #kept = new RecentlyUsed<string, { version: number; entries: readonly ChronologyEntry[] }>(MOST_KEPT);

  /** Every entry of the case, as loadChronology reads them, each frozen (they are shared); null when there is no such case. */
  async read(db: Db, caseId: string): Promise<readonly ChronologyEntry[] | null> {
    const record = await db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirst();
    if (!record) return null;
    const kept = this.#kept.get(caseId);
    if (kept && kept.version === record.profile_version) return kept.entries;
    return this.keep(caseId, record.profile_version, await loadChronology(db, caseId));
  }

  /**
   * The entries kept for the case at exactly this version, if any. A change that holds the case's
   * row locked at this version may take them as the committed chronology: no entry can have been
   * committed since without a newer version.
   */
  at(caseId: string, version: number): readonly ChronologyEntry[] | undefined {
    const kept = this.#kept.peek(caseId);
    return kept?.version === version ? kept.entries : undefined;
  }

  /**
   * Keeps the case's whole chronology at this version: only once the change that wrote it has committed.
   * Its entries are frozen, the list is not: V8 (Node 20, 22 and 24 alike) runs slice, filter, some
   * and findLast on a frozen array by a slow path, 3 to 300 times a plain one's for 650 entries, and
   * every page and change reads these lists. Its type (readonly) is what keeps callers from changing it.
   */
  keep(caseId: string, version: number, entries: readonly ChronologyEntry[]): readonly ChronologyEntry[] {
    const before = this.#kept.peek(caseId)?.entries ?? [];
    const kept = entries === before ? entries : frozenEntries(entries, before);
    this.#kept.set(caseId, { version, entries: kept });
    return kept;
  }
}

/**
 * The entries, each frozen. A change keeps the whole chronology again, nearly all of it the entries
 * kept before (frozen already, the same objects in the same order): those are passed over by
 * comparing them with what was kept, in order, since asking each entry whether it is frozen is not
 * cheap (Object.isFrozen looks at every property: 15 ms and more for the 80 chronologies of 650 entries a batch keeps).
 */
function frozenEntries(entries: readonly ChronologyEntry[], before: readonly ChronologyEntry[]): ChronologyEntry[] {
  let next = 0;
  return entries.map((entry) => {
    if (entry === before[next]) {
      next += 1;
      return entry;
    }
    return Object.freeze(entry);
  });
}
