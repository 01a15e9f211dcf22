import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compareChronologyOrder, withNewEntries } from './chronology-order.ts';

const entry = (id: string, occurredAt: string, recordedAt = '2026-11-20T12:00:00.000Z') => ({ id, occurredAt, recordedAt });

describe('the order of a chronology', () => {
  it('puts earlier days first, whatever was recorded when', () => {
    const ids = withNewEntries([entry('b', '2026-11-20', '2026-11-01T00:00:00.000Z')], [entry('a', '2026-11-19', '2026-11-30T00:00:00.000Z')]).map((e) => e.id);
    assert.deepEqual(ids, ['a', 'b']);
  });

  it('on one day, puts entries with a time first, in the order of their moments, and day-only entries after', () => {
    const list = [entry('day-only', '2026-11-20'), entry('late', '2026-11-20T18:00:00+00:00'), entry('early', '2026-11-20T08:00:00+00:00')];
    assert.deepEqual([...list].sort(compareChronologyOrder).map((e) => e.id), ['early', 'late', 'day-only']);
  });

  it('compares moments, not their text, across a change of offset', () => {
    // 01:30 BST on the last Sunday of October is 00:30 UTC; 01:10 GMT after the clocks go back is later.
    const list = [entry('after-change', '2026-10-25T01:10:00+00:00'), entry('before-change', '2026-10-25T01:30:00+01:00')];
    assert.deepEqual([...list].sort(compareChronologyOrder).map((e) => e.id), ['before-change', 'after-change']);
  });

  it('breaks ties by when it was recorded, then by id', () => {
    const list = [entry('b', '2026-11-20', '2026-11-21T00:00:00.000Z'), entry('c', '2026-11-20', '2026-11-20T00:00:00.000Z'), entry('a', '2026-11-20', '2026-11-21T00:00:00.000Z')];
    assert.deepEqual([...list].sort(compareChronologyOrder).map((e) => e.id), ['c', 'a', 'b']);
  });

  it('leaves the lists it was given as they were', () => {
    const before = [entry('b', '2026-11-20')];
    const added = [entry('a', '2026-11-19')];
    withNewEntries(before, added);
    assert.deepEqual(before.map((e) => e.id), ['b']);
    assert.deepEqual(added.map((e) => e.id), ['a']);
  });

  it('merges new entries into an ordered chronology exactly as sorting the whole would', () => {
    const day = fc.integer({ min: 1, max: 4 }).map((d) => `2026-11-0${String(d)}`);
    const occurred = fc.oneof(day, fc.tuple(day, fc.integer({ min: 10, max: 12 })).map(([d, h]) => `${d}T${String(h)}:00:00+00:00`));
    const anEntry = fc.record({ id: fc.uuid(), occurredAt: occurred, recordedAt: fc.constantFrom('2026-11-05T00:00:00.000Z', '2026-11-06T00:00:00.000Z') });
    fc.assert(fc.property(fc.array(anEntry, { maxLength: 12 }), fc.array(anEntry, { maxLength: 5 }), (kept, added) => {
      const ordered = [...kept].sort(compareChronologyOrder);
      const expected = [...ordered, ...added].sort(compareChronologyOrder).map((e) => e.id);
      assert.deepEqual(withNewEntries(ordered, added).map((e) => e.id), expected);
    }));
  });

  it('places entries newer than the last without comparing the older ones, and an older entry by halving', () => {
    let reads = 0;
    const counted = (e: ReturnType<typeof entry>) => ({ id: e.id, recordedAt: e.recordedAt, get occurredAt() { reads++; return e.occurredAt; } });
    const day = (d: number) => `2026-0${String(1 + Math.floor(d / 28))}-${String(1 + (d % 28)).padStart(2, '0')}`;
    const chronology = Array.from({ length: 200 }, (_, i) => counted(entry(`e${String(i).padStart(3, '0')}`, day(i))));
    const appended = withNewEntries(chronology, [entry('newer', '2026-11-20'), entry('newest', '2026-11-21')]);
    assert.deepEqual(appended.slice(-3).map((e) => e.id), ['e199', 'newer', 'newest']);
    assert.equal(appended.length, 202);
    assert.ok(reads <= 20, `an append read ${String(reads)} of the chronology's dates`);
    reads = 0;
    const inserted = withNewEntries(chronology, [entry('late-report', day(100))]);
    assert.deepEqual(inserted.slice(100, 102).map((e) => e.id), ['e100', 'late-report']);
    // Found by halving (about 8 comparisons, two dates each); the entries after it are copied, not compared.
    assert.ok(reads <= 24, `placing one entry read ${String(reads)} of the chronology's dates`);
  });
});
