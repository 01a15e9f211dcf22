// Easter Sunday in the Gregorian calendar, which fixes Good Friday and Easter Monday, two of the
// bank holidays of England and Wales (docs/domain.md, Clocks and timescales). Pure.

/**
 * Easter Sunday of a year (1583 onwards), as YYYY-MM-DD, by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher): the first Sunday after the ecclesiastical full moon on or after 21 March.
 * Always between 22 March and 25 April.
 */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Easter is computed for Gregorian years 1583 to 9999, not ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}
