// The visiting pattern (issue 13: "who sees the baby how often; the plan shows who has and has not
// kept to it"; docs/domain.md, Information sharing). The Derby and Derbyshire review's
// recommendations (section 9.4) ask that every practitioner visiting the family home is clear about
// what is to be reviewed at each interaction; the NSPCC's Infants: learning from case reviews
// ("Learning for improving practice") asks practitioners to look at the baby, not only hear the
// parents: professionals were "unable to see the parents interacting with their baby". So a
// commitment says how often an agency sees the family and whether the baby must be seen, and whether
// it was kept is read from the current chronology, never typed in. Pure.
//
// A visit keeps a commitment when it is a current entry (a corrected one is left out), a home visit,
// a clinic contact or a GP consultation, recorded by an organisation of the commitment's kind, on or
// after the day the commitment starts and not after today; when the baby must be seen, only a contact
// that records the baby as seen counts (seen: no, or not recorded, does not; a telephone call or a
// note is never a visit). The next visit is due `everyDays` after the last (or after the start, before
// any); on that day it is due, after it overdue; before it, kept. Each stretch from the start or a
// visit to the next visit (or to today) longer than `everyDays` is a time it was not kept.
import { currentEntries } from '../chronology/current-entries.ts';
import { datedEntries } from '../chronology/chronology-days.ts';
import type { ChronologyEntry } from '../chronology/chronology.types.ts';
import type { EventKindId } from '../catalogue/event-kinds.ts';
import { addDays, daysFrom, isRealIsoDate } from '../shared/calendar-date.ts';
import type { VisitCommitment } from './plan.types.ts';

/** The contacts that can keep a visiting commitment: a professional with the family, face to face. */
/** A phone or video call is not one: it never sees the baby (chronology/unseen-periods.ts). */
export const VISIT_KINDS: readonly EventKindId[] = ['home-visit', 'new-birth-visit', 'six-to-eight-week-review', 'joint-visit', 'unannounced-visit', 'clinic-contact', 'antenatal-appointment', 'gp-consultation'];

export const VISIT_STATUSES = ['kept', 'due', 'overdue', 'not-started'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export interface VisitGap {
  /** YYYY-MM-DD: the start or a visit, and the next visit (or today, while it goes on). */
  from: string;
  to: string;
  days: number;
  ongoing: boolean;
}

export interface VisitState {
  commitmentId: string;
  /** The last visit that kept it: its day, who recorded it for which agency; null before any. */
  lastVisit: { on: string; by: string; agency: string; entryId: string } | null;
  /** YYYY-MM-DD: the day the next visit is due. */
  nextDueOn: string;
  status: VisitStatus;
  /** Days past the due day; 0 unless overdue. */
  overdueDays: number;
  /** The stretches longer than the commitment allows, oldest first: how many times it was not kept. */
  gaps: VisitGap[];
  missed: number;
}

/** Whether the entry is a visit that keeps the commitment (the day aside). */
export function keepsCommitment(entry: ChronologyEntry, commitment: VisitCommitment): boolean {
  if (!VISIT_KINDS.includes(entry.kind) || entry.agencyKind !== commitment.agencyKind) return false;
  return !commitment.babySeen || entry.babySeen === true;
}

/** The state of one commitment on `today` from the whole chronology (corrections and all). */
export function visitState(commitment: VisitCommitment, entries: readonly ChronologyEntry[], today: string): VisitState {
  const every = commitment.everyDays;
  const start = commitment.since;
  if (!isRealIsoDate(today) || !isRealIsoDate(start) || start > today) {
    return { commitmentId: commitment.id, lastVisit: null, nextDueOn: isRealIsoDate(start) ? addDays(start, every) : '', status: 'not-started', overdueDays: 0, gaps: [], missed: 0 };
  }
  const visits = datedEntries(currentEntries(entries)).filter((item) => item.day >= start && item.day <= today && keepsCommitment(item.entry, commitment));
  const days = [start, ...visits.map((item) => item.day)].filter((day, i, all) => i === 0 || day !== all[i - 1]);
  const gaps: VisitGap[] = [];
  days.forEach((from, i) => {
    const next = days[i + 1];
    const to = next ?? today;
    const length = daysFrom(from, to);
    if (length > every) gaps.push({ from, to, days: length, ongoing: next === undefined });
  });
  const last = visits.at(-1);
  const nextDueOn = addDays(last?.day ?? start, every);
  const status: VisitStatus = today < nextDueOn ? 'kept' : today === nextDueOn ? 'due' : 'overdue';
  return {
    commitmentId: commitment.id,
    lastVisit: last === undefined ? null : { on: last.day, by: last.entry.recordedBy, agency: last.entry.agency, entryId: last.entry.id },
    nextDueOn,
    status,
    overdueDays: status === 'overdue' ? daysFrom(nextDueOn, today) : 0,
    gaps,
    missed: gaps.length,
  };
}

/** The state of each of the plan's commitments, in the plan's order. */
export function visitingPattern(visits: readonly VisitCommitment[], entries: readonly ChronologyEntry[], today: string): VisitState[] {
  return visits.map((commitment) => visitState(commitment, entries, today));
}

/** How many commitments are overdue on `today`. */
export function overdueVisits(states: readonly VisitState[]): number {
  return states.filter((state) => state.status === 'overdue').length;
}
