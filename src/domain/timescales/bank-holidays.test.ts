import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BANK_HOLIDAY_DATA_YEARS,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  ONE_OFF_CHANGES,
  bankHolidayOn,
  bankHolidaysIn,
  dayOfWeek,
  isBankHoliday,
  isWeekend,
  ruledBankHolidays,
  statutoryBankHolidays,
} from './bank-holidays.ts';
import { easterSunday } from './easter.ts';
import { addDays } from '../shared/calendar-date.ts';

const dates = (holidays: readonly { date: string }[]) => holidays.map((holiday) => holiday.date);
const comparable = (holidays: readonly { date: string; title: string; substitute?: true }[]) =>
  holidays.map(({ date, title, substitute }) => ({ date, title, substitute: substitute === true }));

describe('days of the week', () => {
  it('knows the weekday of a day', () => {
    assert.equal(dayOfWeek('1970-01-01'), 4); // Thursday
    assert.equal(dayOfWeek('2026-11-22'), 0); // Sunday
    assert.equal(dayOfWeek('2026-11-23'), 1);
    assert.equal(dayOfWeek('2026-11-28'), 6);
    assert.equal(dayOfWeek('1969-12-31'), 3);
    assert.equal(isWeekend('2026-11-21'), true);
    assert.equal(isWeekend('2026-11-22'), true);
    assert.equal(isWeekend('2026-11-23'), false);
    assert.equal(isWeekend('2026-11-27'), false);
  });
});

