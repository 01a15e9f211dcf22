// Observations of factors for relapse.ts, from the two places they are recorded: chronology
// entries (read by the profile's own rules for events, event-evidence.ts) and the evidence stored
// with the profile's assessments ("she says she has stopped drinking").
import { isFactorId } from '../catalogue/catalogue.ts';
import { evidenceFromEvents } from '../profile/event-evidence.ts';
import { directionOf } from '../profile/evidence-tally.ts';
import { profileSettings } from '../profile/profile-settings.ts';
import { currentEntries } from './current-entries.ts';
import { toProfileEvent } from './to-profile-event.ts';
import type { FactorAssessment, ProfileSettings } from '../profile/profile.types.ts';
import type { ChronologyEntry } from './chronology.types.ts';
import type { FactorObservation } from './relapse.ts';

export interface ObservationOptions {
  /** The significant adults; adult factors for anyone else are left out. Everyone the entries name when not given. */
  adultIds?: ReadonlySet<string>;
  /** For the late-booking threshold. */
  settings?: Partial<ProfileSettings>;
}

/** What the current entries say about each factor, by the profile's own rules for events. */
export function observationsFromEntries(entries: readonly ChronologyEntry[], options: ObservationOptions = {}): FactorObservation[] {
  const current = currentEntries(entries);
  const adultIds = options.adultIds ?? everyoneNamed(current);
  const { byFactor } = evidenceFromEvents(current.map(toProfileEvent), adultIds, profileSettings(options.settings));
  return [...byFactor].flatMap(([key, evidence]) => {
    // factorKey is "factor" or "factor|person", and no factor id holds a bar.
    const split = key.indexOf('|');
    const factorId = split === -1 ? key : key.slice(0, split);
    if (!isFactorId(factorId)) return [];
    return evidence.map((item): FactorObservation => ({
      factorId,
      ...(split === -1 ? {} : { personId: key.slice(split + 1) }),
      at: item.recordedAt,
      indicates: item.indicates ?? 'present',
      ...(item.eventId === undefined ? {} : { entryId: item.eventId }),
      source: item.source,
    }));
  });
}

/** Everyone the entries name: who they are about, who was harmed, who harmed, and whom an indication is about. */
function everyoneNamed(entries: readonly ChronologyEntry[]): Set<string> {
  const named = new Set<string>();
  for (const entry of entries) {
    for (const id of entry.personIds) named.add(id);
    for (const id of entry.victimIds) named.add(id);
    for (const id of entry.perpetratorIds) named.add(id);
    for (const item of entry.indicates) if (item.personId !== undefined) named.add(item.personId);
  }
  return named;
}

/** Each piece of stored evidence that points one way, as an observation at the time it was recorded. */
export function observationsFromAssessments(assessments: readonly FactorAssessment[]): FactorObservation[] {
  return assessments.flatMap((assessment) => {
    if (!isFactorId(assessment.factorId)) return [];
    const personId = assessment.subject === 'adult' ? assessment.personId : undefined;
    return assessment.evidence.flatMap((evidence): FactorObservation[] => {
      const indicates = directionOf(evidence, assessment.status);
      if (indicates === null) return [];
      return [{
        factorId: assessment.factorId,
        ...(personId === undefined ? {} : { personId }),
        at: evidence.recordedAt,
        indicates,
        ...(evidence.eventId === undefined ? {} : { entryId: evidence.eventId }),
        source: evidence.source,
      }];
    });
  });
}
