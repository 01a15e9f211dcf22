// What the profile reads of a factor's evidence, counted once beside the list (issue 12, ADR 0020):
// how many pieces point each way and who gave them, how many of absence are independent, the first
// day and the latest piece of presence, whether a GP practice recorded one. The events' reading
// (event-reading.ts) keeps each factor's tally with its list and adds the tally of the pieces an
// entry adds at the end (mergeTallies), so an evaluation after one more entry weighs a factor on its
// tally, not on every piece of its evidence. A tally of one list then another is the two merged.
import { isIndependentSource } from '../catalogue/evidence-sources.ts';
import type { FactorStatus } from '../catalogue/statuses.ts';
import { dayOf } from '../shared/calendar-date.ts';
import { evidenceGiver } from './plain-words.ts';
import type { Evidence, EvidenceDirection, EvidenceTally, Voices } from './profile.types.ts';

/**
 * Which way a piece of evidence points. Evidence that does not say is read as supporting the status
 * it was recorded under; under `not-assessed` or `cannot-assess` it points nowhere.
 */
export function directionOf(evidence: Evidence, status: FactorStatus): EvidenceDirection | null {
  if (evidence.indicates === 'present' || evidence.indicates === 'absent') return evidence.indicates;
  if (status === 'present') return 'present';
  if (status === 'excluded') return 'absent';
  return null;
}

const NO_VOICES: Voices = { count: 0, givers: [], speakers: [] };

export const EMPTY_TALLY: EvidenceTally = { presence: NO_VOICES, absence: NO_VOICES, independentAbsence: 0, firstPresentOn: null, latestPresence: null, presenceByTheGp: false };

/** Who a piece speaks for in the findings' "says"/"say": the person who gave it, else its source and agency. */
function speakerOf(evidence: Evidence): string {
  return evidence.givenBy ?? `${evidence.source}|${evidence.agency}`;
}

/** Each once, in the order first met; the speakers only as far as two (the findings ask whether there is one). */
function joined(first: readonly string[], then: readonly string[], most = Infinity): readonly string[] {
  if (then.length === 0 || first.length >= most) return first;
  const all = [...new Set([...first, ...then])];
  return all.length > most ? all.slice(0, most) : all;
}

/** The later of two pieces of presence by when they were recorded; the first on a tie (as a stable sort, latest first, puts them). */
function later(first: Evidence | null, then: Evidence | null): Evidence | null {
  if (first === null) return then;
  if (then === null) return first;
  return then.recordedAt.localeCompare(first.recordedAt) > 0 ? then : first;
}

function earlier(first: string | null, then: string | null): string | null {
  if (first === null) return then;
  if (then === null) return first;
  return then < first ? then : first;
}

/**
 * The tally of `evidence` under `status` (which way a piece that does not say points: directionOf).
 * `byTheGp`: the ids of the events a GP practice recorded (findings/gp-events.ts).
 */
export function tallyEvidence(evidence: readonly Evidence[], status: FactorStatus, byTheGp: ReadonlySet<string>): EvidenceTally {
  if (evidence.length === 0) return EMPTY_TALLY;
  const presence = { count: 0, givers: new Set<string>(), speakers: new Set<string>() };
  const absence = { count: 0, givers: new Set<string>(), speakers: new Set<string>() };
  let independentAbsence = 0;
  let firstPresentOn: string | null = null;
  let latestPresence: Evidence | null = null;
  let presenceByTheGp = false;
  for (const piece of evidence) {
    const direction = directionOf(piece, status);
    if (direction === null) continue;
    const voices = direction === 'present' ? presence : absence;
    voices.count += 1;
    voices.givers.add(evidenceGiver(piece));
    if (voices.speakers.size < 2) voices.speakers.add(speakerOf(piece));
    if (direction === 'absent') {
      if (isIndependentSource(piece.source)) independentAbsence += 1;
      continue;
    }
    firstPresentOn = earlier(firstPresentOn, dayOf(piece.recordedAt));
    latestPresence = later(latestPresence, piece);
    presenceByTheGp ||= piece.eventId !== undefined && byTheGp.has(piece.eventId);
  }
  const voices = ({ count, givers, speakers }: typeof presence): Voices => (count === 0 ? NO_VOICES : { count, givers: [...givers], speakers: [...speakers] });
  return { presence: voices(presence), absence: voices(absence), independentAbsence, firstPresentOn, latestPresence, presenceByTheGp };
}

function mergeVoices(first: Voices, then: Voices): Voices {
  if (then.count === 0) return first;
  if (first.count === 0) return then;
  return { count: first.count + then.count, givers: joined(first.givers, then.givers), speakers: joined(first.speakers, then.speakers, 2) };
}

/** The tally of a list followed by another, from the two lists' tallies. */
export function mergeTallies(first: EvidenceTally, then: EvidenceTally): EvidenceTally {
  if (then === EMPTY_TALLY) return first;
  if (first === EMPTY_TALLY) return then;
  return {
    presence: mergeVoices(first.presence, then.presence),
    absence: mergeVoices(first.absence, then.absence),
    independentAbsence: first.independentAbsence + then.independentAbsence,
    firstPresentOn: earlier(first.firstPresentOn, then.firstPresentOn),
    latestPresence: later(first.latestPresence, then.latestPresence),
    presenceByTheGp: first.presenceByTheGp || then.presenceByTheGp,
  };
}

/** Each factor's tally (by factorKey) of the evidence events give (evidenceFromEvents: every piece says which way it points). */
export function talliesOf(byFactor: ReadonlyMap<string, readonly Evidence[]>, byTheGp: ReadonlySet<string>): Map<string, EvidenceTally> {
  return new Map([...byFactor].map(([key, evidence]) => [key, tallyEvidence(evidence, 'not-assessed', byTheGp)]));
}
