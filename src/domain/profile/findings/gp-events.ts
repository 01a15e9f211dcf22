// What the gp-not-informed rule reads of every event (gp-not-informed.ts): which events a GP practice
// recorded, and the days the GP was told. Each event's part is its own, so the reading kept by the
// case (event-reading.ts) adds a new event's part to what it read before.
import { dayOf } from '../../shared/calendar-date.ts';
import type { GpEvents, ProfileEvent } from '../profile.types.ts';

const GP = 'gp';

export function gpEventsOf(events: readonly ProfileEvent[]): GpEvents {
  const byTheGp = new Set<string>();
  const toldOn: string[] = [];
  for (const event of events) {
    if (event.agencyKind === GP) byTheGp.add(event.id);
    const day = event.kind === 'gp-informed' ? dayOf(event.occurredAt) : null;
    if (day !== null) toldOn.push(day);
  }
  return { byTheGp, toldOn };
}

/** The events read before, then those added: the set and the list read are never changed. */
export function withGpEvents(before: GpEvents, added: GpEvents): GpEvents {
  return {
    byTheGp: added.byTheGp.size === 0 ? before.byTheGp : new Set([...before.byTheGp, ...added.byTheGp]),
    toldOn: added.toldOn.length === 0 ? before.toldOn : [...before.toldOn, ...added.toldOn],
  };
}
