// Properties over arbitrary chronologies: the patterns never throw, hold together, never read a
// superseded entry, and more contact or more incidents never move them the wrong way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EVENT_KIND_IDS } from '../catalogue/event-kinds.ts';
import { EVIDENCE_SOURCE_IDS } from '../catalogue/evidence-sources.ts';
import { dayOf } from '../shared/calendar-date.ts';
import { entry } from './chronology.test-support.ts';
import { currentEntries } from './current-entries.ts';
import { findPatterns } from './find-patterns.ts';
import { findRepeatedIncidents } from './repeated-incidents.ts';
import { findUnseenPeriods } from './unseen-periods.ts';
import type { EventKindId } from '../catalogue/event-kinds.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';
import type { ChronologyEntry } from './chronology.types.ts';
import type { PatternInput } from './find-patterns.ts';
import type { FactorObservation } from './relapse.ts';

const IDS = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9', 'e10', 'e11', 'e12'];
const PEOPLE = ['p1', 'p2', 'p3', 'stranger'];
const FACTORS: readonly FactorId[] = ['alcohol-misuse', 'drug-misuse', 'mental-health', 'injury', 'unsafe-sleep', 'late-booking', 'young-parent'];
/** The kinds the patterns look at, drawn more often than the rest. */
const HOT: readonly EventKindId[] = ['police-domestic-abuse-incident', 'police-incident', 'emergency-attendance', 'injury-observed', 'was-not-brought', 'home-visit', 'clinic-contact', 'hospital-admission', 'hospital-discharge', 'substance-use-increase'];

const dayArb = fc.integer({ min: 0, max: 700 }).map((n) => new Date(Date.UTC(2025, 9, 1 + n)).toISOString().slice(0, 10));
const dateArb = fc.oneof(
  { weight: 8, arbitrary: dayArb },
  { weight: 2, arbitrary: dayArb.map((day) => `${day}T23:30:00+01:00`) },
  { weight: 1, arbitrary: fc.constantFrom('', 'not a date', '2026-02-31', '2026-13-01T10:00:00Z') },
);
const oddNumber = fc.oneof(fc.integer({ min: -5, max: 400 }), fc.double(), fc.constant(Number.NaN));

const entryArb = (id: string): fc.Arbitrary<ChronologyEntry> =>
  fc
    .record({
      kind: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOT) }, { weight: 1, arbitrary: fc.constantFrom(...EVENT_KIND_IDS) }),
      occurredAt: dateArb,
      source: fc.constantFrom(...EVIDENCE_SOURCE_IDS),
      personIds: fc.subarray(PEOPLE),
      victimIds: fc.subarray(PEOPLE),
      perpetratorIds: fc.subarray(PEOPLE),
      babySeen: fc.constantFrom(true, false, null),
      indicates: fc.array(fc.record({ factorId: fc.constantFrom(...FACTORS), personId: fc.constantFrom(...PEOPLE, undefined) }), { maxLength: 2 }),
      substance: fc.constantFrom('alcohol' as const, 'drugs' as const, undefined),
      gestationWeeks: fc.option(oddNumber, { nil: undefined }),
      corrects: fc.option(fc.constantFrom(...IDS), { freq: 4, nil: undefined }),
    })
    .map((fields) => {
      const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      return { id, recordedAt: '2027-01-01T09:00:00Z', recordedBy: 'A practitioner', agency: 'Police', agencyKind: 'police', summary: 'Something happened', presentIds: [], significant: false, ...defined } as unknown as ChronologyEntry;
    });

const entriesArb = fc.subarray(IDS, { maxLength: 12 }).chain((ids) => fc.tuple(...ids.map(entryArb))).chain((entries) => fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }));

const observationArb: fc.Arbitrary<FactorObservation> = fc.record({
  factorId: fc.constantFrom(...FACTORS),
  personId: fc.constantFrom('p1', 'p2'),
  at: dateArb,
  indicates: fc.constantFrom('present' as const, 'absent' as const),
  entryId: fc.constantFrom(...IDS),
  source: fc.constantFrom(...EVIDENCE_SOURCE_IDS),
});

