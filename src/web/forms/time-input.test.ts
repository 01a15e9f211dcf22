import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readClockTime } from './time-input.ts';

describe('a clock time typed into a form', () => {
  it('reads 24-hour times with a colon or a full stop, padding the hour', () => {
    assert.equal(readClockTime('14:30'), '14:30');
    assert.equal(readClockTime('14.30'), '14:30');
    assert.equal(readClockTime(' 9:05 '), '09:05');
    assert.equal(readClockTime('00:00'), '00:00');
    assert.equal(readClockTime('23:59'), '23:59');
  });

  it('refuses what is not a real 24-hour time', () => {
    for (const typed of ['24:00', '12:60', '2pm', '1430', '14:3', '', 'noon']) assert.equal(readClockTime(typed), null, typed);
  });
});
