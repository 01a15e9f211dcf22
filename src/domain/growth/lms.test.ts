import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { centileOfZ, interpolateLms, valueAtZ, zScore } from './lms.ts';

const near = (actual: number, expected: number, within = 1e-6) => assert.ok(Math.abs(actual - expected) <= within, `${actual} is not ${expected}`);

describe('the LMS method', () => {
  it('gives z = 0 at the median and comes back to the measurement from its z-score', () => {
    const lms = { L: 0.0644, M: 9.6479, S: 0.10925 };
    near(zScore(9.6479, lms), 0);
    for (const z of [-2.67, -1, 0.5, 2]) near(zScore(valueAtZ(z, lms), lms), z);
  });

  it('computes ((X/M)^L − 1) / (L·S) by hand for one case', () => {
    near(zScore(4, { L: 0.5, M: 3.6, S: 0.12 }), (Math.sqrt(4 / 3.6) - 1) / (0.5 * 0.12));
  });

  it('uses ln(X/M) / S when L is 0', () => {
    near(zScore(11, { L: 0, M: 10, S: 0.1 }), Math.log(1.1) / 0.1);
    near(valueAtZ(1, { L: 0, M: 10, S: 0.1 }), 10 * Math.exp(0.1));
  });

  it('interpolates L, M and S along the straight line between two ages', () => {
    const mid = interpolateLms(0.5, [0, { L: 1, M: 3, S: 0.1 }], [1, { L: 0, M: 9, S: 0.2 }]);
    near(mid.L, 0.5);
    near(mid.M, 6);
    near(mid.S, 0.15);
  });

  it('turns a z-score into its centile', () => {
    near(centileOfZ(0), 50, 1e-4);
    near(centileOfZ(-2), 2.275, 1e-3);
    near(centileOfZ(1.959964), 97.5, 1e-3);
    near(centileOfZ(-8 / 3), 0.383, 1e-3);
    near(centileOfZ(2 / 3), 74.75, 1e-2);
  });
});
