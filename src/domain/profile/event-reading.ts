// What evaluating a profile reads from every event of a case's chronology, kept entry by entry
// (issue 12, ADR 0020), so that a new entry costs the same at 10 and at 5,000 entries: the events
// (the current entries as ProfileEvents), the evidence they give their factors (event-evidence.ts)
// for the adults and the late-booking setting it was read for, the events that trigger a review and
// what the GP was told (findings/gp-events.ts), the days of the police domestic abuse incidents
// (findings/abuse-incidents.ts), and each factor's tally of its evidence (evidence-tally.ts: what
// the rules read of it), so that a factor is not weighed over every piece.
//
// evidenceFromEvents reads each event alone, so an entry added at the chronology's end that corrects
// nothing adds its event and its evidence at the ends of the lists, where a full reading puts them,
// its trigger and incident day in their places by halving (those lists are sorted), and the tally of
// its evidence to each factor's (event ids are unique, as the database's key makes them, so an entry
// added never changes whether an earlier piece came from a GP practice).
// Anything else reads the whole chronology again: an entry placed before the last (given out of date
// order, or earlier in its day), a correction, an entry an earlier one says it corrects, a chronology
// that does not begin with the very entries read (the same objects in the same places, as the
// chronology cache and withNewEntries hand them on); other adults or another setting read the
// evidence again from the events kept. A state is a value: feeding it makes a new one and never
// changes a list it handed out, so an evaluation that keeps (or freezes) what it read is safe.
import { isTriggerEventKind } from '../catalogue/catalogue.ts';
import { currentEntries } from '../chronology/current-entries.ts';
import { toProfileEvent } from '../chronology/to-profile-event.ts';
import type { ChronologyEntry } from '../chronology/chronology.types.ts';
import { dayOf } from '../shared/calendar-date.ts';
import { evidenceFromEvents } from './event-evidence.ts';
import { EMPTY_TALLY, mergeTallies, talliesOf } from './evidence-tally.ts';
import { abuseIncidentDaysOf, withAbuseIncidentDays } from './findings/abuse-incidents.ts';
import { gpEventsOf, withGpEvents } from './findings/gp-events.ts';
import { withInserted } from '../shared/sorted-list.ts';
import type { EventEvidence, EventReading, Evidence, EvidenceTally, ProfileEvent, ProfileSettings } from './profile.types.ts';

export interface EventReadingState {
  /** The chronology read. */
  readonly entries: readonly ChronologyEntry[];
  /** Every id an entry read says it corrects. */
  readonly corrected: ReadonlySet<string>;
  readonly reading: EventReading;
}

/** Whether the event is one nextReviewDate and the evaluation's triggers since the last review start from. */
export function isDatedTrigger(event: Pick<ProfileEvent, 'kind' | 'occurredAt'>): boolean {
  return isTriggerEventKind(event.kind) && dayOf(event.occurredAt) !== null;
}

/** The order of the triggers since a review (and of nextReviewDate's): by when they occurred, as text in the locale's order. */
export function byWhenOccurred(a: Pick<ProfileEvent, 'occurredAt'>, b: Pick<ProfileEvent, 'occurredAt'>): number {
  return a.occurredAt.localeCompare(b.occurredAt);
}

/** Whether the reading was made for these events, adults and setting, so an evaluation may take it as its own. */
export function readingFits(reading: EventReading, events: readonly ProfileEvent[], adultIds: ReadonlySet<string>, settings: ProfileSettings): boolean {
  return reading.events === events && reading.lateBookingAfterWeeks === settings.lateBookingAfterWeeks && reading.adultIds.length === adultIds.size && reading.adultIds.every((id) => adultIds.has(id));
}

