import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { median, medianWithQuartiles, medianWithRange, quantile, sumRatio, turnRatios, windowRatios } from '../bench/observability-statistics.ts';

describe("the observability bench's paired statistics", () => {
  it('interpolates quantiles between the nearest ranks, whatever the order, and gives NaN for none', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(quantile([1, 2, 3, 4, 5], 0.25), 2);
    assert.equal(quantile([1, 2], 0.75), 1.75);
    assert.ok(Number.isNaN(median([])));
  });

  it("takes each turn's variant CPU over the same turn's off CPU", () => {
    assert.deepEqual(turnRatios({ variant: [110, 90, 300], off: [100, 100, 100] }), [1.1, 0.9, 3]);
  });

  it('sums each window of turns before dividing, and leaves out a last partial window', () => {
    // The third turn's burst (an export) is in the first window's ratio, not lost to a median of turns.
    const turns = { variant: [100, 100, 400, 100, 100, 100, 100], off: [100, 100, 100, 100, 100, 100, 100] };
    assert.deepEqual(windowRatios(turns, 3), [2, 1]);
    assert.equal(median(turnRatios(turns)), 1);
    assert.equal(sumRatio(turns), 1000 / 700);
  });

  it('a burst in one turn moves the median of the turns little, where it moves the ratio of the sums', () => {
    const turns = { variant: [100, 101, 99, 100, 5000], off: [100, 100, 100, 100, 100] };
    assert.equal(median(turnRatios(turns)), 1);
    assert.ok(sumRatio(turns) > 10);
  });

  it('writes the median with its interquartile range and count, or with its least and greatest', () => {
    assert.equal(medianWithQuartiles([1, 2, 3, 4, 5]), '3.000 (IQR 2.000-4.000, n 5)');
    assert.equal(medianWithQuartiles([]), 'none');
    assert.equal(medianWithRange([1.2, 1, 1.1]), '1.100 (1.000-1.200)');
    assert.equal(medianWithRange([]), 'none');
  });
});