const threshold = fc.record({ minimum: oddNumber, withinMonths: oddNumber }, { requiredKeys: [] });
const settingsArb = fc.option(
  fc.record(
    {
      incidents: fc.record({ 'domestic-abuse': threshold, injury: threshold }, { requiredKeys: [] }),
      missedAppointments: fc.record({ inARow: oddNumber, within: threshold }, { requiredKeys: [] }),
      unseen: fc.record({ bands: fc.array(fc.record({ underMonths: oddNumber, maxDays: oddNumber }), { maxLength: 3 }) }),
      profile: fc.record({ lateBookingAfterWeeks: oddNumber }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const inputArb: fc.Arbitrary<PatternInput> = fc.record({
  entries: entriesArb,
  dateOfBirth: fc.oneof({ weight: 4, arbitrary: dayArb }, { weight: 1, arbitrary: fc.constantFrom(null, 'unknown') }),
  today: fc.oneof({ weight: 9, arbitrary: dayArb }, { weight: 1, arbitrary: fc.constantFrom('', 'today') }),
  names: fc.subarray(['p1', 'p2', 'p3']).map((ids) => new Map(ids.map((id) => [id, id === 'p3' ? 'Lee\n  Smith' : `Person ${id}`]))),
  observations: fc.array(observationArb, { maxLength: 4 }),
  settings: settingsArb,
}).map((input) => (input.settings === undefined ? { ...input, settings: {} } : input));

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !(value instanceof Map)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('patterns over arbitrary chronologies', () => {
  it('never throw, come in date order, tell each pattern in one line, and name only current entries', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const patterns = findPatterns(input);
        const current = new Set(currentEntries(input.entries).map((e) => e.id));
        patterns.forEach((pattern, i) => {
          assert.ok(dayOf(pattern.from) !== null && dayOf(pattern.to) !== null && pattern.from <= pattern.to, `${pattern.from} to ${pattern.to}`);
          if (i > 0) assert.ok(patterns[i - 1]!.from <= pattern.from, 'in order');
          assert.match(pattern.rationale, /^[^\n\r]+\.$/);
          assert.ok(['high', 'attention'].includes(pattern.severity));
          for (const id of pattern.entryIds) assert.ok(current.has(id), `${id} is superseded`);
          if (pattern.id !== 'relapse' && input.today !== '' && input.today !== 'today') {
            for (const id of pattern.entryIds) {
              const day = dayOf(input.entries.find((e) => e.id === id)!.occurredAt);
              assert.ok(day !== null && day <= input.today, `${id} is after today`);
            }
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  it('are pure: they change nothing they are given and give the same answer twice', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const frozen = deepFreeze(structuredClone(input));
        assert.deepEqual(findPatterns(frozen), findPatterns(structuredClone(input)));
      }),
      { numRuns: 100 },
    );
  });

  it('never leave out an incident they counted before when another is recorded', () => {
    const incident = fc.record({ kind: fc.constantFrom('police-domestic-abuse-incident' as const, 'police-incident' as const, 'injury-observed' as const, 'emergency-attendance' as const), occurredAt: dayArb });
    fc.assert(
      fc.property(entriesArb, incident, (entries, { kind, occurredAt }) => {
        const covered = (list: readonly ChronologyEntry[]) => new Set(findRepeatedIncidents(list).flatMap((run) => run.entries.map((e) => e.id)));
        const before = covered(entries);
        const after = covered([...entries, entry('new', kind, occurredAt)]);
        for (const id of before) assert.ok(after.has(id), id);
      }),
      { numRuns: 300 },
    );
  });

  it('never make an unseen period longer when the baby is seen once more', () => {
    fc.assert(
      fc.property(entriesArb, dayArb, dayArb, fc.integer({ min: 0, max: 700 }), (entries, dateOfBirth, today, offset) => {
        const before = findUnseenPeriods(entries, dateOfBirth, today);
        const days = currentEntries(entries).flatMap((e) => dayOf(e.occurredAt) ?? []).filter((d) => d <= today).sort();
        const earliest = days[0] !== undefined && days[0] > dateOfBirth ? days[0] : dateOfBirth;
        const visitDay = new Date(Date.parse(`${earliest}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
        const after = findUnseenPeriods([...entries, entry('visit', 'home-visit', visitDay, { babySeen: true })], dateOfBirth, today);
        for (const period of after) {
          assert.ok(before.some((earlier) => earlier.from <= period.from && period.to <= earlier.to), `${period.from} to ${period.to} is new`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