/** The chronology's reading for these adults and settings: `kept` fed the entries added at its end, or a new one. */
export function readEventsKept(entries: readonly ChronologyEntry[], adultIds: ReadonlySet<string>, settings: ProfileSettings, kept?: EventReadingState | null): EventReadingState {
  const added = kept ? addedAtEnd(kept, entries) : null;
  if (kept === undefined || kept === null || added === null) return readWhole(entries, adultIds, settings);
  const adults = [...adultIds].sort();
  const sameReader = kept.reading.lateBookingAfterWeeks === settings.lateBookingAfterWeeks && kept.reading.adultIds.length === adults.length && kept.reading.adultIds.every((id, i) => id === adults[i]);
  if (added.length === 0 && sameReader) return kept;
  const newEvents = added.map(toProfileEvent);
  const events = newEvents.length === 0 ? kept.reading.events : [...kept.reading.events, ...newEvents];
  if (!sameReader) return { entries, corrected: kept.corrected, reading: readingOfEvents(events, adultIds, settings) };
  const gp = newEvents.length === 0 ? kept.reading.gp : withGpEvents(kept.reading.gp, gpEventsOf(newEvents));
  const newEvidence = evidenceFromEvents(newEvents, adultIds, settings);
  return {
    entries,
    corrected: kept.corrected,
    reading: {
      events,
      adultIds: adults,
      lateBookingAfterWeeks: settings.lateBookingAfterWeeks,
      evidence: appended(kept.reading.evidence, newEvidence),
      tallies: withTallies(kept.reading.tallies, talliesOf(newEvidence.byFactor, gp.byTheGp)),
      triggers: withInserted(kept.reading.triggers, newEvents.filter(isDatedTrigger), byWhenOccurred),
      abuseIncidentDays: withAbuseIncidentDays(kept.reading.abuseIncidentDays, newEvents),
      gp,
    },
  };
}

/** What evaluating these events reads of them, worked out whole: what evaluateProfile reads when given no reading that fits. */
export function readingOfEvents(events: readonly ProfileEvent[], adultIds: ReadonlySet<string>, settings: ProfileSettings): EventReading {
  const evidence = evidenceFromEvents(events, adultIds, settings);
  const gp = gpEventsOf(events);
  return { events, adultIds: [...adultIds].sort(), lateBookingAfterWeeks: settings.lateBookingAfterWeeks, evidence, tallies: talliesOf(evidence.byFactor, gp.byTheGp), triggers: events.filter(isDatedTrigger).sort(byWhenOccurred), abuseIncidentDays: abuseIncidentDaysOf(events), gp };
}

function readWhole(entries: readonly ChronologyEntry[], adultIds: ReadonlySet<string>, settings: ProfileSettings): EventReadingState {
  const corrected = new Set(entries.flatMap((entry) => (typeof entry.corrects === 'string' ? [entry.corrects] : [])));
  return { entries, corrected, reading: readingOfEvents(currentEntries(entries).map(toProfileEvent), adultIds, settings) };
}

/**
 * The entries after those the state read, when `entries` begins with them (the same objects) and
 * none of the rest corrects an entry or is one an entry read corrects; otherwise null.
 */
function addedAtEnd(state: EventReadingState, entries: readonly ChronologyEntry[]): ChronologyEntry[] | null {
  const read = state.entries;
  if (entries.length < read.length) return null;
  for (let i = read.length - 1; i >= 0; i--) if (entries[i] !== read[i]) return null;
  const added = entries.slice(read.length);
  return added.every((entry) => typeof entry.corrects !== 'string' && !state.corrected.has(entry.id)) ? added : null;
}

/** The evidence of the events read, then of the events added: each factor's list as a full reading orders it, the lists read never changed. */
function appended(before: EventEvidence, after: EventEvidence): EventEvidence {
  if (after.byFactor.size === 0 && after.problems.length === 0) return before;
  const byFactor = new Map<string, readonly Evidence[]>(before.byFactor);
  for (const [key, pieces] of after.byFactor) byFactor.set(key, [...(byFactor.get(key) ?? []), ...pieces]);
  return { byFactor, problems: after.problems.length === 0 ? before.problems : [...before.problems, ...after.problems] };
}

/** Each factor's tally of the evidence read, merged with the tally of the evidence added after it; the map read never changed. */
function withTallies(before: ReadonlyMap<string, EvidenceTally>, after: ReadonlyMap<string, EvidenceTally>): ReadonlyMap<string, EvidenceTally> {
  if (after.size === 0) return before;
  const tallies = new Map(before);
  for (const [key, tally] of after) tallies.set(key, mergeTallies(tallies.get(key) ?? EMPTY_TALLY, tally));
  return tallies;
}
