import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, addMonths, ageInYears, dayInWords, dayOf, isAfter, wholeMonths } from './profile-dates.ts';

describe('profile dates', () => {
  it('read the day of a date or date-time, and nothing else', () => {
    assert.equal(dayOf('2026-11-22'), '2026-11-22');
    assert.equal(dayOf('2026-11-22T23:59:00Z'), '2026-11-22');
    assert.equal(dayOf('2026-02-31'), null);
    assert.equal(dayOf('yesterday'), null);
    assert.equal(dayOf(null), null);
  });

  it('add days and calendar months, keeping to the month’s last day', () => {
    assert.equal(addDays('2026-12-30', 3), '2027-01-02');
    assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
    assert.equal(addMonths('2026-05-22', 6), '2026-11-22');
    assert.equal(addDays('2026-01-01', 1e12), '');
  });

  it('count whole years and months', () => {
    assert.equal(ageInYears('2007-11-23', '2026-11-22'), 18);
    assert.equal(ageInYears('2007-11-22', '2026-11-22'), 19);
    assert.equal(wholeMonths('2026-06-10', '2026-11-09'), 4);
    assert.equal(wholeMonths('2026-06-10', '2026-11-10'), 5);
  });

  it('say whether an event came after a review: on the same day only when times say so', () => {
    assert.equal(isAfter('2026-11-10', '2026-11-09'), true);
    assert.equal(isAfter('2026-11-10', '2026-11-10'), false);
    assert.equal(isAfter('2026-11-10T10:00:00Z', '2026-11-10T09:00:00Z'), true);
    assert.equal(isAfter('2026-11-10T10:00:00Z', '2026-11-10'), false);
    assert.equal(isAfter('not a date', '2026-11-10'), false);
  });

  it('write a day in words', () => {
    assert.equal(dayInWords('2026-11-01'), '1 November 2026');
    assert.equal(dayInWords('soon'), 'soon');
  });
});
