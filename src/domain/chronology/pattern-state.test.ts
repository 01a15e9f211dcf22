// The patterns kept entry by entry (pattern-state.ts) are exactly findPatterns' over the whole
// chronology: after random sequences of entries (a seeded generator, so a failure can be run again),
// with corrections, entries placed before the last, stored evidence changing, the day moving on,
// the birth, other settings and the plan's items. Fixed days only (no clock is read).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_KIND_IDS } from '../catalogue/event-kinds.ts';
import { addDays } from '../shared/calendar-date.ts';
import { entry } from './chronology.test-support.ts';
import { withNewEntries } from './chronology-order.ts';
import { findPatterns } from './find-patterns.ts';
import { buildPatternState, findPatternsKept, RollingRuns, type PatternState } from './pattern-state.ts';
import { runsWithin } from './rolling-window.ts';
import type { EventKindId } from '../catalogue/event-kinds.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';
import type { ChronologyEntry } from './chronology.types.ts';
import type { DatedEntry } from './chronology-days.ts';
import type { PatternInput } from './find-patterns.ts';
import type { FactorObservation } from './relapse.ts';
import { createRandom, type Random } from '../shared/seeded-random.ts';

const START = '2025-06-01';
const PEOPLE = ['mother', 'father', 'partner'];
const FACTORS: readonly FactorId[] = ['alcohol-misuse', 'drug-misuse', 'mental-health', 'injury', 'unsafe-sleep'];
/** The kinds the patterns read, drawn more often than the rest. */
const HOT: readonly EventKindId[] = [
  'police-domestic-abuse-incident', 'police-incident', 'emergency-attendance', 'injury-observed', 'was-not-brought', 'was-not-brought',
  'home-visit', 'home-visit', 'clinic-contact', 'gp-consultation', 'hospital-admission', 'hospital-discharge', 'neonatal-admission',
  'substance-use-increase', 'phone-or-video-call', 'antenatal-appointment', 'antenatal-booking',
];


/** `order`: a number that rises with each entry, for entries that must come last in the chronology (the time of day and the recording follow it). */
function randomEntry(random: Random, id: string, day: string, order?: number): ChronologyEntry {
  const kind = random.chance(0.8) ? random.pick(HOT) : random.pick(EVENT_KIND_IDS);
  const timed = random.chance(0.5);
  const people = PEOPLE.filter(() => random.chance(0.4));
  const time = (n: number) => `T${String(Math.floor(n / 60) % 24).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00Z`;
  const occurredAt = order === undefined ? (timed ? `${day}${time(random.int(420, 1200))}` : day) : `${day}${time(order)}`;
  return entry(id, kind, occurredAt, {
    recordedAt: order === undefined ? `${addDays(day, random.int(0, 3))}T${String(random.int(10, 23))}:00:00Z` : `${day}${time(order)}`,
    personIds: people,
    victimIds: random.chance(0.2) ? [random.pick(PEOPLE)] : [],
    perpetratorIds: random.chance(0.2) ? [random.pick(PEOPLE)] : [],
    babySeen: random.pick([true, true, false, null]),
    indicates: random.chance(0.25) ? [{ factorId: random.pick(FACTORS), personId: random.pick([...PEOPLE, undefined]) }] : [],
    ...(random.chance(0.1) ? { disputes: [{ id: `${id}-d`, disputedBy: 'the mother', text: 'Not so', recordedBy: 'A practitioner', agency: 'Health visiting', recordedAt: `${day}T12:00:00Z` }] } : {}),
    ...(kind === 'antenatal-booking' ? { gestationWeeks: random.int(6, 30) } : {}),
    ...(random.chance(0.15)
      ? { planChecks: [{ itemId: random.pick(['sleep', 'food', 'home']), text: 'Where the baby sleeps', outcome: random.pick(['not-checked', 'not-checked', 'no-concern', 'concern'] as const), note: 'Asleep upstairs', ...(random.chance(0.5) ? { personId: random.pick(PEOPLE) } : {}) }] }
      : {}),
  });
}

function randomObservation(random: Random, day: string, ids: readonly string[]): FactorObservation {
  return {
    factorId: random.pick(FACTORS),
    personId: random.pick(PEOPLE),
    at: `${addDays(day, -random.int(0, 200))}T09:00:00Z`,
    indicates: random.pick(['present', 'absent'] as const),
    ...(random.chance(0.5) && ids.length > 0 ? { entryId: random.pick(ids) } : {}),
    source: 'carer-account',
  };
}

interface Run {
  steps: number;
  incremental: number;
}

