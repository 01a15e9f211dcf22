import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addMonths } from '../shared/calendar-date.ts';
import { entry } from './chronology.test-support.ts';
import { checkedThreshold, runsWithin } from './rolling-window.ts';
import type { Threshold } from './rolling-window.ts';

const items = (...days: string[]) => days.map((day, i) => ({ entry: entry(`e${i}`, 'case-note', day), day }));
const daysOf = (runs: { day: string }[][]) => runs.map((run) => run.map((item) => item.day));
const threeInTwelve: Threshold = { minimum: 3, withinMonths: 12 };

describe('runs within a rolling window', () => {
  it('finds three within twelve months, and not three spread over more', () => {
    assert.deepEqual(daysOf(runsWithin(items('2026-01-10', '2026-05-01', '2027-01-09'), threeInTwelve)), [['2026-01-10', '2026-05-01', '2027-01-09']]);
    assert.deepEqual(runsWithin(items('2026-01-10', '2026-05-01', '2027-01-10'), threeInTwelve), []);
  });

  it('counts entries on the same day each', () => {
    assert.deepEqual(daysOf(runsWithin(items('2026-03-01', '2026-03-01', '2026-03-01'), threeInTwelve)), [['2026-03-01', '2026-03-01', '2026-03-01']]);
  });

  it('joins windows that share an entry into one run, and keeps runs apart that do not', () => {
    const sustained = items('2025-01-01', '2025-06-01', '2025-11-01', '2026-04-01', '2026-09-01');
    assert.deepEqual(daysOf(runsWithin(sustained, threeInTwelve)), [sustained.map((item) => item.day)]);
    const apart = items('2024-01-01', '2024-02-01', '2024-03-01', '2026-01-01', '2026-02-01', '2026-03-01');
    assert.deepEqual(daysOf(runsWithin(apart, threeInTwelve)).map((run) => run.length), [3, 3]);
  });

  it('finds nothing in too few entries', () => {
    assert.deepEqual(runsWithin([], threeInTwelve), []);
    assert.deepEqual(runsWithin(items('2026-01-01', '2026-01-02'), threeInTwelve), []);
  });

  it('keeps a threshold that makes sense and falls back for anything else, part by part', () => {
    assert.deepEqual(checkedThreshold({ minimum: 2, withinMonths: 6 }, threeInTwelve), { minimum: 2, withinMonths: 6 });
    assert.deepEqual(checkedThreshold({ withinMonths: 6 }, threeInTwelve), { minimum: 3, withinMonths: 6 });
    for (const odd of [{ minimum: 1 }, { minimum: 2.5 }, { minimum: Number.NaN }, { withinMonths: 0 }, { withinMonths: 1e9 }, { minimum: -3, withinMonths: Infinity }]) {
      assert.deepEqual(checkedThreshold(odd, threeInTwelve), threeInTwelve);
    }
    assert.deepEqual(checkedThreshold(undefined, threeInTwelve), threeInTwelve);
  });

  it('puts an entry in a run exactly when some window of that many months from an entry holds it and enough others', () => {
    const day = fc.integer({ min: 0, max: 900 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    const threshold = fc.record({ minimum: fc.integer({ min: 2, max: 4 }), withinMonths: fc.integer({ min: 1, max: 12 }) });
    fc.assert(
      fc.property(fc.array(day, { maxLength: 12 }), threshold, (days, t) => {
        const sorted = items(...[...days].sort());
        const inRuns = new Set(runsWithin(sorted, t).flat());
        for (const item of sorted) {
          const inSomeWindow = sorted.some((start) => {
            const end = addMonths(start.day, t.withinMonths);
            const window = sorted.filter((other) => other.day >= start.day && other.day < end);
            return window.length >= t.minimum && window.includes(item);
          });
          assert.equal(inRuns.has(item), inSomeWindow, `${item.day} in ${sorted.map((s) => s.day).join(',')}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
