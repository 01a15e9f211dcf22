// The same kind of incident again and again: "levels of abuse and neglect can fluctuate ... look
// for recurring patterns" (docs/domain.md, Patterns). Three police domestic abuse incidents in twelve months is the
// usual MARAC threshold (SafeLives; docs/domain.md, Domestic abuse (DASH and MARAC)); the other families carry their own thresholds.
import { currentEntries } from './current-entries.ts';
import { datedEntries, peopleOf } from './chronology-days.ts';
import { checkedThreshold, runsWithin } from './rolling-window.ts';
import type { EventKindId } from '../catalogue/event-kinds.ts';
import { INCIDENT_FAMILY_IDS } from './chronology.types.ts';
import type { ChronologyEntry, IncidentFamilyId } from './chronology.types.ts';
import type { DatedEntry } from './chronology-days.ts';
import type { Threshold } from './rolling-window.ts';


/** The kinds each family counts. "Police" is every police incident, domestic abuse included. */
export const INCIDENT_FAMILY_KINDS: Readonly<Record<IncidentFamilyId, readonly EventKindId[]>> = {
  'domestic-abuse': ['police-domestic-abuse-incident'],
  police: ['police-domestic-abuse-incident', 'police-incident'],
  emergency: ['emergency-attendance'],
  injury: ['injury-observed'],
};

export type RepeatedIncidentSettings = Record<IncidentFamilyId, Threshold>;

export const DEFAULT_REPEATED_INCIDENT_SETTINGS: RepeatedIncidentSettings = {
  'domestic-abuse': { minimum: 3, withinMonths: 12 },
  police: { minimum: 3, withinMonths: 12 },
  emergency: { minimum: 3, withinMonths: 12 },
  /** Any second injury to a baby is a pattern (docs/profile-catalogue.md, repeated-harm: injuries on separate occasions). */
  injury: { minimum: 2, withinMonths: 12 },
};

/** What a caller may set: any family, any part of its threshold; the rest keeps its default. */
export type RepeatedIncidentSettingsInput = Partial<Record<IncidentFamilyId, Partial<Threshold>>>;

export function repeatedIncidentSettings(given: RepeatedIncidentSettingsInput | undefined): RepeatedIncidentSettings {
  const pick = (id: IncidentFamilyId) => checkedThreshold(given?.[id], DEFAULT_REPEATED_INCIDENT_SETTINGS[id]);
  return { 'domestic-abuse': pick('domestic-abuse'), police: pick('police'), emergency: pick('emergency'), injury: pick('injury') };
}

export interface IncidentRun {
  familyId: IncidentFamilyId;
  /** Oldest first. */
  entries: readonly ChronologyEntry[];
  /** Days (YYYY-MM-DD) of the first and the last. */
  from: string;
  to: string;
  /** Everyone the entries are about, harmed and harming included, each once. */
  personIds: readonly string[];
  threshold: Threshold;
}

function sameEntries(a: IncidentRun, b: IncidentRun): boolean {
  return a.entries.length === b.entries.length && a.entries.every((entry, i) => entry.id === b.entries[i]?.id);
}

/**
 * Each run of incidents of one family that meets its threshold, family by family in the order of
 * INCIDENT_FAMILY_IDS. A police run made of exactly the incidents of a domestic abuse run says
 * nothing more, so it is left out.
 */
export function findRepeatedIncidents(entries: readonly ChronologyEntry[], given?: RepeatedIncidentSettingsInput): IncidentRun[] {
  return repeatedIncidentsIn(datedEntries(currentEntries(entries)), given);
}

/** The same, over entries already current and dated (findPatterns dates them once for every pattern). */
export function repeatedIncidentsIn(dated: readonly DatedEntry[], given?: RepeatedIncidentSettingsInput): IncidentRun[] {
  const settings = repeatedIncidentSettings(given);
  const found: IncidentRun[] = [];
  for (const familyId of INCIDENT_FAMILY_IDS) {
    const kinds: readonly string[] = INCIDENT_FAMILY_KINDS[familyId];
    const threshold = settings[familyId];
    for (const run of runsWithin(dated.filter((item) => kinds.includes(item.entry.kind)), threshold)) {
      const runEntries = run.map((item) => item.entry);
      const incidentRun: IncidentRun = { familyId, entries: runEntries, from: run[0]!.day, to: run.at(-1)!.day, personIds: peopleOf(runEntries), threshold };
      if (!found.some((other) => sameEntries(other, incidentRun))) found.push(incidentRun);
    }
  }
  return found;
}