describe('bank holidays of England and Wales', () => {
  it('covers 2018 to 2030 in date order, eight a year but for the one-off years, all on weekdays', () => {
    assert.deepEqual(BANK_HOLIDAY_DATA_YEARS, { first: 2018, last: 2030 });
    const all = dates(ENGLAND_AND_WALES_BANK_HOLIDAYS);
    assert.deepEqual(all, [...all].sort());
    assert.equal(new Set(all).size, all.length);
    for (let year = 2018; year <= 2030; year += 1) {
      const expected = year === 2022 ? 10 : year === 2023 ? 9 : 8;
      assert.equal(bankHolidaysIn(year).length, expected, String(year));
    }
    for (const holiday of ENGLAND_AND_WALES_BANK_HOLIDAYS) assert.equal(isWeekend(holiday.date), false, holiday.date);
  });

  it('marks 2018 to 2027 as published by GOV.UK and 2028 to 2030 as computed', () => {
    for (const holiday of ENGLAND_AND_WALES_BANK_HOLIDAYS) assert.equal(holiday.published, holiday.date < '2028', holiday.date);
  });

  it('is what the statutory rules and the one-off changes give, every year of the data', () => {
    for (let year = 2018; year <= 2030; year += 1) assert.deepEqual(comparable(ruledBankHolidays(year)), comparable(bankHolidaysIn(year)), String(year));
  });

  it('has the one-off days: VE day 2020, the 2022 spring bank holiday, jubilee and state funeral, the 2023 coronation', () => {
    assert.equal(bankHolidayOn('2020-05-08')?.title, 'Early May bank holiday (VE day)');
    assert.equal(isBankHoliday('2020-05-04'), false, 'the first Monday of May 2020 was a working day');
    assert.equal(bankHolidayOn('2022-06-02')?.title, 'Spring bank holiday');
    assert.equal(bankHolidayOn('2022-06-03')?.title, 'Platinum Jubilee bank holiday');
    assert.equal(isBankHoliday('2022-05-30'), false, 'the last Monday of May 2022 was a working day');
    assert.equal(bankHolidayOn('2022-09-19')?.title, 'Bank Holiday for the State Funeral of Queen Elizabeth II');
    assert.equal(bankHolidayOn('2023-05-08')?.title, 'Bank holiday for the coronation of King Charles III');
    assert.equal(isBankHoliday('2023-05-01'), true, 'the early May bank holiday stayed');
    assert.equal(ONE_OFF_CHANGES.length, 5);
  });

  it('gives substitute days when Christmas, Boxing Day or New Year fall at a weekend', () => {
    // Christmas on a Friday: Boxing Day on the Saturday moves to Monday 28 (2020, 2026)
    assert.deepEqual(comparable(bankHolidaysIn(2026).slice(-2)), [
      { date: '2026-12-25', title: 'Christmas Day', substitute: false },
      { date: '2026-12-28', title: 'Boxing Day', substitute: true },
    ]);
    assert.equal(isBankHoliday('2026-12-26'), false);
    assert.equal(isBankHoliday('2020-12-28'), true);
    // Christmas on a Saturday: Monday 27 and Tuesday 28 (2021, 2027)
    assert.deepEqual(comparable(bankHolidaysIn(2027).slice(-2)), [
      { date: '2027-12-27', title: 'Christmas Day', substitute: true },
      { date: '2027-12-28', title: 'Boxing Day', substitute: true },
    ]);
    assert.deepEqual(dates(bankHolidaysIn(2021).slice(-2)), ['2021-12-27', '2021-12-28']);
    // Christmas on a Sunday: Boxing Day Monday 26, Christmas's substitute Tuesday 27 (2022)
    assert.deepEqual(comparable(bankHolidaysIn(2022).slice(-2)), [
      { date: '2022-12-26', title: 'Boxing Day', substitute: false },
      { date: '2022-12-27', title: 'Christmas Day', substitute: true },
    ]);
    // New Year's Day on a Saturday (2022, 2028) or a Sunday (2023): the Monday after
    assert.deepEqual(comparable([bankHolidaysIn(2022)[0]!, bankHolidaysIn(2023)[0]!, bankHolidaysIn(2028)[0]!]), [
      { date: '2022-01-03', title: 'New Year’s Day', substitute: true },
      { date: '2023-01-02', title: 'New Year’s Day', substitute: true },
      { date: '2028-01-03', title: 'New Year’s Day', substitute: true },
    ]);
  });

  it('puts Good Friday and Easter Monday either side of Easter Sunday', () => {
    for (let year = 2018; year <= 2030; year += 1) {
      const easter = easterSunday(year);
      assert.equal(bankHolidayOn(addDays(easter, -2))?.title, 'Good Friday', String(year));
      assert.equal(bankHolidayOn(addDays(easter, 1))?.title, 'Easter Monday', String(year));
      assert.equal(isBankHoliday(addDays(easter, -1)), false);
      assert.equal(isBankHoliday(addDays(easter, -3)), false, 'Maundy Thursday is a working day');
    }
  });

  it('puts the May and August bank holidays on Mondays: the first and last of May, the last of August', () => {
    for (let year = 1990; year <= 2100; year += 1) {
      const holidays = statutoryBankHolidays(year);
      const early = holidays.find((holiday) => holiday.title === 'Early May bank holiday')!.date;
      const spring = holidays.find((holiday) => holiday.title === 'Spring bank holiday')!.date;
      const summer = holidays.find((holiday) => holiday.title === 'Summer bank holiday')!.date;
      for (const day of [early, spring, summer]) assert.equal(dayOfWeek(day), 1, day);
      assert.ok(early.slice(5) >= '05-01' && early.slice(5) <= '05-07', early);
      assert.ok(spring.slice(5) >= '05-25' && spring.slice(5) <= '05-31', spring);
      assert.ok(summer.slice(5) >= '08-25' && summer.slice(5) <= '08-31', summer);
      for (const holiday of holidays) assert.equal(isWeekend(holiday.date), false, holiday.date);
      assert.equal(holidays.length, 8);
    }
  });

  it('uses the rules outside the years of the data, without one-off days', () => {
    assert.deepEqual(dates(bankHolidaysIn(2031)), ['2031-01-01', '2031-04-11', '2031-04-14', '2031-05-05', '2031-05-26', '2031-08-25', '2031-12-25', '2031-12-26']);
    assert.deepEqual(dates(bankHolidaysIn(2017)), ['2017-01-02', '2017-04-14', '2017-04-17', '2017-05-01', '2017-05-29', '2017-08-28', '2017-12-25', '2017-12-26']);
    assert.equal(isBankHoliday('2032-12-27'), true, 'Christmas 2032 is a Saturday');
    assert.equal(isBankHoliday('2032-12-28'), true);
    assert.equal(bankHolidayOn('2031-04-11')?.published, false);
    assert.deepEqual(bankHolidaysIn(1500), []);
  });

  it('knows no bank holiday on a day that is not real', () => {
    for (const day of ['2026-02-31', '', 'Christmas', '2026-12-25T00:00:00Z']) assert.equal(bankHolidayOn(day), null, day);
  });
});
