// The bank holidays of England and Wales, as data, and the statutory rules that make them
// (docs/domain.md, Clocks and timescales: "Counting working days"). Working-day clocks skip them.
//
// Source: GOV.UK, "UK bank holidays", https://www.gov.uk/bank-holidays (England and Wales; the
// same list as https://www.gov.uk/bank-holidays.json). 2018 to 2027 are copied from it, titles as
// GOV.UK writes them. 2028 to 2030 were not yet published when this was written: they are computed
// by the rules below and marked `published: false`; replace them with GOV.UK's list once it is out
// (a test checks the data against the rules, so a one-off day must be added to ONE_OFF_CHANGES).
//
// Outside the years of the data the rules alone are used: they cannot know a one-off day
// (a jubilee, a state funeral) that has not been announced.
import { addDays, dayNumber } from '../shared/calendar-date.ts';
import { easterSunday } from './easter.ts';

export interface BankHoliday {
  /** YYYY-MM-DD. */
  date: string;
  /** As GOV.UK titles it: "Boxing Day", "Spring bank holiday". */
  title: string;
  /** Given in place of a holiday that fell at a weekend (GOV.UK's note "Substitute day"). */
  substitute?: true;
  /** False for a year GOV.UK had not yet published: computed by the statutory rules. */
  published: boolean;
}

/** The first and last years the data below covers. */
export const BANK_HOLIDAY_DATA_YEARS = { first: 2018, last: 2030 } as const;

const NEW_YEAR = 'New Year’s Day';
const GOOD_FRIDAY = 'Good Friday';
const EASTER_MONDAY = 'Easter Monday';
const EARLY_MAY = 'Early May bank holiday';
const SPRING = 'Spring bank holiday';
const SUMMER = 'Summer bank holiday';
const CHRISTMAS = 'Christmas Day';
const BOXING = 'Boxing Day';

const gov = (date: string, title: string, substitute = false): BankHoliday => (substitute ? { date, title, substitute: true, published: true } : { date, title, published: true });
const computed = (date: string, title: string, substitute = false): BankHoliday => (substitute ? { date, title, substitute: true, published: false } : { date, title, published: false });

