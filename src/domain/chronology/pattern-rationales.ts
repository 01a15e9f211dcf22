// One plain line per pattern, naming the dates, the counts and the people, so a practitioner can
// check it against the chronology without opening anything else.
import { factorById } from '../catalogue/catalogue.ts';
import { EVIDENCE_SOURCES, isEvidenceSource } from '../catalogue/evidence-sources.ts';
import { dayInWords, dayOf } from '../shared/calendar-date.ts';
import { capitalise, countOf, possessive } from '../profile/plain-words.ts';
import { involving, kindInWords, nameOf, oneLine, spanInWords } from './pattern-words.ts';
import type { IncidentFamilyId } from './chronology.types.ts';
import type { IncidentRun } from './repeated-incidents.ts';
import type { MissedAppointmentRun } from './missed-appointments.ts';
import type { FactorObservation, Relapse } from './relapse.ts';
import type { AgeBand, UnseenPeriod } from './unseen-periods.ts';

type Names = ReadonlyMap<string, string>;

export const INCIDENT_WORDS: Readonly<Record<IncidentFamilyId, { title: string; singular: string; plural: string }>> = {
  'domestic-abuse': { title: 'Repeated domestic abuse incidents', singular: 'police domestic abuse incident', plural: 'police domestic abuse incidents' },
  police: { title: 'Repeated police incidents', singular: 'police incident', plural: 'police incidents' },
  emergency: { title: 'Repeated emergency department attendances', singular: 'emergency department attendance', plural: 'emergency department attendances' },
  injury: { title: 'Repeated injuries', singular: 'injury seen', plural: 'injuries seen' },
};

export function incidentRationale(run: IncidentRun, names: Names): string {
  const words = INCIDENT_WORDS[run.familyId];
  const { minimum, withinMonths } = run.threshold;
  const count = countOf(run.entries.length, words.singular, words.plural);
  return oneLine(`${count} ${spanInWords(run.from, run.to)} (${minimum} or more within ${withinMonths} months)${involving(run.personIds, names)}.`);
}

export function missedAppointmentRationale(run: MissedAppointmentRun, names: Names): string {
  const { inARow, within } = run.settings;
  const reasons = [
    ...(run.inARow ? [`${inARow} or more in a row with no attended contact between`] : []),
    ...(run.withinWindow ? [`${within.minimum} or more within ${within.withinMonths} months`] : []),
  ].join(', and ');
  return oneLine(`Not brought to ${countOf(run.entries.length, 'appointment')} ${spanInWords(run.from, run.to)} (${reasons})${involving(run.personIds, names)}.`);
}

function ageInWords(band: AgeBand): string {
  return band.fromMonths === 0 ? `under ${band.underMonths} months old` : `from ${band.fromMonths} to ${band.underMonths} months old`;
}

function startInWords(period: UnseenPeriod): string {
  if (period.lastSeen !== null) return `${dayInWords(period.from)} (${kindInWords(period.lastSeen)})`;
  return period.startsAt === 'birth' ? `the birth on ${dayInWords(period.from)}` : `the chronology starts on ${dayInWords(period.from)}`;
}

export function unseenPeriodRationale(period: UnseenPeriod): string {
  const days = countOf(period.days, 'day');
  const span = period.ongoing
    ? `No professional has seen the baby for ${days}, since ${startInWords(period)}`
    : `No professional saw the baby for ${days}, from ${startInWords(period)} to ${dayInWords(period.to)}${period.nextSeen === null ? '' : ` (${kindInWords(period.nextSeen)})`}`;
  const limit = `the limit ${ageInWords(period.band)} is ${countOf(period.band.maxDays, 'day')}`;
  const unseen = period.contactsWithoutSeeing.length;
  const contacts = unseen === 0 ? '' : `; ${countOf(unseen, 'contact')} in that time did not see the baby`;
  return oneLine(`${span}; ${limit}${contacts}.`);
}

function subjectOf(relapse: Relapse, names: Names): string {
  const factor = factorById(relapse.factorId);
  const phrase = factor?.phrase ?? relapse.factorId;
  if (relapse.personId !== undefined && factor?.subject === 'adult') return `${possessive(nameOf(relapse.personId, names))} ${phrase}`;
  return factor?.subject === 'household' ? `the household's ${phrase}` : `the baby's ${phrase}`;
}

function when(observation: FactorObservation): string {
  return dayInWords(dayOf(observation.at) ?? observation.at);
}

function sourceInWords(observation: FactorObservation): string {
  return isEvidenceSource(observation.source) ? EVIDENCE_SOURCES[observation.source].label.toLowerCase() : 'source not recorded';
}

export function relapseRationale(relapse: Relapse, names: Names): string {
  const [first] = relapse.cycles;
  if (first === undefined) return '';
  const again = relapse.cycles.length > 1 ? `; it came back ${countOf(relapse.cycles.length, 'time')} in all` : '';
  return oneLine(
    `${capitalise(subjectOf(relapse, names))} was indicated on ${when(first.indicated)}, then recorded as absent on ${when(first.improved)} ` +
      `(${sourceInWords(first.improved)}), then indicated again on ${when(first.relapsed)}${again}.`,
  );
}
