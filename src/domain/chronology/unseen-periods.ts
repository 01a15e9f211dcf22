// Periods when no professional saw the baby: "the impact on an infant ... is sometimes unseen"
// (infant harm briefing), "unable to see the parents interacting with their baby" (NSPCC 2018), the baby's lived
// experience (docs/domain.md, The baby's lived experience). The limit depends on age: younger babies are seen more often.
import { addDays, addMonths, dayOf, daysFrom } from '../shared/calendar-date.ts';
import { currentEntries } from './current-entries.ts';
import { datedEntries } from './chronology-days.ts';
import type { EventKindId } from '../catalogue/event-kinds.ts';
import type { ChronologyEntry } from './chronology.types.ts';
import type { DatedEntry } from './chronology-days.ts';

/** Up to (not including) `underMonths` of age, the baby should not go more than `maxDays` unseen. */
export interface AgeBandLimit {
  underMonths: number;
  maxDays: number;
}

export interface UnseenPeriodSettings {
  /** Youngest first. Past the last band no limit applies. */
  bands: readonly AgeBandLimit[];
}

export const DEFAULT_UNSEEN_PERIOD_SETTINGS: UnseenPeriodSettings = {
  bands: [
    { underMonths: 6, maxDays: 28 },
    { underMonths: 12, maxDays: 56 },
  ],
};

