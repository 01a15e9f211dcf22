// Patterns in the chronology (issue 5): every pattern the chronology shows, as one list in date
// order. Pure: `today` comes in, and entries superseded by a correction are never read.
//
// Which patterns should also become profile findings (`becomesFinding`; the profile wires them):
// - relapse: yes, high. It is the over-optimism the tool exists to challenge (docs/domain.md,
//   Professional curiosity): a factor may now be excluded on the strength of the improvement.
// - unseen-period while it goes on (up to today): yes, high. A baby no one is seeing now is hidden
//   risk (docs/domain.md, The baby's lived experience). A period that has ended is history: attention, in the chronology only.
// - missed-appointments: yes, attention. No finding covers the baby not being brought; each entry
//   only adds evidence to the `was-not-brought` factor (infant harm briefing, key issue c: a sign parents are struggling).
// - repeated injuries and emergency attendances: yes, high. No finding covers a mobile baby hurt
//   again, or a baby taken to A&E again and again (docs/profile-catalogue.md, repeated-harm).
// - repeated police incidents: yes, attention: the profile has no factor or finding for them.
// - a check item of the plan that could not be checked twice in a row (plan-check-missed): yes,
//   attention, while no later answer has checked it and the plan still holds the item (Derby and
//   Derbyshire review, section 9.4).
// - repeated domestic abuse incidents: no, high. The `domestic-abuse` finding already rests on
//   them and adds "consider MARAC" for three in the last twelve months; a second finding would
//   say the same twice.
import { dayOf } from '../shared/calendar-date.ts';
import { datedEntries, happenedBy } from './chronology-days.ts';
import { currentEntries } from './current-entries.ts';
import { observationsFromEntries } from './factor-observations.ts';
import { missedAppointmentsIn } from './missed-appointments.ts';
import { missedCheckPatterns } from './plan-check-missed.ts';
import { incidentRationale, INCIDENT_WORDS, missedAppointmentRationale, relapseRationale, unseenPeriodRationale } from './pattern-rationales.ts';
import { findRelapses } from './relapse.ts';
import { repeatedIncidentsIn } from './repeated-incidents.ts';
import { unseenPeriodsIn } from './unseen-periods.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';
import type { ProfileSettings } from '../profile/profile.types.ts';
import type { ChronologyEntry, ChronologyPattern, IncidentFamilyId } from './chronology.types.ts';
import type { MissedAppointmentSettingsInput } from './missed-appointments.ts';
import type { FactorObservation, Relapse } from './relapse.ts';
import type { IncidentRun } from './repeated-incidents.ts';
import type { MissedAppointmentRun } from './missed-appointments.ts';
import type { UnseenPeriod } from './unseen-periods.ts';
import type { RepeatedIncidentSettingsInput } from './repeated-incidents.ts';
import type { UnseenPeriodSettings } from './unseen-periods.ts';

export interface PatternSettings {
  incidents?: RepeatedIncidentSettingsInput;
  missedAppointments?: MissedAppointmentSettingsInput;
  unseen?: Partial<UnseenPeriodSettings>;
  /** For reading entries as evidence (the late-booking threshold). */
  profile?: Partial<ProfileSettings>;
}

export interface PatternInput {
  entries: readonly ChronologyEntry[];
  /** The baby's date of birth; null for an unborn baby. */
  dateOfBirth: string | null;
  /** YYYY-MM-DD. */
  today: string;
  /** Person id to display name, for the rationales. */
  names: ReadonlyMap<string, string>;
  /** More observations for relapses, such as the evidence stored with the profile (observationsFromAssessments). */
  observations?: readonly FactorObservation[];
  /** The ids of the check items of the case's current plan (empty without a plan): a check missed for an item no longer in it is history. Every item counts as in the plan when not given. */
  planItemIds?: ReadonlySet<string>;
  /** The significant adults, for reading entries as evidence; everyone the entries name when not given. */
  adultIds?: ReadonlySet<string>;
  settings?: PatternSettings;
}

const INCIDENT_PATTERN: Readonly<Record<IncidentFamilyId, { severity: ChronologyPattern['severity']; becomesFinding: boolean; factorIds: readonly FactorId[] }>> = {
  'domestic-abuse': { severity: 'high', becomesFinding: false, factorIds: ['domestic-abuse-victim', 'domestic-abuse-perpetrator'] },
  police: { severity: 'attention', becomesFinding: true, factorIds: [] },
  emergency: { severity: 'high', becomesFinding: true, factorIds: [] },
  injury: { severity: 'high', becomesFinding: true, factorIds: ['injury'] },
};

const ids = (entries: readonly ChronologyEntry[]) => entries.map((entry) => entry.id);

/** Observations given with the input count unless they come from a superseded entry or a day still to come. */
export function givenObservations(input: PatternInput, current: readonly ChronologyEntry[]): FactorObservation[] {
  const given = input.observations ?? [];
  if (given.length === 0) return [];
  const currentIds = new Set(ids(current));
  return happenedAndCurrent(given, new Set(ids(input.entries).filter((id) => !currentIds.has(id))), input.today);
}

