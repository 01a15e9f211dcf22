// Lists kept in order (sorted-list.ts): an item goes after its equals, as a stable sort puts it, and
// a count between two bounds is the count a walk of the list gives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareText, countBetween, placeAfter, withInserted } from './sorted-list.ts';
import { createRandom } from './seeded-random.ts';

const byDay = (a: { day: string }, b: { day: string }) => compareText(a.day, b.day);

describe('a sorted list', () => {
  it('places an item after its equals', () => {
    assert.equal(placeAfter(['a', 'b', 'b', 'c'], 'b', compareText), 3);
    assert.equal(placeAfter([], 'b', compareText), 0);
    assert.equal(placeAfter(['c'], 'a', compareText), 0);
  });

  it('takes added items where a stable sort of the list then the items puts them, and changes neither list', () => {
    const random = createRandom(5);
    for (let round = 0; round < 200; round++) {
      const item = (n: number) => ({ day: `2026-06-0${String(random.int(1, 4))}`, n });
      const sorted = Array.from({ length: random.int(0, 8) }, (_, n) => item(n)).sort(byDay);
      const added = Array.from({ length: random.int(0, 3) }, (_, n) => item(100 + n));
      const before = [...sorted];
      assert.deepEqual(withInserted(sorted, added, byDay), [...sorted, ...added].sort(byDay), `round ${String(round)}`);
      assert.deepEqual(sorted, before);
    }
    const none: readonly string[] = ['a'];
    assert.equal(withInserted(none, [], compareText), none);
  });

  it('counts the texts after one bound and up to another', () => {
    const days = ['2025-01-01', '2025-06-01', '2025-06-01', '2025-12-31', '2026-01-01'];
    for (const [after, upTo] of [['2025-01-01', '2025-12-31'], ['2024-12-31', '2026-01-01'], ['2025-06-01', '2025-06-01'], ['2026-01-01', '2025-01-01'], ['2025-05-31', '2025-06-01']] as const) {
      assert.equal(countBetween(days, after, upTo), days.filter((day) => day > after && day <= upTo).length, `${after} to ${upTo}`);
    }
  });
});