function inRange(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** The bands given when every one makes sense (whole months 1 to 240 rising, 1 to 3,650 days), otherwise the defaults. */
export function unseenPeriodSettings(given: Partial<UnseenPeriodSettings> | undefined): UnseenPeriodSettings {
  const bands: unknown = given?.bands;
  if (!Array.isArray(bands) || bands.length === 0) return DEFAULT_UNSEEN_PERIOD_SETTINGS;
  const limits = bands as readonly Partial<AgeBandLimit>[];
  const sensible = limits.every((band, i) => inRange(band.underMonths, 1, 240) && inRange(band.maxDays, 1, 3650) && (i === 0 || band.underMonths! > limits[i - 1]!.underMonths!));
  return sensible ? { bands: limits as readonly AgeBandLimit[] } : DEFAULT_UNSEEN_PERIOD_SETTINGS;
}

/** Contacts where a professional sees the baby, unless the entry says the baby was not seen. */
export const SEEING_KINDS: readonly EventKindId[] = [
  'home-visit',
  'new-birth-visit',
  'six-to-eight-week-review',
  'joint-visit',
  'unannounced-visit',
  'clinic-contact',
  'gp-consultation',
  'hospital-admission',
  'hospital-discharge',
  'neonatal-admission',
  'neonatal-discharge',
  'emergency-attendance',
];

/** The mother's appointment: it sees the baby only when the entry says the baby was seen. */
const SEEN_WHEN_SAID: readonly EventKindId[] = ['antenatal-appointment'];

/** Contacts that never see the baby, whatever the entry says: a phone or video call is not seeing them (issue 14). */
export const NEVER_SEEING_KINDS: readonly EventKindId[] = ['phone-or-video-call'];

export const ADMISSIONS: readonly EventKindId[] = ['hospital-admission', 'neonatal-admission'];
export const DISCHARGES: readonly EventKindId[] = ['hospital-discharge', 'neonatal-discharge'];

/** Whether an entry records the baby as seen, as stored: a call says not seen whatever it was sent with. */
export function babySeenAsRecorded(kind: string, said: boolean | undefined): boolean | null {
  return (NEVER_SEEING_KINDS as readonly string[]).includes(kind) ? false : (said ?? null);
}

export function seesTheBaby(entry: ChronologyEntry): boolean {
  if (SEEN_WHEN_SAID.includes(entry.kind)) return entry.babySeen === true;
  return SEEING_KINDS.includes(entry.kind) && entry.babySeen !== false;
}

/** A contact that did not see the baby: a visit or appointment with the baby not seen, a call, or not brought. */
export function contactWithoutSeeing(entry: ChronologyEntry): boolean {
  if (entry.kind === 'was-not-brought' || NEVER_SEEING_KINDS.includes(entry.kind)) return true;
  return (SEEING_KINDS.includes(entry.kind) || SEEN_WHEN_SAID.includes(entry.kind)) && entry.babySeen === false;
}

export interface AgeBand {
  fromMonths: number;
  underMonths: number;
  maxDays: number;
}

export interface UnseenPeriod {
  /** The last day the baby was seen (or the start), and the next day seen (or today, while it goes on). */
  from: string;
  to: string;
  days: number;
  ongoing: boolean;
  /** Where the period starts: a contact, the birth, or the first entry when the chronology starts later. */
  startsAt: 'seen' | 'birth' | 'first-entry';
  lastSeen: ChronologyEntry | null;
  nextSeen: ChronologyEntry | null;
  /** The band whose limit the period passed, and the first day it was past it. */
  band: AgeBand;
  overdueFrom: string;
  /** Contacts during the period that did not see the baby: visits with the baby not seen, appointments missed. */
  contactsWithoutSeeing: readonly ChronologyEntry[];
}

interface Stay {
  from: string;
  to: string;
}

/** Admission to the next discharge: the baby is in hospital, seen throughout. An admission with no discharge covers only its own day. */
function hospitalStays(seen: readonly DatedEntry[]): Stay[] {
  const stays: Stay[] = [];
  let admitted: string | null = null;
  for (const item of seen) {
    if (ADMISSIONS.includes(item.entry.kind) && admitted === null) admitted = item.day;
    else if (DISCHARGES.includes(item.entry.kind) && admitted !== null) {
      stays.push({ from: admitted, to: item.day });
      admitted = null;
    }
  }
  return stays;
}

/** The first day the period (from, to] is longer than the limit for the baby's age on that day, and that band. */
export function limitPassed(from: string, to: string, dateOfBirth: string, bands: readonly AgeBandLimit[]): { band: AgeBand; overdueFrom: string } | null {
  let fromMonths = 0;
  for (const { underMonths, maxDays } of bands) {
    const bandStart = addMonths(dateOfBirth, fromMonths);
    const bandEnd = addMonths(dateOfBirth, underMonths);
    const afterLimit = addDays(from, maxDays + 1);
    const overdueFrom = afterLimit > bandStart ? afterLimit : bandStart;
    if (overdueFrom !== '' && bandEnd !== '' && overdueFrom <= to && overdueFrom < bandEnd) return { band: { fromMonths, underMonths, maxDays }, overdueFrom };
    fromMonths = underMonths;
  }
  return null;
}

/** Where a period may start: birth, the first entry, or a day the baby was seen. */
export interface UnseenPoint {
  day: string;
  entry: ChronologyEntry | null;
  startsAt: UnseenPeriod['startsAt'];
}
type Point = UnseenPoint;

/** The period from `point` to `to` (the next point's day, or today while it goes on), having passed its limit. */
export function unseenPeriodFrom(point: UnseenPoint, next: UnseenPoint | undefined, to: string, passed: { band: AgeBand; overdueFrom: string }, contactsWithoutSeeing: ChronologyEntry[]): UnseenPeriod {
  return {
    from: point.day,
    to,
    days: daysFrom(point.day, to),
    ongoing: next === undefined,
    startsAt: point.startsAt,
    lastSeen: point.entry,
    nextSeen: next?.entry ?? null,
    ...passed,
    contactsWithoutSeeing,
  };
}

/**
 * Each period the baby went unseen longer than the limit for their age, oldest first, from the
 * birth (or the first entry, when the chronology starts after the birth) up to `today`. Nothing for
 * an unborn baby, or when the date of birth or today cannot be read.
 */
export function findUnseenPeriods(entries: readonly ChronologyEntry[], dateOfBirth: string | null, today: string, given?: Partial<UnseenPeriodSettings>): UnseenPeriod[] {
  return unseenPeriodsIn(datedEntries(currentEntries(entries)), dateOfBirth, today, given);
}

/** The same, over entries already current and dated (findPatterns dates them once for every pattern). */
export function unseenPeriodsIn(allDated: readonly DatedEntry[], dateOfBirth: string | null, today: string, given?: Partial<UnseenPeriodSettings>): UnseenPeriod[] {
  const birth = dayOf(dateOfBirth);
  const end = dayOf(today);
  if (birth === null || end === null || end < birth) return [];
  const { bands } = unseenPeriodSettings(given);
  const dated = allDated.filter((item) => item.day <= end);
  const firstDay = dated[0]?.day;
  const start: Point = firstDay !== undefined && firstDay > birth ? { day: firstDay, entry: null, startsAt: 'first-entry' } : { day: birth, entry: null, startsAt: 'birth' };
  const seen = dated.filter((item) => item.day >= start.day && seesTheBaby(item.entry));
  const stays = hospitalStays(seen);

  const points: Point[] = [start];
  for (const item of seen) {
    const previous = points.at(-1)!;
    if (item.day > previous.day) points.push({ day: item.day, entry: item.entry, startsAt: 'seen' });
    else if (previous.entry === null) points[points.length - 1] = { day: item.day, entry: item.entry, startsAt: 'seen' };
  }

  const periods: UnseenPeriod[] = [];
  points.forEach((point, i) => {
    const next = points[i + 1];
    const to = next?.day ?? end;
    if (stays.some((stay) => stay.from <= point.day && to <= stay.to)) return;
    const passed = limitPassed(point.day, to, birth, bands);
    if (passed === null) return;
    const within = dated.filter((item) => item.day > point.day && item.day <= to);
    periods.push(unseenPeriodFrom(point, next, to, passed, within.map((item) => item.entry).filter(contactWithoutSeeing)));
  });
  return periods;
}