/** One sequence: entries arrive a few at a time; after each arrival the kept patterns must be findPatterns'. */
function sequence(seed: number, steps: number, options: { disorder: boolean }): Run {
  const random = createRandom(seed);
  let chronology: ChronologyEntry[] = [];
  let day = START;
  let state: PatternState | null = null;
  let observations: FactorObservation[] = [];
  let dateOfBirth: string | null = random.chance(0.3) ? null : addDays(START, random.int(-30, 120));
  let settings: PatternInput['settings'] = {};
  let planItemIds: Set<string> | undefined;
  let incremental = 0;
  let order = 0;
  for (let step = 0; step < steps; step++) {
    const moved = random.pick([0, 0, 1, 1, 2, 3, 5, 9, 20, 40]);
    day = addDays(day, moved);
    if (moved > 0) order = 0;
    const added: ChronologyEntry[] = [];
    for (let n = random.int(1, 3); n > 0; n--) {
      const id = `e${String(seed)}-${String(step)}-${String(n)}`;
      const backdated = options.disorder && random.chance(0.05);
      const made = options.disorder ? randomEntry(random, id, backdated ? addDays(day, -random.int(1, 60)) : day) : randomEntry(random, id, day, (order += 1));
      if (options.disorder && random.chance(0.03) && chronology.length > 0) {
        added.push({ ...random.pick(chronology), id, corrects: random.pick(chronology).id, correctionReason: 'Recorded in error' });
      } else added.push(made);
    }
    chronology = withNewEntries(chronology, added);
    if (options.disorder) {
      if (random.chance(0.05)) observations = [...observations, randomObservation(random, day, chronology.map((e) => e.id))];
      if (random.chance(0.02)) dateOfBirth = addDays(day, -random.int(0, 90));
      if (random.chance(0.02)) settings = random.pick([{}, { missedAppointments: { inARow: 3 } }, { incidents: { injury: { minimum: 3, withinMonths: 6 } } }, { unseen: { bands: [{ underMonths: 3, maxDays: 14 }] } }]);
      if (random.chance(0.05)) planItemIds = random.pick([undefined, new Set(['sleep']), new Set<string>()]);
    }
    const today = addDays(day, random.pick([0, 0, 1, 7, 30]));
    const names = new Map(PEOPLE.map((id) => [id, `Name of ${id}`]));
    const input: PatternInput = { entries: chronology, dateOfBirth, today, names, observations, settings, ...(planItemIds === undefined ? {} : { planItemIds }) };
    const kept = findPatternsKept(input, state);
    if (kept.state !== null && kept.state === state) incremental += 1;
    state = kept.state;
    assert.deepEqual(kept.patterns, findPatterns(input), `seed ${String(seed)}, step ${String(step)}`);
  }
  return { steps, incremental };
}

describe('patterns kept entry by entry', () => {
  it('are findPatterns\' after every arrival of entries in order, and the state is fed, not built again', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const run = sequence(seed, 80, { disorder: false });
      assert.equal(run.incremental, run.steps - 1, `seed ${String(seed)}: fed ${String(run.incremental)} times in ${String(run.steps)}`);
    }
  });

  it('are findPatterns\' with corrections, entries placed before the last, stored evidence, the birth, settings and plan items changing', () => {
    let incremental = 0;
    for (let seed = 101; seed <= 104; seed++) incremental += sequence(seed, 80, { disorder: true }).incremental;
    assert.ok(incremental > 4 * 80 * 0.3, `fed ${String(incremental)} times`);
  });

  it('find the patterns again from the start after a chronology that does not begin with what it read', () => {
    const visits = [entry('a', 'police-incident', '2026-01-01'), entry('b', 'police-incident', '2026-02-01'), entry('c', 'police-incident', '2026-03-01')];
    const input = { entries: visits, dateOfBirth: '2025-12-01', today: '2026-04-01', names: new Map<string, string>() };
    const first = findPatternsKept(input);
    assert.equal(first.patterns.length, findPatterns(input).length);
    const other = [entry('a', 'police-incident', '2026-01-01'), visits[1]!];
    const second = findPatternsKept({ ...input, entries: other }, first.state);
    assert.notEqual(second.state, first.state);
    assert.deepEqual(second.patterns, findPatterns({ ...input, entries: other }));
  });

  it('leave a chronology out of day order, or an entry with no readable day, to findPatterns', () => {
    const unordered = [entry('a', 'police-incident', '2026-03-01'), entry('b', 'police-incident', '2026-01-01')];
    assert.equal(buildPatternState({ entries: unordered, dateOfBirth: null, today: '2026-04-01', names: new Map() }), null);
    const undated = [entry('a', 'police-incident', 'not a date')];
    const input = { entries: undated, dateOfBirth: null, today: '2026-04-01', names: new Map<string, string>() };
    assert.deepEqual(findPatternsKept(input), { patterns: findPatterns(input), state: null });
  });

  it('leave an entry after today out, as findPatterns does, and count it once the day comes', () => {
    const entries = [entry('a', 'emergency-attendance', '2026-01-01'), entry('b', 'emergency-attendance', '2026-01-05'), entry('c', 'emergency-attendance', '2026-02-01')];
    const before = findPatternsKept({ entries, dateOfBirth: '2025-12-01', today: '2026-01-20', names: new Map() });
    assert.deepEqual(before.patterns, findPatterns({ entries, dateOfBirth: '2025-12-01', today: '2026-01-20', names: new Map() }));
    assert.equal(before.patterns.filter((p) => p.id === 'repeated-incidents').length, 0);
    const after = findPatternsKept({ entries, dateOfBirth: '2025-12-01', today: '2026-02-02', names: new Map() }, before.state);
    assert.equal(after.state, before.state);
    assert.equal(after.patterns.filter((p) => p.id === 'repeated-incidents').length, 1);
  });
});

describe('RollingRuns', () => {
  it('gives runsWithin\'s runs after every day pushed', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const random = createRandom(seed);
      const threshold = { minimum: random.int(2, 4), withinMonths: random.int(1, 12) };
      const runs = new RollingRuns(threshold);
      const days: DatedEntry[] = [];
      let day = '2025-01-31';
      for (let i = 0; i < 60; i++) {
        day = addDays(day, random.pick([0, 1, 3, 10, 28, 29, 30, 31, 45, 90]));
        days.push({ day, entry: entry(`e${String(i)}`, 'police-incident', day) });
        runs.push(day);
        const expected = runsWithin(days, threshold).map((run) => [days.indexOf(run[0]!), days.indexOf(run[0]!) + run.length - 1]);
        assert.deepEqual(runs.spans(), expected, `seed ${String(seed)}, day ${String(i)}`);
      }
    }
  });
});
