import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarDateParts, parseCalendarDate } from './calendar-date.ts';

describe('calendar dates from date inputs', () => {
  it('reads a real date, with or without leading zeros', () => {
    assert.deepEqual(parseCalendarDate({ day: '1', month: '3', year: '2026' }), { ok: true, iso: '2026-03-01' });
    assert.deepEqual(parseCalendarDate({ day: '09', month: '11', year: '2026' }), { ok: true, iso: '2026-11-09' });
    assert.deepEqual(parseCalendarDate({ day: '29', month: '2', year: '2028' }), { ok: true, iso: '2028-02-29' });
  });

  it('says when nothing was entered, and when only part of a date was', () => {
    assert.deepEqual(parseCalendarDate({}), { ok: false, problem: 'missing' });
    assert.deepEqual(parseCalendarDate({ day: ' ', month: '', year: '' }), { ok: false, problem: 'missing' });
    assert.deepEqual(parseCalendarDate({ day: '1', month: '', year: '2026' }), { ok: false, problem: 'incomplete' });
  });

  it('refuses dates that do not exist and text that is not a date', () => {
    for (const parts of [
      { day: '31', month: '2', year: '2026' },
      { day: '29', month: '2', year: '2027' },
      { day: '0', month: '1', year: '2026' },
      { day: '1', month: '13', year: '2026' },
      { day: 'first', month: 'May', year: '2026' },
      { day: '1', month: '5', year: '26' },
    ]) {
      assert.deepEqual(parseCalendarDate(parts), { ok: false, problem: 'not-real' }, JSON.stringify(parts));
    }
  });

  it('splits an ISO date back into the fields', () => {
    assert.deepEqual(calendarDateParts('2026-03-09'), { day: '9', month: '3', year: '2026' });
    assert.deepEqual(calendarDateParts(null), { day: '', month: '', year: '' });
  });
});
