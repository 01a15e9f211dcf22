import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findRelapses } from './relapse.ts';
import type { FactorObservation } from './relapse.ts';

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
});
