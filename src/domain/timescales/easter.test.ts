import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, dayNumber } from '../shared/calendar-date.ts';
import { easterSunday } from './easter.ts';

describe('Easter Sunday', () => {
  it('falls on the known dates', () => {
    const known: Record<number, string> = {
      1583: '1583-04-10',
      1818: '1818-03-22', // earliest possible
      1886: '1886-04-25', // latest possible
      1943: '1943-04-25',
      1961: '1961-04-02',
      2000: '2000-04-23',
      2008: '2008-03-23',
      2011: '2011-04-24',
      2016: '2016-03-27',
      2018: '2018-04-01',
      2019: '2019-04-21',
      2020: '2020-04-12',
      2021: '2021-04-04',
      2022: '2022-04-17',
      2023: '2023-04-09',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2028: '2028-04-16',
      2029: '2029-04-01',
      2030: '2030-04-21',
      2038: '2038-04-25',
      2285: '2285-03-22',
    };
    for (const [year, day] of Object.entries(known)) assert.equal(easterSunday(Number(year)), day, year);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    for (let year = 1583; year <= 4099; year += 1) {
      const easter = easterSunday(year);
      assert.equal((((dayNumber(easter) + 4) % 7) + 7) % 7, 0, `${easter} is a Sunday`);
      const monthDay = easter.slice(5);
      assert.ok(monthDay >= '03-22' && monthDay <= '04-25', easter);
    }
  });

  it('is a whole number of weeks, 350 to 385 days, after the Easter before', () => {
    for (let year = 2000; year < 2100; year += 1) {
      const gap = dayNumber(easterSunday(year + 1)) - dayNumber(easterSunday(year));
      assert.equal(gap % 7, 0, `${year} to ${year + 1}`);
      assert.ok(gap >= 350 && gap <= 385, `${year}: ${gap}`);
      assert.equal(addDays(easterSunday(year), gap), easterSunday(year + 1));
    }
  });

  it('refuses a year outside the Gregorian calendar', () => {
    for (const year of [1582, 0, -1, 10_000, 2026.5, Number.NaN]) assert.throws(() => easterSunday(year), RangeError, String(year));
  });
});
