// Improvement, then relapse: "professionals ... may focus on small improvements rather than looking
// for recurring patterns"; a "fresh start" that ignores earlier patterns (docs/domain.md, Professional curiosity). A factor
// indicated for someone, then evidence it has gone, then indicated again. The observations come
// from factor-observations.ts.
import { isFactorId } from '../catalogue/catalogue.ts';
import { dayOf } from '../shared/calendar-date.ts';
import { factorKey } from '../profile/event-evidence.ts';
import type { EvidenceSource } from '../catalogue/evidence-sources.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';

/** One piece of evidence about one factor for one subject, at one time, pointing one way. */
export interface FactorObservation {
  factorId: FactorId;
  /** For adult factors: who it is about. */
  personId?: string;
  /** ISO date or date-time. */
  at: string;
  indicates: 'present' | 'absent';
  entryId?: string;
  source: EvidenceSource;
}

export interface RelapseCycle {
  /** The last indication before the improvement, the first evidence of the improvement, and the first indication after it. */
  indicated: FactorObservation;
  improved: FactorObservation;
  relapsed: FactorObservation;
}

export interface Relapse {
  factorId: FactorId;
  personId?: string;
  /** Oldest first: each time it came back. */
  cycles: readonly RelapseCycle[];
}

export type RelapseState = { at: 'nothing' } | { at: 'indicated'; last: FactorObservation } | { at: 'improved'; last: FactorObservation; improved: FactorObservation };

/** One day of one subject's observations of one factor: the state after it, and the cycle it ends, if any. */
export function relapseStep(state: RelapseState, sameDay: readonly FactorObservation[]): { state: RelapseState; cycle?: RelapseCycle } {
  // On a day with evidence both ways the presence counts (risk is assumed); the disagreement is the profile's conflict.
  const present = sameDay.find((observation) => observation.indicates === 'present');
  if (present !== undefined) {
    const next: RelapseState = { at: 'indicated', last: present };
    return state.at === 'improved' ? { state: next, cycle: { indicated: state.last, improved: state.improved, relapsed: present } } : { state: next };
  }
  if (state.at === 'indicated') return { state: { at: 'improved', last: state.last, improved: sameDay[0]! } };
  return { state };
}

/** The cycles in one subject's observations of one factor, oldest first. */
function cyclesIn(observations: readonly { day: string; observation: FactorObservation }[]): RelapseCycle[] {
  // Appended in place (not copied per observation), so the cost is the sort's, not the square of the observations.
  const byDay = new Map<string, FactorObservation[]>();
  for (const { day, observation } of [...observations].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))) {
    const sameDay = byDay.get(day);
    if (sameDay === undefined) byDay.set(day, [observation]);
    else sameDay.push(observation);
  }
  const cycles: RelapseCycle[] = [];
  let state: RelapseState = { at: 'nothing' };
  for (const sameDay of byDay.values()) {
    const step = relapseStep(state, sameDay);
    if (step.cycle) cycles.push(step.cycle);
    state = step.state;
  }
  return cycles;
}

/** Whether an observation can be read at all: a real day, a known factor, one way or the other. */
export function readableObservation(observation: FactorObservation): boolean {
  return dayOf(observation.at) !== null && isFactorId(observation.factorId) && (observation.indicates === 'present' || observation.indicates === 'absent');
}

/**
 * Every factor, for every subject, that was indicated, then shown absent on a later day, then
 * indicated again on a later day still. Observations with a date that cannot be read are left out.
 */
export function findRelapses(observations: readonly FactorObservation[]): Relapse[] {
  const bySubject = new Map<string, { day: string; observation: FactorObservation }[]>();
  for (const observation of observations) {
    const day = dayOf(observation.at);
    if (day === null || !isFactorId(observation.factorId) || (observation.indicates !== 'present' && observation.indicates !== 'absent')) continue;
    const key = factorKey(observation.factorId, observation.personId);
    const subject = bySubject.get(key);
    if (subject === undefined) bySubject.set(key, [{ day, observation }]);
    else subject.push({ day, observation });
  }
  return [...bySubject.values()].flatMap((subject) => {
    const cycles = cyclesIn(subject);
    const { factorId, personId } = subject[0]!.observation;
    return cycles.length === 0 ? [] : [{ factorId, ...(personId === undefined ? {} : { personId }), cycles }];
  });
}
