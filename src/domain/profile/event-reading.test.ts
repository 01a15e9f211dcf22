// The events' reading kept entry by entry (event-reading.ts) is exactly a full reading of the whole
// chronology (each factor's evidence tally included), and an evaluation given it is exactly one that
// reads every event itself: after random sequences of entries (a seeded generator, so a failure can
// be run again), in order and with corrections, entries given out of date order, people coming and
// going and the late-booking setting changing. Fixed days only (no clock is read).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_KIND_IDS } from '../catalogue/event-kinds.ts';
import { addDays, dayOf } from '../shared/calendar-date.ts';
import { entry } from '../chronology/chronology.test-support.ts';
import { withNewEntries } from '../chronology/chronology-order.ts';
import { profileEventsFrom } from '../chronology/to-profile-event.ts';
import { evaluateProfile } from './evaluate-profile.ts';
import { gpEventsOf } from './findings/gp-events.ts';
import { evidenceFromEvents } from './event-evidence.ts';
import { talliesOf } from './evidence-tally.ts';
import { isDatedTrigger, readEventsKept, readingFits, type EventReadingState } from './event-reading.ts';
import { profileSettings } from './profile-settings.ts';
import { significantAdults } from './profile-subjects.ts';
import { baby, father, mother, person } from './profile.test-support.ts';
import type { EventKindId } from '../catalogue/event-kinds.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';
import type { ChronologyEntry } from '../chronology/chronology.types.ts';
import type { FactorAssessment, ProfileFacts, ProfilePerson } from './profile.types.ts';
import { createRandom, type Random } from '../shared/seeded-random.ts';


const START = '2026-06-01';
const PEOPLE = ['mother', 'father', 'partner', 'former-partner'];
const FACTORS: readonly FactorId[] = ['alcohol-misuse', 'drug-misuse', 'mental-health', 'injury', 'unsafe-sleep', 'domestic-abuse-victim'];
/** Kinds that give evidence or trigger a review, drawn more often than the rest. */
const HOT: readonly EventKindId[] = [
  'police-domestic-abuse-incident', 'police-incident', 'emergency-attendance', 'injury-observed', 'substance-use-increase', 'antenatal-booking',
  'gp-informed', 'home-visit', 'was-not-brought', 'hospital-discharge',
];

/** `timed`: at a time of day that rises with `order` (an entry with only a day comes after every timed one of its day). */
function randomEntry(random: Random, id: string, day: string, order: number, timed: boolean): ChronologyEntry {
  const kind = random.chance(0.7) ? random.pick(HOT) : random.pick(EVENT_KIND_IDS);
  const time = `T${String(8 + Math.floor(order / 60) % 12).padStart(2, '0')}:${String(order % 60).padStart(2, '0')}:00Z`;
  return entry(id, kind, timed ? `${day}${time}` : day, {
    recordedAt: `${day}${time}`,
    ...(random.chance(0.2) ? { agency: 'Riverside Surgery', agencyKind: 'gp' } : {}),
    personIds: PEOPLE.filter(() => random.chance(0.4)),
    victimIds: random.chance(0.2) ? [random.pick(PEOPLE)] : [],
    perpetratorIds: random.chance(0.2) ? [random.pick(PEOPLE)] : [],
    indicates: random.chance(0.25) ? [{ factorId: random.pick(FACTORS), ...(random.chance(0.5) ? { personId: random.pick(PEOPLE) } : {}) }] : [],
    ...(random.chance(0.1) ? { disputes: [{ id: `${id}-d`, disputedBy: 'the mother', text: 'Not so', recordedBy: 'A practitioner', agency: 'Health visiting', recordedAt: `${day}T12:00:00Z` }] } : {}),
    ...(kind === 'antenatal-booking' ? { gestationWeeks: random.int(6, 30) } : {}),
    ...(kind === 'substance-use-increase' && random.chance(0.6) ? { substance: random.pick(['alcohol', 'drugs'] as const) } : {}),
  });
}

