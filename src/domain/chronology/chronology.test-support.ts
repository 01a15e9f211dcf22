// A chronology entry for tests: one line per entry, with only what the test is about given.
import { eventKindById, isTriggerEventKind } from '../catalogue/catalogue.ts';
import type { EventKindId } from '../catalogue/event-kinds.ts';
import type { ChronologyEntry } from './chronology.types.ts';

export function entry(id: string, kind: EventKindId, occurredAt: string, overrides: Partial<ChronologyEntry> = {}): ChronologyEntry {
  const definition = eventKindById(kind)!;
  return {
    id,
    kind,
    occurredAt,
    recordedAt: '2027-01-01T09:00:00Z',
    recordedBy: 'A practitioner',
    agency: 'Health visiting',
    agencyKind: 'health-visiting',
    summary: definition.label,
    source: definition.defaultSource,
    personIds: [],
    presentIds: [],
    significant: isTriggerEventKind(kind),
    indicates: [],
    babySeen: null,
    victimIds: [],
    perpetratorIds: [],
    ...overrides,
  };
}

/** A correction: a new entry that supersedes `corrected`, the same unless `overrides` say otherwise. */
export function correction(id: string, corrected: ChronologyEntry, overrides: Partial<ChronologyEntry> = {}): ChronologyEntry {
  return { ...corrected, id, corrects: corrected.id, correctionReason: 'Recorded in error', ...overrides };
}

export const idsOf = (entries: readonly { id: string }[]) => entries.map((item) => item.id);