/** England and Wales, 2018 to 2030, in date order (see the header for where each year comes from). */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = [
  gov('2018-01-01', NEW_YEAR),
  gov('2018-03-30', GOOD_FRIDAY),
  gov('2018-04-02', EASTER_MONDAY),
  gov('2018-05-07', EARLY_MAY),
  gov('2018-05-28', SPRING),
  gov('2018-08-27', SUMMER),
  gov('2018-12-25', CHRISTMAS),
  gov('2018-12-26', BOXING),

  gov('2019-01-01', NEW_YEAR),
  gov('2019-04-19', GOOD_FRIDAY),
  gov('2019-04-22', EASTER_MONDAY),
  gov('2019-05-06', EARLY_MAY),
  gov('2019-05-27', SPRING),
  gov('2019-08-26', SUMMER),
  gov('2019-12-25', CHRISTMAS),
  gov('2019-12-26', BOXING),

  gov('2020-01-01', NEW_YEAR),
  gov('2020-04-10', GOOD_FRIDAY),
  gov('2020-04-13', EASTER_MONDAY),
  gov('2020-05-08', 'Early May bank holiday (VE day)'),
  gov('2020-05-25', SPRING),
  gov('2020-08-31', SUMMER),
  gov('2020-12-25', CHRISTMAS),
  gov('2020-12-28', BOXING, true),

  gov('2021-01-01', NEW_YEAR),
  gov('2021-04-02', GOOD_FRIDAY),
  gov('2021-04-05', EASTER_MONDAY),
  gov('2021-05-03', EARLY_MAY),
  gov('2021-05-31', SPRING),
  gov('2021-08-30', SUMMER),
  gov('2021-12-27', CHRISTMAS, true),
  gov('2021-12-28', BOXING, true),

  gov('2022-01-03', NEW_YEAR, true),
  gov('2022-04-15', GOOD_FRIDAY),
  gov('2022-04-18', EASTER_MONDAY),
  gov('2022-05-02', EARLY_MAY),
  gov('2022-06-02', SPRING),
  gov('2022-06-03', 'Platinum Jubilee bank holiday'),
  gov('2022-08-29', SUMMER),
  gov('2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II'),
  gov('2022-12-26', BOXING),
  gov('2022-12-27', CHRISTMAS, true),

  gov('2023-01-02', NEW_YEAR, true),
  gov('2023-04-07', GOOD_FRIDAY),
  gov('2023-04-10', EASTER_MONDAY),
  gov('2023-05-01', EARLY_MAY),
  gov('2023-05-08', 'Bank holiday for the coronation of King Charles III'),
  gov('2023-05-29', SPRING),
  gov('2023-08-28', SUMMER),
  gov('2023-12-25', CHRISTMAS),
  gov('2023-12-26', BOXING),

  gov('2024-01-01', NEW_YEAR),
  gov('2024-03-29', GOOD_FRIDAY),
  gov('2024-04-01', EASTER_MONDAY),
  gov('2024-05-06', EARLY_MAY),
  gov('2024-05-27', SPRING),
  gov('2024-08-26', SUMMER),
  gov('2024-12-25', CHRISTMAS),
  gov('2024-12-26', BOXING),

  gov('2025-01-01', NEW_YEAR),
  gov('2025-04-18', GOOD_FRIDAY),
  gov('2025-04-21', EASTER_MONDAY),
  gov('2025-05-05', EARLY_MAY),
  gov('2025-05-26', SPRING),
  gov('2025-08-25', SUMMER),
  gov('2025-12-25', CHRISTMAS),
  gov('2025-12-26', BOXING),

  gov('2026-01-01', NEW_YEAR),
  gov('2026-04-03', GOOD_FRIDAY),
  gov('2026-04-06', EASTER_MONDAY),
  gov('2026-05-04', EARLY_MAY),
  gov('2026-05-25', SPRING),
  gov('2026-08-31', SUMMER),
  gov('2026-12-25', CHRISTMAS),
  gov('2026-12-28', BOXING, true),

  gov('2027-01-01', NEW_YEAR),
  gov('2027-03-26', GOOD_FRIDAY),
  gov('2027-03-29', EASTER_MONDAY),
  gov('2027-05-03', EARLY_MAY),
  gov('2027-05-31', SPRING),
  gov('2027-08-30', SUMMER),
  gov('2027-12-27', CHRISTMAS, true),
  gov('2027-12-28', BOXING, true),

  computed('2028-01-03', NEW_YEAR, true),
  computed('2028-04-14', GOOD_FRIDAY),
  computed('2028-04-17', EASTER_MONDAY),
  computed('2028-05-01', EARLY_MAY),
  computed('2028-05-29', SPRING),
  computed('2028-08-28', SUMMER),
  computed('2028-12-25', CHRISTMAS),
  computed('2028-12-26', BOXING),

  computed('2029-01-01', NEW_YEAR),
  computed('2029-03-30', GOOD_FRIDAY),
  computed('2029-04-02', EASTER_MONDAY),
  computed('2029-05-07', EARLY_MAY),
  computed('2029-05-28', SPRING),
  computed('2029-08-27', SUMMER),
  computed('2029-12-25', CHRISTMAS),
  computed('2029-12-26', BOXING),

  computed('2030-01-01', NEW_YEAR),
  computed('2030-04-19', GOOD_FRIDAY),
  computed('2030-04-22', EASTER_MONDAY),
  computed('2030-05-06', EARLY_MAY),
  computed('2030-05-27', SPRING),
  computed('2030-08-26', SUMMER),
  computed('2030-12-25', CHRISTMAS),
  computed('2030-12-26', BOXING),
];

/**
 * The days the statutory rules do not give: a bank holiday moved by proclamation, or one added for
 * a single year. Applied to the rules, they give GOV.UK's list (tested).
 */
