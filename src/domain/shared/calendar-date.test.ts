import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRealIsoDate } from './calendar-date.ts';

describe('calendar dates', () => {
  it('knows a real calendar date from an impossible one', () => {
    for (const date of ['2026-02-28', '2024-02-29', '2026-12-31', '2000-01-01']) assert.equal(isRealIsoDate(date), true, date);
    for (const date of ['2026-02-29', '2026-02-31', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-1', '26-01-01', '', 'yesterday']) {
      assert.equal(isRealIsoDate(date), false, date);
    }
  });
});
