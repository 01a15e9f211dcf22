// The patterns of a case's chronology kept up to date entry by entry (issue 12, ADR 0020), so that a
// new entry costs the same at 10 and at 5,000 entries. findPatterns (find-patterns.ts) reads the
// whole chronology every time; this keeps, beside the chronology a case's cache holds, what each
// finder has worked out so far, and feeds it only the new entries:
// - repeated incidents and missed appointments in a window: the windows that no later entry can
//   reach any more are settled; only the last one is open (RollingRuns);
// - missed appointments in a row: the current streak, and the first attended day since the last miss;
// - unseen periods: the days the baby was seen; a period is settled once a later day was seen and no
//   hospital admission before it is still waiting for its discharge, and only the open ones are worked out again;
// - relapse: for each factor and subject, the state of its day-by-day reading and its last day's evidence;
// - checks of the plan missed in a row: the open runs by item (MissedCheckTracker).
// What comes out is exactly what findPatterns gives (pattern-state.test.ts holds it to that after
// random sequences of entries). Whatever this does not follow entry by entry (an entry placed before
// the last, a correction, an entry with no readable day or after today, other settings or another
// date of birth, stored evidence that changed) falls back to reading the whole chronology again:
// once, to build a new state, or findPatterns itself when the chronology is not in order.
import { addMonths, dayOf } from '../shared/calendar-date.ts';
import { factorKey } from '../profile/event-evidence.ts';
import { profileSettings } from '../profile/profile-settings.ts';
import { INCIDENT_FAMILY_IDS } from './chronology.types.ts';
import { observationsFromEntries } from './factor-observations.ts';
import { byStart, findPatterns, happenedAndCurrent, incidentPattern, missedAppointmentPattern, relapsePattern, unseenPeriodPattern } from './find-patterns.ts';
import { isAttendedContact, merged, missedAppointmentSettings, missedRunsFrom } from './missed-appointments.ts';
import { checksOfEntry, compareChecks } from './plan-check-answers.ts';
import { MissedCheckTracker, missedCheckPattern } from './plan-check-missed.ts';
import { readableObservation, relapseStep } from './relapse.ts';
import { INCIDENT_FAMILY_KINDS, repeatedIncidentSettings } from './repeated-incidents.ts';
import { ADMISSIONS, contactWithoutSeeing, DISCHARGES, limitPassed, seesTheBaby, unseenPeriodFrom, unseenPeriodSettings } from './unseen-periods.ts';
import { addPeopleOf } from './chronology-days.ts';
import type { DatedEntry } from './chronology-days.ts';
import type { ChronologyEntry, ChronologyPattern, IncidentFamilyId } from './chronology.types.ts';
import type { PatternInput } from './find-patterns.ts';
import type { MissedAppointmentSettings, Span } from './missed-appointments.ts';
import type { RecordedCheck } from './plan-check-answers.ts';
import type { FactorObservation, Relapse, RelapseCycle, RelapseState } from './relapse.ts';
import type { IncidentRun } from './repeated-incidents.ts';
import type { AgeBandLimit, UnseenPeriod, UnseenPoint } from './unseen-periods.ts';
import type { Threshold } from './rolling-window.ts';

/**
 * runsWithin (rolling-window.ts) fed one day at a time, in day order. A window starting at an entry
 * is settled once an entry falls on or after its end: no later entry can join it. Every window not
 * settled reaches the last entry, so the open part is at most one run.
 */
export class RollingRuns {
  readonly #days: string[] = [];
  /** Runs of the settled windows, as index spans, merged as runsWithin merges them. */
  readonly #settled: [first: number, last: number][] = [];
  /** The first window not settled, and how far the last settled window reached. */
  #next = 0;
  #reach = 0;

  constructor(readonly threshold: Threshold) {}

