import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDateInput } from './date-input.ts';

const words = { prefix: 'seen', label: 'Date seen', enter: 'Enter the date seen' };
const read = (day: string, month: string, year: string) => readDateInput({ 'seen-day': day, 'seen-month': month, 'seen-year': year }, words, true);

describe('readDateInput', () => {
  it('reads a real date of 1900 or later', () => {
    assert.deepEqual(read('3', '11', '2026'), { ok: true, iso: '2026-11-03' });
    assert.deepEqual(read('1', '1', '1900'), { ok: true, iso: '1900-01-01' });
  });

  it('refuses a year before 1900, a slip for this century, on the year alone', () => {
    for (const year of ['1026', '0226', '0001', '1899']) {
      assert.deepEqual(read('3', '11', year), { ok: false, field: 'seen-year', text: 'Date seen must be in 1900 or later: check the year', parts: ['year'] }, year);
    }
  });

  it('still says what is missing or not real first', () => {
    assert.deepEqual(read('', '11', '0026'), { ok: false, field: 'seen-day', text: 'Date seen must include a day', parts: ['day'] });
    assert.deepEqual(read('31', '2', '1026'), { ok: false, field: 'seen-day', text: 'Date seen must be a real date', parts: ['day', 'month', 'year'] });
  });
});