/** The people around the baby: the mother always, the others coming and going. */
function randomPeople(random: Random): ProfilePerson[] {
  return [
    mother(),
    ...(random.chance(0.7) ? [father()] : []),
    ...(random.chance(0.4) ? [person('partner', { name: 'Sam Lee', relationshipToInfant: 'mother-partner', sex: 'male' })] : []),
    ...(random.chance(0.3) ? [person('former-partner', { name: 'Alex Roe', relationshipToInfant: 'other', livesInHousehold: false, caresForInfant: false, visitsRegularly: random.chance(0.5) })] : []),
  ];
}

/** Stored assessments, one of them with evidence copied from an event (so that event is not counted twice). */
function randomAssessments(random: Random, chronology: readonly ChronologyEntry[]): FactorAssessment[] {
  const copied = chronology.length > 0 && random.chance(0.5) ? random.pick(chronology) : undefined;
  return [
    { factorId: 'alcohol-misuse', subject: 'adult', personId: 'mother', status: random.pick(['excluded', 'present', 'not-assessed'] as const), detail: 'Drinks at weekends', pattern: 'stable', evidence: [{ source: 'carer-account', note: 'She says not', recordedAt: START, recordedBy: 'A practitioner', agency: 'Health visiting', indicates: 'absent' }] },
    ...(copied ? [{ factorId: 'injury' as const, subject: 'infant' as const, status: 'present' as const, evidence: [{ source: 'agency-record' as const, note: 'Copied', recordedAt: copied.occurredAt, recordedBy: 'A practitioner', agency: 'Health visiting', eventId: copied.id, indicates: 'present' as const }] }] : []),
  ];
}

interface Run {
  steps: number;
  fed: number;
}

function sequence(seed: number, steps: number, options: { disorder: boolean }): Run {
  const random = createRandom(seed);
  let chronology: ChronologyEntry[] = [];
  let day = START;
  let state: EventReadingState | null = null;
  let people = [mother(), father()];
  let weeks = 20;
  let order = 0;
  let fed = 0;
  for (let step = 0; step < steps; step++) {
    const moved = random.pick([0, 0, 1, 2, 5]);
    day = addDays(day, moved);
    if (moved > 0) order = 0;
    const added: ChronologyEntry[] = [];
    for (let n = random.int(1, 4); n > 0; n--) {
      const id = `e${String(seed)}-${String(step)}-${String(n)}`;
      if (options.disorder && random.chance(0.06) && chronology.length > 0) {
        added.push({ ...random.pick(chronology), id, corrects: random.pick(chronology).id, correctionReason: 'Recorded in error' });
      } else if (options.disorder && random.chance(0.06)) added.push(randomEntry(random, id, addDays(day, -random.int(1, 40)), random.int(0, 500), random.chance(0.5)));
      else added.push(randomEntry(random, id, day, (order += 1), !options.disorder || random.chance(0.5)));
    }
    chronology = withNewEntries(chronology, added);
    if (options.disorder && random.chance(0.08)) people = randomPeople(random);
    if (options.disorder && random.chance(0.05)) weeks = random.pick([12, 20, 24]);
    const settings = profileSettings({ lateBookingAfterWeeks: weeks });
    const adultIds = new Set(significantAdults(people).adults.map((p) => p.id));
    const next = readEventsKept(chronology, adultIds, settings, state);
    if (state !== null && next.corrected === state.corrected) fed += 1;
    state = next;
    assert.ok(readingFits(next.reading, next.reading.events, adultIds, settings));

    const events = profileEventsFrom(chronology);
    const at = `seed ${String(seed)}, step ${String(step)}`;
    assert.deepEqual(next.reading.events, events, `events, ${at}`);
    assert.deepEqual(next.reading.evidence, evidenceFromEvents(events, adultIds, settings), `evidence, ${at}`);
    assert.deepEqual(next.reading.triggers, events.filter(isDatedTrigger).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)), `triggers, ${at}`);
    const incidentDays = events.flatMap((e) => (e.kind === 'police-domestic-abuse-incident' && dayOf(e.occurredAt) !== null ? [dayOf(e.occurredAt)!] : []));
    assert.deepEqual(next.reading.abuseIncidentDays, incidentDays.sort(), `incident days, ${at}`);
    assert.deepEqual(next.reading.gp, gpEventsOf(events), `the GP's events, ${at}`);
    assert.deepEqual(next.reading.tallies, talliesOf(evidenceFromEvents(events, adultIds, settings).byFactor, gpEventsOf(events).byTheGp), `the tallies, ${at}`);
    const facts: ProfileFacts = {
      today: addDays(day, random.pick([0, 1, 30])),
      infant: baby({ dateOfBirth: START }),
      people,
      assessments: randomAssessments(random, chronology),
      events: next.reading.events,
      lastReviewedAt: random.chance(0.5) ? null : `${addDays(day, -random.int(0, 60))}T10:00:00Z`,
      reviewDueOn: null,
      teamAgencies: ['health-visiting'],
      settings: { lateBookingAfterWeeks: weeks },
    };
    assert.deepEqual(evaluateProfile({ ...facts, eventReading: next.reading }), evaluateProfile({ ...facts, events }), `evaluation, ${at}`);
  }
  return { steps, fed };
}

