import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serviceDateTime } from './chronology-rows.ts';

describe('a chronology moment in the service’s time zone', () => {
  it('keeps the UK day of a moment just after midnight in summer, with its offset', () => {
    assert.equal(serviceDateTime(new Date('2026-06-04T23:30:00Z')), '2026-06-05T00:30:00+01:00');
  });

  it('uses +00:00 in winter', () => {
    assert.equal(serviceDateTime(new Date('2026-11-20T23:10:00Z')), '2026-11-20T23:10:00+00:00');
  });

  it('names the same instant', () => {
    const moment = new Date('2026-03-29T00:59:59Z');
    assert.equal(Date.parse(serviceDateTime(moment)), moment.getTime());
  });
});
