import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
});