/** The observations not from a superseded entry (`superseded`: the ids of the entries another corrects) nor on a day after `today`. */
export function happenedAndCurrent(given: readonly FactorObservation[], superseded: ReadonlySet<string>, today: string): FactorObservation[] {
  const end = dayOf(today);
  return given.filter((observation) => {
    const day = dayOf(observation.at);
    const happened = end === null || day === null || day <= end;
    return happened && (observation.entryId === undefined || !superseded.has(observation.entryId));
  });
}

function relapsePatterns(input: PatternInput, current: readonly ChronologyEntry[], entries: readonly ChronologyEntry[]): ChronologyPattern[] {
  const options = { ...(input.adultIds === undefined ? {} : { adultIds: input.adultIds }), ...(input.settings?.profile === undefined ? {} : { settings: input.settings.profile }) };
  const relapses = findRelapses([...observationsFromEntries(entries, options), ...givenObservations(input, current)]);
  if (relapses.length === 0) return [];
  // Stored evidence may name an event that is not in this chronology: it counts, but is not linked.
  const known = new Set(ids(entries));
  return relapses.map((relapse) => relapsePattern(relapse, input.names, known));
}

/** A relapse as a pattern; `known`: the ids of the entries read (evidence naming another event is not linked). */
export function relapsePattern(relapse: Relapse, names: ReadonlyMap<string, string>, known: ReadonlySet<string>): ChronologyPattern {
  const observations = relapse.cycles.flatMap((cycle) => [cycle.indicated, cycle.improved, cycle.relapsed]);
  const first = relapse.cycles[0]!;
  const last = relapse.cycles.at(-1)!;
  return {
    id: 'relapse',
    severity: 'high',
    title: 'Improvement, then relapse',
    rationale: relapseRationale(relapse, names),
    from: dayOf(first.indicated.at) ?? first.indicated.at,
    to: dayOf(last.relapsed.at) ?? last.relapsed.at,
    entryIds: [...new Set(observations.flatMap((observation) => observation.entryId ?? []))].filter((id) => known.has(id)),
    personIds: relapse.personId === undefined ? [] : [relapse.personId],
    factorIds: [relapse.factorId],
    becomesFinding: true,
  };
}

/** A run of incidents of one family as a pattern. */
export function incidentPattern(run: IncidentRun, names: ReadonlyMap<string, string>): ChronologyPattern {
  return {
    id: 'repeated-incidents',
    incidentFamily: run.familyId,
    ...INCIDENT_PATTERN[run.familyId],
    title: INCIDENT_WORDS[run.familyId].title,
    rationale: incidentRationale(run, names),
    from: run.from,
    to: run.to,
    entryIds: ids(run.entries),
    personIds: run.personIds,
  };
}

/** A run of missed appointments as a pattern. */
export function missedAppointmentPattern(run: MissedAppointmentRun, names: ReadonlyMap<string, string>): ChronologyPattern {
  return {
    id: 'missed-appointments',
    severity: 'attention',
    title: 'Repeatedly not brought to appointments',
    rationale: missedAppointmentRationale(run, names),
    from: run.from,
    to: run.to,
    entryIds: ids(run.entries),
    personIds: run.personIds,
    factorIds: ['was-not-brought'],
    becomesFinding: true,
  };
}

/** A period the baby went unseen as a pattern: a finding while it goes on. */
export function unseenPeriodPattern(period: UnseenPeriod): ChronologyPattern {
  return {
    id: 'unseen-period',
    severity: period.ongoing ? 'high' : 'attention',
    title: period.ongoing ? 'The baby is not being seen' : 'A long time when no one saw the baby',
    rationale: unseenPeriodRationale(period),
    from: period.from,
    to: period.to,
    entryIds: [period.lastSeen, ...period.contactsWithoutSeeing, period.nextSeen].flatMap((entry) => (entry === null ? [] : [entry.id])),
    personIds: [],
    factorIds: [],
    becomesFinding: period.ongoing,
  };
}

/** The patterns ordered by when each starts, then ends; ties keep the order given (a stable sort). */
export function byStart(patterns: ChronologyPattern[]): ChronologyPattern[] {
  return patterns.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

/** Every pattern in the chronology, ordered by when it starts (then ends). */
export function findPatterns(input: PatternInput): ChronologyPattern[] {
  const { names, settings } = input;
  // Corrections first: a correction dated later than today still hides what it corrects.
  const current = currentEntries(input.entries);
  const entries = happenedBy(current, input.today);
  // Dated once for every pattern that reads days. They are current already: no entry left corrects another.
  const dated = datedEntries(entries);
  return byStart([
    ...repeatedIncidentsIn(dated, settings?.incidents).map((run) => incidentPattern(run, names)),
    ...missedAppointmentsIn(dated, settings?.missedAppointments).map((run) => missedAppointmentPattern(run, names)),
    ...unseenPeriodsIn(dated, input.dateOfBirth, input.today, settings?.unseen).map(unseenPeriodPattern),
    ...relapsePatterns(input, current, entries),
    ...missedCheckPatterns(entries, names, input.planItemIds),
  ]);
}
