import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CENTILE_LINES, centileSpacesFallen, positionOnChart } from './centile-lines.ts';
import { centileOfZ } from './lms.ts';

describe('the centile lines', () => {
  it('are the nine lines of the UK-WHO charts, two-thirds of a standard deviation apart', () => {
    assert.deepEqual(CENTILE_LINES.map((l) => l.label), ['0.4th', '2nd', '9th', '25th', '50th', '75th', '91st', '98th', '99.6th']);
    const published = [0.4, 2, 9, 25, 50, 75, 91, 98, 99.6];
    CENTILE_LINES.forEach((line, i) => assert.ok(Math.abs(centileOfZ(line.z) - published[i]!) < 0.7, line.label));
  });

  it('say where a point sits: on a line within a quarter of a space, else between two', () => {
    assert.equal(positionOnChart(0.16), 'on the 50th centile');
    assert.equal(positionOnChart(0.17), 'between the 50th and 75th centiles');
    assert.equal(positionOnChart(-1.1), 'between the 9th and 25th centiles');
    assert.equal(positionOnChart(-3), 'below the 0.4th centile');
    assert.equal(positionOnChart(3), 'above the 99.6th centile');
  });

  it('count a fall in centile spaces', () => {
    assert.equal(centileSpacesFallen(0, -4 / 3), 2);
    assert.equal(centileSpacesFallen(-1, 0), -1.5);
  });
});
