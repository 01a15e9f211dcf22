import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isFactorId } from '../catalogue/catalogue.ts';
import { factorKey } from '../profile/event-evidence.ts';
import { dayOf } from '../shared/calendar-date.ts';
import { findRelapses, relapseStep } from './relapse.ts';
import type { FactorObservation, Relapse, RelapseCycle, RelapseState } from './relapse.ts';

/** The implementation before the lists were appended in place (it copied each subject's list on every observation), kept only to compare with. */
function quadraticFindRelapses(observations: readonly FactorObservation[]): Relapse[] {
  const cyclesIn = (subject: readonly { day: string; observation: FactorObservation }[]): RelapseCycle[] => {
    const byDay = new Map<string, FactorObservation[]>();
    for (const { day, observation } of [...subject].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))) byDay.set(day, [...(byDay.get(day) ?? []), observation]);
    const found: RelapseCycle[] = [];
    let state: RelapseState = { at: 'nothing' };
    for (const sameDay of byDay.values()) {
      const step = relapseStep(state, sameDay);
      if (step.cycle) found.push(step.cycle);
      state = step.state;
    }
    return found;
  };
  const bySubject = new Map<string, { day: string; observation: FactorObservation }[]>();
  for (const observation of observations) {
    const day = dayOf(observation.at);
    if (day === null || !isFactorId(observation.factorId) || (observation.indicates !== 'present' && observation.indicates !== 'absent')) continue;
    const key = factorKey(observation.factorId, observation.personId);
    bySubject.set(key, [...(bySubject.get(key) ?? []), { day, observation }]);
  }
  return [...bySubject.values()].flatMap((subject) => {
    const found = cyclesIn(subject);
    const { factorId, personId } = subject[0]!.observation;
    return found.length === 0 ? [] : [{ factorId, ...(personId === undefined ? {} : { personId }), cycles: found }];
  });
}

const seen = (at: string, indicates: FactorObservation['indicates'], entryId = at, overrides: Partial<FactorObservation> = {}): FactorObservation => ({
  factorId: 'alcohol-misuse',
  personId: 'mother',
  at,
  indicates,
  entryId,
  source: indicates === 'absent' ? 'carer-account' : 'agency-record',
  ...overrides,
});
const cycles = (observations: readonly FactorObservation[]) =>
  findRelapses(observations).map((r) => [r.factorId, r.personId, r.cycles.map((c) => [c.indicated.entryId, c.improved.entryId, c.relapsed.entryId])]);