describe('the events read entry by entry', () => {
  it('equal a full reading and a full evaluation after every arrival, in date order, and are fed every time', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const run = sequence(seed, 40, { disorder: false });
      assert.equal(run.fed, run.steps - 1, `seed ${String(seed)}: every arrival after the first is fed, none read again`);
    }
  });

  it('equal them with corrections, entries out of date order, people coming and going and the setting changing', () => {
    let fed = 0;
    for (let seed = 100; seed <= 107; seed++) fed += sequence(seed, 50, { disorder: true }).fed;
    // Most arrivals are still fed; the rest were read again.
    assert.ok(fed > 0 && fed < 8 * 49, `fed ${String(fed)} of ${String(8 * 49)}`);
  });

  it('are read again when the chronology does not begin with the entries read', () => {
    const settings = profileSettings({});
    const adults = new Set(['mother']);
    const first = entry('a', 'police-domestic-abuse-incident', '2026-06-01', { personIds: ['mother'] });
    const kept = readEventsKept([first], adults, settings);
    const again = readEventsKept([{ ...first }, entry('b', 'home-visit', '2026-06-02')], adults, settings, kept);
    assert.notEqual(again.corrected, kept.corrected);
    assert.deepEqual(again.reading.events, profileEventsFrom(again.entries));
  });

  it('are what an evaluation of the same events, adults and setting takes as its evidence', () => {
    const settings = profileSettings({});
    const entries = [entry('a', 'police-domestic-abuse-incident', '2026-06-01', { personIds: ['mother'] })];
    const { reading } = readEventsKept(entries, new Set(['mother']), settings);
    const marked = { ...reading, evidence: { ...reading.evidence, byFactor: new Map([...reading.evidence.byFactor].map(([key, list]) => [key, list.map((e) => ({ ...e, note: 'from the reading' }))])) } };
    const facts: ProfileFacts = { today: '2026-06-10', infant: baby({ dateOfBirth: START }), people: [mother()], assessments: [], events: reading.events, lastReviewedAt: null, reviewDueOn: null };
    const victim = evaluateProfile({ ...facts, eventReading: marked }).subjects.find((s) => s.personId === 'mother')!.risk.find((f) => f.factorId === 'domestic-abuse-victim')!;
    assert.deepEqual(victim.evidence.map((e) => e.note), ['from the reading']);
    assert.equal(readingFits(reading, reading.events, new Set(['mother', 'father']), settings), false);
    assert.equal(readingFits(reading, reading.events, new Set(['mother']), profileSettings({ lateBookingAfterWeeks: 30 })), false);
  });

  it('are not taken by an evaluation of other events (a census as at a day filters them)', () => {
    const settings = profileSettings({});
    const people = [mother()];
    const entries = [entry('a', 'police-domestic-abuse-incident', '2026-06-01', { personIds: ['mother'] }), entry('b', 'emergency-attendance', '2026-06-03')];
    const { reading } = readEventsKept(entries, new Set(['mother']), settings);
    const facts: ProfileFacts = { today: '2026-06-10', infant: baby({ dateOfBirth: START }), people, assessments: [], events: reading.events.slice(0, 1), lastReviewedAt: null, reviewDueOn: null };
    assert.deepEqual(evaluateProfile({ ...facts, eventReading: reading }), evaluateProfile(facts));
  });
});
