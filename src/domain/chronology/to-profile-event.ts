// The chronology as the profile reads it: current entries only (a corrected entry no longer counts),
// each as a ProfileEvent whose evidence carries the entry's source, agency and recorder.
import { isFactorId } from '../catalogue/catalogue.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';
import type { ProfileEvent } from '../profile/profile.types.ts';
import type { ChronologyEntry } from './chronology.types.ts';
import { currentEntries } from './current-entries.ts';

/**
 * Each frozen entry's event, made once: a kept chronology's entries are frozen and shared from
 * change to change (application/chronology/chronology-cache.ts), and every evaluation reads them all.
 * The event is frozen too, as it is shared.
 */
const eventOfFrozen = new WeakMap<ChronologyEntry, ProfileEvent>();

export function toProfileEvent(entry: ChronologyEntry): ProfileEvent {
  if (!Object.isFrozen(entry)) return profileEventOf(entry);
  let event = eventOfFrozen.get(entry);
  if (event === undefined) {
    event = Object.freeze(profileEventOf(entry));
    eventOfFrozen.set(entry, event);
  }
  return event;
}

function profileEventOf(entry: ChronologyEntry): ProfileEvent {
  const indicates = entry.indicates.flatMap((item): { factorId: FactorId; personId?: string }[] =>
    isFactorId(item.factorId) ? [{ factorId: item.factorId, ...(item.personId === undefined ? {} : { personId: item.personId }) }] : [],
  );
  return {
    id: entry.id,
    kind: entry.kind,
    occurredAt: entry.occurredAt,
    source: entry.source,
    recordedBy: entry.recordedBy,
    agency: entry.agency,
    agencyKind: entry.agencyKind,
    note: entry.summary,
    personIds: entry.personIds,
    victimIds: entry.victimIds,
    perpetratorIds: entry.perpetratorIds,
    ...(indicates.length > 0 ? { indicates } : {}),
    ...(entry.substance === undefined ? {} : { substance: entry.substance }),
    ...(entry.gestationWeeks === undefined ? {} : { gestationWeeks: entry.gestationWeeks }),
    ...(entry.disputes === undefined || entry.disputes.length === 0
      ? {}
      : { disputes: entry.disputes.map((d) => ({ disputedBy: d.disputedBy, text: d.text, recordedBy: d.recordedBy, agency: d.agency })) }),
  };
}

export function profileEventsFrom(entries: readonly ChronologyEntry[]): ProfileEvent[] {
  return currentEntries(entries).map(toProfileEvent);
}
