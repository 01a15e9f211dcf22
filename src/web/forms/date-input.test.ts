import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { datesFromQuery, readDateInput, typedCalendarDay } from './date-input.ts';

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

describe('datesFromQuery', () => {
  it('reads the boxes, the first of each, trimmed, a box not given empty', () => {
    assert.deepEqual(datesFromQuery({ 'from-day': ' 1 ', 'from-month': ['4', '5'], 'from-year': '2026', 'to-day': '', other: 'x' }, ['from', 'to']), {
      'from-day': '1', 'from-month': '4', 'from-year': '2026', 'to-day': '', 'to-month': '', 'to-year': '',
    });
  });

  it('splits a date given as one value, as links written before the boxes did, keeping what cannot be read', () => {
    assert.deepEqual(datesFromQuery({ from: '2026-04-01', to: 'abc' }, ['from', 'to']), { 'from-day': '1', 'from-month': '4', 'from-year': '2026', 'to-day': '', 'to-month': '', 'to-year': 'abc' });
    assert.deepEqual(datesFromQuery({ from: '2026-02-31' }, ['from', 'to']), { 'from-day': '31', 'from-month': '2', 'from-year': '2026', 'to-day': '', 'to-month': '', 'to-year': '' });
  });

  it('gives nothing when the query has none of the dates', () => {
    assert.equal(datesFromQuery({ page: '2' }, ['from', 'to']), undefined);
    assert.equal(datesFromQuery(undefined, ['from']), undefined);
  });
});

describe('typedCalendarDay', () => {
  const typed = (day: string, month: string, year: string) => typedCalendarDay({ 'on-day': day, 'on-month': month, 'on-year': year }, 'on');
  it('gives a real calendar day, one before 1900 too, blank as blank, and anything else as no day', () => {
    assert.equal(typed('1', '4', '2026'), '2026-04-01');
    assert.equal(typed('31', '12', '1899'), '1899-12-31');
    assert.equal(typed('', '', ''), '');
    for (const [day, month, year] of [['31', '2', '2026'], ['1', '4', '202'], ['a', '4', '2026'], ['', '4', '2026'], ['1', '13', '2026']] as const) assert.equal(typed(day, month, year), 'not-a-date', `${day} ${month} ${year}`);
  });
});