describe('relapse', () => {
  it('finds a factor indicated, then shown as gone, then indicated again, for the same person', () => {
    const observations = [seen('2026-06-02', 'present', 'again'), seen('2026-03-03', 'present', 'first'), seen('2026-04-10', 'absent', 'stopped')];
    assert.deepEqual(cycles(observations), [['alcohol-misuse', 'mother', [['first', 'stopped', 'again']]]]);
  });

  it('names the last indication before the improvement, the first sign of it, and the first indication after', () => {
    const observations = ['2026-01-01', '2026-02-01'].map((d) => seen(d, 'present')).concat(
      ['2026-03-01', '2026-04-01'].map((d) => seen(d, 'absent')),
      ['2026-05-01', '2026-06-01'].map((d) => seen(d, 'present')),
    );
    assert.deepEqual(cycles(observations), [['alcohol-misuse', 'mother', [['2026-02-01', '2026-03-01', '2026-05-01']]]]);
  });

  it('finds nothing without all three steps in that order', () => {
    assert.deepEqual(cycles([seen('2026-01-01', 'present'), seen('2026-02-01', 'present')]), []);
    assert.deepEqual(cycles([seen('2026-01-01', 'absent'), seen('2026-02-01', 'present')]), []);
    assert.deepEqual(cycles([seen('2026-01-01', 'present'), seen('2026-02-01', 'absent')]), []);
    assert.deepEqual(cycles([seen('2026-01-01', 'absent'), seen('2026-02-01', 'present'), seen('2026-03-01', 'absent')]), []);
    assert.deepEqual(cycles([]), []);
  });

  it('counts each time it came back', () => {
    const days = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01'];
    const observations = days.map((d, i) => seen(d, i % 2 === 0 ? 'present' : 'absent'));
    assert.deepEqual(findRelapses(observations)[0]?.cycles.length, 2);
  });

  it('does not read evidence both ways on one day as an improvement, but does as a relapse after one', () => {
    assert.deepEqual(cycles([seen('2026-01-01', 'present', 'a'), seen('2026-01-01T18:00:00Z', 'absent', 'b'), seen('2026-02-01', 'present', 'c')]), []);
    assert.deepEqual(cycles([seen('2026-01-01', 'present', 'a'), seen('2026-02-01', 'absent', 'b'), seen('2026-03-01', 'absent', 'c'), seen('2026-03-01', 'present', 'd')]), [
      ['alcohol-misuse', 'mother', [['a', 'b', 'd']]],
    ]);
  });

  it('keeps each person and each factor apart', () => {
    const observations = [seen('2026-01-01', 'present'), seen('2026-02-01', 'absent', 'x', { personId: 'father' }), seen('2026-03-01', 'present'), seen('2026-02-01', 'absent', 'y', { factorId: 'drug-misuse' })];
    assert.deepEqual(cycles(observations), []);
    const baby = [seen('2026-01-01', 'present', 'a', { factorId: 'feeding-difficulty', personId: undefined }), seen('2026-02-01', 'absent', 'b', { factorId: 'feeding-difficulty', personId: undefined }), seen('2026-03-01', 'present', 'c', { factorId: 'feeding-difficulty', personId: undefined })];
    assert.deepEqual(cycles(baby), [['feeding-difficulty', undefined, [['a', 'b', 'c']]]]);
  });

  it('leaves out observations with a date that cannot be read or a factor not in the catalogue', () => {
    assert.deepEqual(cycles([seen('2026-01-01', 'present'), seen('soon', 'absent'), seen('2026-03-01', 'present')]), []);
    const unknown = { factorId: 'astrology' } as unknown as Partial<FactorObservation>;
    assert.deepEqual(cycles(['2026-01-01', '2026-02-01', '2026-03-01'].map((d, i) => seen(d, i === 1 ? 'absent' : 'present', d, unknown))), []);
  });

  it('gives the same cycles whatever order the observations come in, one for each improvement between two indications', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    const observations = fc.uniqueArray(fc.record({ at: day, indicates: fc.constantFrom('present' as const, 'absent' as const) }), { selector: (o) => o.at, maxLength: 10 });
    fc.assert(
      fc.property(observations.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))), ([list, shuffled]) => {
        const made = (items: typeof list) => items.map((o) => seen(o.at, o.indicates));
        assert.deepEqual(findRelapses(made(shuffled)), findRelapses(made(list)));
        // Day by day, with repeats run together, each "absent" between two "present"s is one relapse.
        const turns = [...list].sort((a, b) => a.at.localeCompare(b.at)).map((o) => o.indicates).filter((d, i, all) => d !== all[i - 1]);
        const expected = turns.filter((d, i) => d === 'absent' && i > 0 && i < turns.length - 1).length;
        assert.equal(findRelapses(made(list))[0]?.cycles.length ?? 0, expected);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same result as the old implementation for a long sequence: 5,000 observations of one person, several a day, out of order', () => {
    // A fixed pseudo-random sequence (no clock): days over about eleven years, some days with evidence both ways.
    let seed = 12345; // Park and Miller's generator
    const next = () => (seed = (seed * 48271) % 2147483647);
    const observations = Array.from({ length: 5000 }, (_, i) => {
      const at = new Date(Date.UTC(2020, 0, 1 + (next() % 4000))).toISOString().slice(0, 10);
      return seen(next() % 3 === 0 ? `${at}T09:00:00Z` : at, next() % 5 < 2 ? 'absent' : 'present', `o${String(i)}`);
    });
    const now = findRelapses(observations);
    assert.deepEqual(now, quadraticFindRelapses(observations));
    assert.ok((now[0]?.cycles.length ?? 0) > 100);
    // And with other people and factors mixed in, and unreadable observations among them.
    const mixed = observations.map((o, i) => (i % 7 === 0 ? { ...o, personId: 'father' } : i % 11 === 0 ? { ...o, factorId: 'drug-misuse' as const } : i % 97 === 0 ? { ...o, at: 'soon' } : o));
    assert.deepEqual(findRelapses(mixed), quadraticFindRelapses(mixed));
  });
});
