// Missed health appointments: "signs [parents are struggling]: missed appointments for child"
// (infant harm briefing, key issue c), "continuing failure to take some of the children to health appointments" (Derby §5.21).
// A run is appointments missed in a row with no attended contact between, or many in a short time.
import { currentEntries } from './current-entries.ts';
import { datedEntries, peopleOf } from './chronology-days.ts';
import { checkedThreshold, runsWithin } from './rolling-window.ts';
import type { EventKindId } from '../catalogue/event-kinds.ts';
import type { ChronologyEntry } from './chronology.types.ts';
import type { DatedEntry } from './chronology-days.ts';
import type { Threshold } from './rolling-window.ts';

export interface MissedAppointmentSettings {
  /** This many missed in a row, with no attended contact between, is a run (at least 2). */
  inARow: number;
  /** And this many within this many months, whatever happened between. */
  within: Threshold;
}

export const DEFAULT_MISSED_APPOINTMENT_SETTINGS: MissedAppointmentSettings = { inARow: 2, within: { minimum: 3, withinMonths: 6 } };

export interface MissedAppointmentSettingsInput {
  inARow?: number;
  within?: Partial<Threshold>;
}

export function missedAppointmentSettings(given: MissedAppointmentSettingsInput | undefined): MissedAppointmentSettings {
  const inARow = given?.inARow;
  return {
    inARow: typeof inARow === 'number' && Number.isInteger(inARow) && inARow >= 2 && inARow <= 1000 ? inARow : DEFAULT_MISSED_APPOINTMENT_SETTINGS.inARow,
    within: checkedThreshold(given?.within, DEFAULT_MISSED_APPOINTMENT_SETTINGS.within),
  };
}

// A phone or video call is not among them: it never sees the baby (unseen-periods.ts).
const ATTENDED_KINDS: readonly EventKindId[] = ['clinic-contact', 'gp-consultation', 'home-visit', 'new-birth-visit', 'six-to-eight-week-review', 'joint-visit', 'unannounced-visit'];

/** A health contact that shows the baby was brought: the baby must be recorded as seen (risk is assumed until shown otherwise). */
export function isAttendedContact(entry: ChronologyEntry): boolean {
  return ATTENDED_KINDS.includes(entry.kind) && entry.babySeen === true;
}

export interface MissedAppointmentRun {
  /** The was-not-brought entries, oldest first. */
  entries: readonly ChronologyEntry[];
  from: string;
  to: string;
  personIds: readonly string[];
  /** Some of them were missed in a row, as many as the setting, with no attended contact between. */
  inARow: boolean;
  /** Some of them met the "so many within so many months" threshold. */
  withinWindow: boolean;
  settings: MissedAppointmentSettings;
}

export interface Span {
  first: number;
  last: number;
  inARow: boolean;
  withinWindow: boolean;
}

/**
 * Streaks of missed appointments, as index spans into `missed`. A contact breaks a streak only when
 * it falls on a day strictly between two missed ones: on the same day, which came first is unknown.
 */
function streaks(dated: readonly DatedEntry[], missed: readonly DatedEntry[]): Span[] {
  const spans: Span[] = [];
  let first = 0;
  let attendedSince: string[] = [];
  let index = -1;
  for (const item of dated) {
    if (isAttendedContact(item.entry)) attendedSince.push(item.day);
    if (item.entry.kind !== 'was-not-brought') continue;
    index += 1;
    const previous = missed[index - 1];
    if (previous !== undefined && attendedSince.some((day) => day > previous.day && day < item.day)) {
      spans.push({ first, last: index - 1, inARow: true, withinWindow: false });
      first = index;
    }
    attendedSince = [];
  }
  if (index >= 0) spans.push({ first, last: index, inARow: true, withinWindow: false });
  return spans;
}

/** Spans that share a missed appointment become one, keeping the reasons of each. */
export function merged(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.first - b.first || a.last - b.last);
  const result: Span[] = [];
  for (const span of sorted) {
    const previous = result.at(-1);
    if (previous !== undefined && span.first <= previous.last) {
      previous.last = Math.max(previous.last, span.last);
      previous.inARow ||= span.inARow;
      previous.withinWindow ||= span.withinWindow;
    } else {
      result.push({ ...span });
    }
  }
  return result;
}

export function findMissedAppointments(entries: readonly ChronologyEntry[], given?: MissedAppointmentSettingsInput): MissedAppointmentRun[] {
  return missedAppointmentsIn(datedEntries(currentEntries(entries)), given);
}

/** The same, over entries already current and dated (findPatterns dates them once for every pattern). */
export function missedAppointmentsIn(dated: readonly DatedEntry[], given?: MissedAppointmentSettingsInput): MissedAppointmentRun[] {
  const settings = missedAppointmentSettings(given);
  const missed = dated.filter((item) => item.entry.kind === 'was-not-brought');
  const inARow = streaks(dated, missed).filter((span) => span.last - span.first + 1 >= settings.inARow);
  const withinWindow = runsWithin(missed, settings.within).map((run): Span => {
    const first = missed.indexOf(run[0]!);
    return { first, last: first + run.length - 1, inARow: false, withinWindow: true };
  });
  return missedRunsFrom(missed, merged([...inARow, ...withinWindow]), settings);
}

/** The runs the merged spans of `missed` (the was-not-brought entries, oldest first) make. */
export function missedRunsFrom(missed: readonly DatedEntry[], spans: readonly Span[], settings: MissedAppointmentSettings): MissedAppointmentRun[] {
  return spans.map((span) => {
    const runEntries = missed.slice(span.first, span.last + 1).map((item) => item.entry);
    return {
      entries: runEntries,
      from: missed[span.first]!.day,
      to: missed[span.last]!.day,
      personIds: peopleOf(runEntries),
      inARow: span.inARow,
      withinWindow: span.withinWindow,
      settings,
    };
  });
}