  /** `day` must not come before the last day added. */
  push(day: string): void {
    this.#days.push(day);
    const { minimum, withinMonths } = this.threshold;
    while (this.#next < this.#days.length) {
      const first = this.#next;
      const end = addMonths(this.#days[first]!, withinMonths);
      if (end > day) break;
      this.#reach = Math.max(this.#reach, first);
      while (this.#reach + 1 < this.#days.length && this.#days[this.#reach + 1]! < end) this.#reach += 1;
      if (this.#reach - first + 1 >= minimum) {
        const previous = this.#settled.at(-1);
        if (previous !== undefined && first <= previous[1]) previous[1] = this.#reach;
        else this.#settled.push([first, this.#reach]);
      }
      this.#next += 1;
    }
  }

  /** The runs as index spans, as runsWithin gives them over every day pushed. */
  spans(): [first: number, last: number][] {
    const spans = this.#settled.map(([first, last]): [number, number] => [first, last]);
    const last = this.#days.length - 1;
    if (last - this.#next + 1 >= this.threshold.minimum) {
      const previous = spans.at(-1);
      if (previous !== undefined && this.#next <= previous[1]) previous[1] = last;
      else spans.push([this.#next, last]);
    }
    return spans;
  }
}

interface Point extends UnseenPoint {
  /** Contacts that did not see the baby, after this point up to and including the next one's day. */
  contacts: ChronologyEntry[];
}

/** unseenPeriodsIn (unseen-periods.ts) fed one dated entry at a time, in day order, for a baby born on `birth`. */
class UnseenTracker {
  readonly #points: Point[] = [];
  readonly #stays: { from: string; to: string }[] = [];
  #admitted: string | null = null;
  /** Periods before this point's are settled, and those that passed a limit are kept. */
  #settledUpTo = 0;
  readonly #settled: UnseenPeriod[] = [];

  constructor(
    readonly birth: string,
    readonly bands: readonly AgeBandLimit[],
  ) {}

  add({ entry, day }: DatedEntry): void {
    if (this.#points.length === 0) {
      // The first entry says where the periods start: the birth, or the first entry when the chronology starts later.
      this.#points.push(day > this.birth ? { day, entry: null, startsAt: 'first-entry', contacts: [] } : { day: this.birth, entry: null, startsAt: 'birth', contacts: [] });
    }
    const last = this.#points.at(-1)!;
    if (day < this.#points[0]!.day) return;
    if (seesTheBaby(entry)) {
      if (ADMISSIONS.includes(entry.kind) && this.#admitted === null) this.#admitted = day;
      else if (DISCHARGES.includes(entry.kind) && this.#admitted !== null) {
        this.#stays.push({ from: this.#admitted, to: day });
        this.#admitted = null;
      }
      if (day > last.day) {
        this.#points.push({ day, entry, startsAt: 'seen', contacts: [] });
        this.#settle();
      } else if (last.entry === null) {
        this.#points[this.#points.length - 1] = { ...last, entry, startsAt: 'seen' };
      }
    } else if (contactWithoutSeeing(entry)) {
      if (day > last.day) last.contacts.push(entry);
      else if (this.#points.length > 1) this.#points.at(-2)!.contacts.push(entry);
    }
  }

  /** The period from point `i`: to the next point, or to `end` while it goes on; null when it passed no limit. */
  #period(i: number, end: string): UnseenPeriod | null {
    const point = this.#points[i]!;
    const next = this.#points[i + 1];
    const to = next?.day ?? end;
    if (this.#stays.some((stay) => stay.from <= point.day && to <= stay.to)) return null;
    const passed = limitPassed(point.day, to, this.birth, this.bands);
    if (passed === null) return null;
    return unseenPeriodFrom(point, next, to, passed, [...point.contacts]);
  }

  /** A period is settled once a later day was seen (every entry of its last day is in) and no admission on or before its start waits for a discharge. */
  #settle(): void {
    while (this.#settledUpTo + 2 < this.#points.length && (this.#admitted === null || this.#admitted > this.#points[this.#settledUpTo]!.day)) {
      const period = this.#period(this.#settledUpTo, '');
      if (period !== null) this.#settled.push(period);
      this.#settledUpTo += 1;
    }
  }

  periods(end: string): UnseenPeriod[] {
    if (end < this.birth) return [];
    if (this.#points.length === 0) {
      // No entry yet: one period from the birth, worked out on a copy (the first entry decides where the periods start).
      const empty = new UnseenTracker(this.birth, this.bands);
      empty.#points.push({ day: this.birth, entry: null, startsAt: 'birth', contacts: [] });
      return empty.periods(end);
    }
    const open: UnseenPeriod[] = [];
    for (let i = this.#settledUpTo; i < this.#points.length; i++) {
      const period = this.#period(i, end);
      if (period !== null) open.push(period);
    }
    return [...this.#settled, ...open];
  }
}

/** One factor for one subject: its day-by-day reading so far, and its last day kept apart so that more evidence that day can be read again. */
interface RelapseSubject {
  factorId: FactorObservation['factorId'];
  personId?: string;
  cycles: RelapseCycle[];
  /** The state before the last day, the last day, its evidence from entries then from what is stored, and whether it ended a cycle. */
  before: RelapseState;
  lastDay: string | null;
  dayEntries: FactorObservation[];
  dayGiven: FactorObservation[];
  endedCycle: boolean;
  state: RelapseState;
}

function newSubject(observation: FactorObservation): RelapseSubject {
  return {
    factorId: observation.factorId,
    ...(observation.personId === undefined ? {} : { personId: observation.personId }),
    cycles: [],
    before: { at: 'nothing' },
    lastDay: null,
    dayEntries: [],
    dayGiven: [],
    endedCycle: false,
    state: { at: 'nothing' },
  };
}

/** Reads one more day of a subject. */
function readDay(subject: RelapseSubject, day: string, fromEntries: FactorObservation[], given: FactorObservation[]): void {
  subject.before = subject.state;
  subject.lastDay = day;
  subject.dayEntries = fromEntries;
  subject.dayGiven = given;
  const step = relapseStep(subject.before, [...fromEntries, ...given]);
  subject.endedCycle = step.cycle !== undefined;
  if (step.cycle) subject.cycles.push(step.cycle);
  subject.state = step.state;
}

/** Reads the subject's last day again, with more evidence from entries. */
function readLastDayAgain(subject: RelapseSubject, more: readonly FactorObservation[]): void {
  if (subject.endedCycle) subject.cycles.pop();
  subject.state = subject.before;
  readDay(subject, subject.lastDay!, [...subject.dayEntries, ...more], subject.dayGiven);
}

/** Every day of one subject's evidence: from entries first, then what is stored, each in order, by day (the order findRelapses reads them in). */
function readSubject(fromEntries: readonly FactorObservation[], given: readonly FactorObservation[]): RelapseSubject {
  const subject = newSubject((fromEntries[0] ?? given[0])!);
  const all = [...fromEntries.map((observation) => ({ observation, stored: false })), ...given.map((observation) => ({ observation, stored: true }))]
    .map((item) => ({ ...item, day: dayOf(item.observation.at)! }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  for (let i = 0; i < all.length; ) {
    const day = all[i]!.day;
    const entries: FactorObservation[] = [];
    const stored: FactorObservation[] = [];
    for (; i < all.length && all[i]!.day === day; i++) (all[i]!.stored ? stored : entries).push(all[i]!.observation);
    readDay(subject, day, entries, stored);
  }
  return subject;
}

function givenKey(observations: readonly FactorObservation[]): string {
  return JSON.stringify(observations.map((o) => [o.factorId, o.personId ?? null, o.at, o.indicates, o.entryId ?? null, o.source]));
}

/** Everything that, changed, means starting again: the date of birth, the settings, the adults given. */
function contextOf(input: PatternInput): string {
  const settings = input.settings;
  return JSON.stringify([
    input.dateOfBirth,
    repeatedIncidentSettings(settings?.incidents),
    missedAppointmentSettings(settings?.missedAppointments),
    unseenPeriodSettings(settings?.unseen),
    profileSettings(settings?.profile),
    input.adultIds === undefined ? null : [...input.adultIds].sort(),
  ]);
}

interface Incidents {
  items: DatedEntry[];
  runs: RollingRuns;
  /** The people of each run read, by its first item: a run that has grown since is read from where it ended (runPeople). */
  people: Map<number, { last: number; people: Set<string> }>;
}

/** peopleOf the items first to last, from what was kept for a run with the same first item when it ended no later. */
function runPeople(incidents: Incidents, first: number, last: number): string[] {
  let kept = incidents.people.get(first);
  if (kept === undefined || kept.last > last) {
    kept = { last: first - 1, people: new Set() };
    incidents.people.set(first, kept);
  }
  for (let at = kept.last + 1; at <= last; at++) addPeopleOf(incidents.items[at]!.entry, kept.people);
  kept.last = last;
  return [...kept.people];
}

/** What the finders have worked out from a chronology, kept to be fed its next entries. Changed in place. */
export interface PatternState {
  /** The chronology it has read, as given. */
  entries: readonly ChronologyEntry[];
  readonly context: string;
  /** The last day read. */
  lastDay: string;
  /** Ids of the entries that another entry corrects: fixed, since an entry that corrects starts again. */
  readonly superseded: ReadonlySet<string>;
  /** Ids of the current entries. */
  readonly known: Set<string>;
  readonly incidents: Record<IncidentFamilyId, Incidents>;
  readonly missed: {
    settings: MissedAppointmentSettings;
    items: DatedEntry[];
    window: RollingRuns;
    streaks: Span[];
    streakFirst: number;
    lastMissedDay: string | null;
    /** The first day after the last missed appointment with an attended contact. */
    attendedAfter: string | null;
  };
  readonly unseen: UnseenTracker | null;
  readonly relapse: {
    /** Evidence from entries by subject (factorKey), subjects in the order first seen. */
    fromEntries: Map<string, FactorObservation[]>;
    /** The stored evidence the subjects were read with (givenKey), and its subjects. */
    givenKey: string;
    given: Map<string, FactorObservation[]>;
    subjects: Map<string, RelapseSubject>;
  };
  readonly checks: { all: RecordedCheck[]; tracker: MissedCheckTracker };
}

function emptyState(input: PatternInput, superseded: ReadonlySet<string>): PatternState {
  const incidentSettings = repeatedIncidentSettings(input.settings?.incidents);
  const missedSettings = missedAppointmentSettings(input.settings?.missedAppointments);
  const birth = dayOf(input.dateOfBirth);
  const incidents = Object.fromEntries(INCIDENT_FAMILY_IDS.map((id) => [id, { items: [], runs: new RollingRuns(incidentSettings[id]), people: new Map() }])) as unknown as Record<IncidentFamilyId, Incidents>;
  return {
    entries: [],
    context: contextOf(input),
    lastDay: '',
    superseded,
    known: new Set(),
    incidents,
    missed: { settings: missedSettings, items: [], window: new RollingRuns(missedSettings.within), streaks: [], streakFirst: 0, lastMissedDay: null, attendedAfter: null },
    unseen: birth === null ? null : new UnseenTracker(birth, unseenPeriodSettings(input.settings?.unseen).bands),
    relapse: { fromEntries: new Map(), givenKey: '', given: new Map(), subjects: new Map() },
    checks: { all: [], tracker: new MissedCheckTracker() },
  };
}

/** Feeds one current entry, on or after the last day read; false when it cannot be (no readable day, or before the last day). */
function feed(state: PatternState, entry: ChronologyEntry, input: PatternInput): boolean {
  const day = dayOf(entry.occurredAt);
  if (day === null || day < state.lastDay) return false;
  state.lastDay = day;
  state.known.add(entry.id);
  const item: DatedEntry = { entry, day };
  for (const familyId of INCIDENT_FAMILY_IDS) {
    if (!(INCIDENT_FAMILY_KINDS[familyId] as readonly string[]).includes(entry.kind)) continue;
    state.incidents[familyId].items.push(item);
    state.incidents[familyId].runs.push(day);
  }
  const missed = state.missed;
  if (isAttendedContact(entry) && missed.lastMissedDay !== null && day > missed.lastMissedDay && missed.attendedAfter === null) missed.attendedAfter = day;
  if (entry.kind === 'was-not-brought') {
    const index = missed.items.length;
    if (missed.lastMissedDay !== null && missed.attendedAfter !== null && missed.attendedAfter < day) {
      missed.streaks.push({ first: missed.streakFirst, last: index - 1, inARow: true, withinWindow: false });
      missed.streakFirst = index;
    }
    missed.items.push(item);
    missed.window.push(day);
    missed.lastMissedDay = day;
    missed.attendedAfter = null;
  }
  state.unseen?.add(item);
  feedRelapse(state, entry, input);
  for (const check of checksOfEntry(entry)) {
    const checks = state.checks.all;
    if (checks.length === 0 || compareChecks(checks.at(-1)!, check) <= 0) {
      checks.push(check);
      state.checks.tracker.add(check);
    } else {
      // Recorded earlier than a check already read on its day: placed where the sort puts it, and the runs read again (checks only).
      let at = checks.length;
      while (at > 0 && compareChecks(checks[at - 1]!, check) > 0) at -= 1;
      checks.splice(at, 0, check);
      const tracker = new MissedCheckTracker();
      for (const each of checks) tracker.add(each);
      (state.checks as { tracker: MissedCheckTracker }).tracker = tracker;
    }
  }
  return true;
}

function feedRelapse(state: PatternState, entry: ChronologyEntry, input: PatternInput): void {
  const options = { ...(input.adultIds === undefined ? {} : { adultIds: input.adultIds }), ...(input.settings?.profile === undefined ? {} : { settings: input.settings.profile }) };
  const relapse = state.relapse;
  const bySubject = new Map<string, FactorObservation[]>();
  for (const observation of observationsFromEntries([entry], options)) {
    const key = factorKey(observation.factorId, observation.personId);
    bySubject.set(key, [...(bySubject.get(key) ?? []), observation]);
  }
  for (const [key, observations] of bySubject) {
    const list = relapse.fromEntries.get(key);
    if (list === undefined) relapse.fromEntries.set(key, [...observations]);
    else list.push(...observations);
    const subject = relapse.subjects.get(key);
    const day = dayOf(entry.occurredAt)!;
    if (subject === undefined) {
      const read = readSubject(observations, relapse.given.get(key) ?? []);
      relapse.subjects.set(key, read);
    } else if (subject.lastDay === null || day > subject.lastDay) readDay(subject, day, observations, []);
    else if (day === subject.lastDay) readLastDayAgain(subject, observations);
    // Stored evidence later than this entry: the subject read again from the start.
    else relapse.subjects.set(key, readSubject(relapse.fromEntries.get(key)!, relapse.given.get(key) ?? []));
  }
}

/** The stored evidence read with the subjects; when it changed, every subject is read again from its evidence (not from the entries). */
function withGiven(state: PatternState, input: PatternInput): void {
  const given = happenedAndCurrent(input.observations ?? [], state.superseded, input.today).filter(readableObservation);
  const key = givenKey(given);
  if (key === state.relapse.givenKey) return;
  const byKey = new Map<string, FactorObservation[]>();
  for (const observation of given) {
    const subject = factorKey(observation.factorId, observation.personId);
    byKey.set(subject, [...(byKey.get(subject) ?? []), observation]);
  }
  const subjects = new Map<string, RelapseSubject>();
  for (const [subject, fromEntries] of state.relapse.fromEntries) subjects.set(subject, readSubject(fromEntries, byKey.get(subject) ?? []));
  for (const [subject, stored] of byKey) if (!subjects.has(subject)) subjects.set(subject, readSubject([], stored));
  Object.assign(state.relapse, { givenKey: key, given: byKey, subjects });
}

/** The state of a chronology read from the start; null when the chronology is not in day order (findPatterns reads it then). */
export function buildPatternState(input: PatternInput): PatternState | null {
  const correcting = new Set(input.entries.flatMap((entry) => (typeof entry.corrects === 'string' && entry.corrects !== entry.id ? [entry.corrects] : [])));
  const superseded = new Set(input.entries.flatMap((entry) => (correcting.has(entry.id) ? [entry.id] : [])));
  const state = emptyState(input, superseded);
  for (const entry of input.entries) {
    if (superseded.has(entry.id)) continue;
    if (!feed(state, entry, input)) return null;
  }
  state.entries = input.entries;
  return state;
}

/** Whether `entries` begins with every entry of `read`, the same objects in the same places. */
function extends_(read: readonly ChronologyEntry[], entries: readonly ChronologyEntry[]): boolean {
  if (entries.length < read.length) return false;
  for (let i = read.length - 1; i >= 0; i--) if (entries[i] !== read[i]) return false;
  return true;
}

/** The state fed the entries added after those it read; null when they cannot be fed (then it must be built again). */
function advance(state: PatternState, input: PatternInput): PatternState | null {
  for (let i = state.entries.length; i < input.entries.length; i++) {
    const entry = input.entries[i]!;
    // A correction, or an entry that an earlier one said it corrects, changes what is current: start again.
    if ((typeof entry.corrects === 'string' && entry.corrects !== entry.id) || state.superseded.has(entry.id)) return null;
    if (!feed(state, entry, input)) return null;
  }
  state.entries = input.entries;
  return state;
}

/** The patterns of the state's chronology as findPatterns gives them for `input` (names, today, stored evidence, the plan's items). */
function patternsOf(state: PatternState, input: PatternInput, today: string): ChronologyPattern[] {
  withGiven(state, input);
  const { names } = input;
  const incidents: IncidentRun[] = [];
  for (const familyId of INCIDENT_FAMILY_IDS) {
    const family = state.incidents[familyId];
    const { items, runs } = family;
    for (const [first, last] of runs.spans()) {
      const run = items.slice(first, last + 1);
      const entries = run.map((item) => item.entry);
      const incident: IncidentRun = { familyId, entries, from: run[0]!.day, to: run.at(-1)!.day, personIds: runPeople(family, first, last), threshold: runs.threshold };
      // A police run made of exactly a domestic abuse run's incidents: the same first, last and number (the police family holds every domestic abuse incident).
      if (!incidents.some((other) => other.entries.length === entries.length && other.entries[0] === entries[0] && other.entries.at(-1) === entries.at(-1))) incidents.push(incident);
    }
  }
  const missed = state.missed;
  const streaks = missed.items.length === 0 ? missed.streaks : [...missed.streaks, { first: missed.streakFirst, last: missed.items.length - 1, inARow: true, withinWindow: false }];
  const inARow = streaks.filter((span) => span.last - span.first + 1 >= missed.settings.inARow);
  const withinWindow = missed.window.spans().map(([first, last]): Span => ({ first, last, inARow: false, withinWindow: true }));
  const relapses: Relapse[] = [];
  // Subjects in the order findRelapses meets them: those the entries speak of first, then those only stored evidence does.
  const order = [...state.relapse.fromEntries.keys(), ...[...state.relapse.given.keys()].filter((key) => !state.relapse.fromEntries.has(key))];
  for (const subject of order.flatMap((key) => state.relapse.subjects.get(key) ?? [])) {
    if (subject.cycles.length > 0) relapses.push({ factorId: subject.factorId, ...(subject.personId === undefined ? {} : { personId: subject.personId }), cycles: [...subject.cycles] });
  }
  return byStart([
    ...incidents.map((run) => incidentPattern(run, names)),
    ...missedRunsFrom(missed.items, merged([...inARow, ...withinWindow]), missed.settings).map((run) => missedAppointmentPattern(run, names)),
    ...(state.unseen?.periods(today) ?? []).map(unseenPeriodPattern),
    ...relapses.map((relapse) => relapsePattern(relapse, names, state.known)),
    ...state.checks.tracker.runs(input.planItemIds).map((run) => missedCheckPattern(run, names)),
  ]);
}

export interface KeptPatterns {
  patterns: ChronologyPattern[];
  /** The state to keep beside the chronology for the next call; none when it could not be built (then findPatterns read it). */
  state: PatternState | null;
}

/**
 * The patterns of `input`, exactly as findPatterns(input) gives them, from `kept` (the state returned
 * by the last call for the same case) fed only the entries added since, when `input.entries` begins
 * with the entries it read, in the same places; otherwise from a state built again. `kept` is changed
 * in place: keep only the state returned.
 */
export function findPatternsKept(input: PatternInput, kept?: PatternState | null): KeptPatterns {
  const today = dayOf(input.today);
  if (today === null) return { patterns: findPatterns(input), state: kept ?? null };
  const state = (kept && kept.context === contextOf(input) && extends_(kept.entries, input.entries) ? advance(kept, input) : null) ?? buildPatternState(input);
  if (state === null) return { patterns: findPatterns(input), state: null };
  // An entry dated after today has not happened: findPatterns leaves it out; the state is kept for when it has.
  if (state.lastDay > today) return { patterns: findPatterns(input), state };
  return { patterns: patternsOf(state, input, today), state };
}