export const ONE_OFF_CHANGES: readonly ({ kind: 'moved'; from: string; to: string; title: string } | { kind: 'added'; date: string; title: string })[] = [
  { kind: 'moved', from: '2020-05-04', to: '2020-05-08', title: 'Early May bank holiday (VE day)' },
  { kind: 'moved', from: '2022-05-30', to: '2022-06-02', title: SPRING },
  { kind: 'added', date: '2022-06-03', title: 'Platinum Jubilee bank holiday' },
  { kind: 'added', date: '2022-09-19', title: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
  { kind: 'added', date: '2023-05-08', title: 'Bank holiday for the coronation of King Charles III' },
];

/** 0 for Sunday to 6 for Saturday (1 January 1970 was a Thursday); NaN for a day that is not real. */
export function dayOfWeek(day: string): number {
  const n = dayNumber(day);
  return (((n + 4) % 7) + 7) % 7;
}

export function isWeekend(day: string): boolean {
  const weekday = dayOfWeek(day);
  return weekday === 0 || weekday === 6;
}

function firstMonday(year: number, month: number): string {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  return addDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMonday(year: number, month: number): string {
  const nextFirst = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const last = addDays(nextFirst, -1);
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

/**
 * The bank holidays the statutory rules give for a year in England and Wales (Banking and
 * Financial Dealings Act 1971 and the yearly proclamations as GOV.UK applies them), without
 * one-off changes: New Year's Day (the Monday after when it falls at a weekend), Good Friday,
 * Easter Monday, the first and last Mondays of May, the last Monday of August, Christmas Day and
 * Boxing Day (when either falls at a weekend the next weekdays not already holidays are given
 * instead: Christmas on a Saturday gives Monday 27 and Tuesday 28; on a Sunday, Boxing Day is
 * Monday 26 and Christmas's substitute Tuesday 27; Boxing Day alone on a Saturday gives Monday 28).
 */
export function statutoryBankHolidays(year: number): BankHoliday[] {
  const yyyy = String(year).padStart(4, '0');
  const easter = easterSunday(year);
  const holidays: BankHoliday[] = [];
  const newYear = `${yyyy}-01-01`;
  const newYearWeekday = dayOfWeek(newYear);
  if (newYearWeekday === 6) holidays.push(computed(addDays(newYear, 2), NEW_YEAR, true));
  else if (newYearWeekday === 0) holidays.push(computed(addDays(newYear, 1), NEW_YEAR, true));
  else holidays.push(computed(newYear, NEW_YEAR));
  holidays.push(computed(addDays(easter, -2), GOOD_FRIDAY), computed(addDays(easter, 1), EASTER_MONDAY));
  holidays.push(computed(firstMonday(year, 5), EARLY_MAY), computed(lastMonday(year, 5), SPRING), computed(lastMonday(year, 8), SUMMER));
  const christmas = `${yyyy}-12-25`;
  const boxing = `${yyyy}-12-26`;
  switch (dayOfWeek(christmas)) {
    case 6: // Saturday: both fall at the weekend
      holidays.push(computed(`${yyyy}-12-27`, CHRISTMAS, true), computed(`${yyyy}-12-28`, BOXING, true));
      break;
    case 0: // Sunday: Boxing Day is the Monday, Christmas's substitute the Tuesday
      holidays.push(computed(boxing, BOXING), computed(`${yyyy}-12-27`, CHRISTMAS, true));
      break;
    case 5: // Friday: Boxing Day is the Saturday
      holidays.push(computed(christmas, CHRISTMAS), computed(`${yyyy}-12-28`, BOXING, true));
      break;
    default:
      holidays.push(computed(christmas, CHRISTMAS), computed(boxing, BOXING));
  }
  return holidays;
}

/** The rules with the one-off changes of that year applied, in date order. */
export function ruledBankHolidays(year: number): BankHoliday[] {
  const prefix = `${String(year).padStart(4, '0')}-`;
  let holidays = statutoryBankHolidays(year);
  for (const change of ONE_OFF_CHANGES) {
    if (change.kind === 'moved' && change.from.startsWith(prefix)) {
      holidays = holidays.map((holiday) => (holiday.date === change.from ? { ...holiday, date: change.to, title: change.title } : holiday));
    } else if (change.kind === 'added' && change.date.startsWith(prefix)) {
      holidays.push(computed(change.date, change.title));
    }
  }
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

const DATA_BY_DATE = new Map(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => [holiday.date, holiday]));
/** Years outside the data, computed once each. */
const RULED_BY_YEAR = new Map<number, Map<string, BankHoliday>>();

function ruledYear(year: number): Map<string, BankHoliday> {
  let holidays = RULED_BY_YEAR.get(year);
  if (!holidays) {
    holidays = new Map(ruledBankHolidays(year).map((holiday) => [holiday.date, holiday]));
    RULED_BY_YEAR.set(year, holidays);
  }
  return holidays;
}

/** The bank holiday in England and Wales on a day, or null (also for a day that is not real). */
export function bankHolidayOn(day: string): BankHoliday | null {
  if (Number.isNaN(dayNumber(day))) return null;
  const year = Number(day.slice(0, 4));
  if (year >= BANK_HOLIDAY_DATA_YEARS.first && year <= BANK_HOLIDAY_DATA_YEARS.last) return DATA_BY_DATE.get(day) ?? null;
  if (year < 1583) return null;
  return ruledYear(year).get(day) ?? null;
}

export function isBankHoliday(day: string): boolean {
  return bankHolidayOn(day) !== null;
}

/** Every bank holiday of a year in England and Wales, in date order: the data's, or the rules' outside it. */
export function bankHolidaysIn(year: number): BankHoliday[] {
  if (year >= BANK_HOLIDAY_DATA_YEARS.first && year <= BANK_HOLIDAY_DATA_YEARS.last) {
    return ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((holiday) => holiday.date.startsWith(`${year}-`));
  }
  if (!Number.isInteger(year) || year < 1583 || year > 9999) return [];
  return [...ruledYear(year).values()];
}
