// The time axis: whole months from the start of the first month to the end of the last, and ticks
// as dense as the width allows (every month, every few months, every year, every few years).
import { dayNumber, firstDayOfMonth, monthName, monthNumber, yearOfMonth } from '../../../domain/shared/calendar-date.ts';

export interface TimeScale {
  /** Day numbers: the first day of the first month, and the first day after the last month. */
  startDay: number;
  endDay: number;
  startMonth: number;
  /** The month after the last. */
  endMonth: number;
  left: number;
  right: number;
}

export interface Tick {
  x: number;
  /** Labelled, with a grid line across the lanes. */
  major: boolean;
  /** The label, a line each: "Mar" and "2026", or just the year. */
  lines: string[];
}

/** Labels closer than this (in SVG units) would run into each other. */
export const MIN_TICK_GAP = 56;
/** Unlabelled monthly (or yearly) ticks closer than this are left out. */
const MIN_MINOR_GAP = 6;

/** "Jan", "Feb" … "Dec": the month's name cut to three letters, as the axis labels it. */
function monthAbbreviation(month: number): string {
  return monthName(month).slice(0, 3);
}

export function timeScale(from: string, to: string, left: number, right: number): TimeScale {
  const startMonth = monthNumber(from);
  const endMonth = monthNumber(to) + 1;
  return { startDay: firstDayOfMonth(startMonth), endDay: firstDayOfMonth(endMonth), startMonth, endMonth, left, right };
}

function boundaryX(scale: TimeScale, day: number): number {
  return scale.left + ((day - scale.startDay) / (scale.endDay - scale.startDay)) * (scale.right - scale.left);
}

/** The width of one day. */
export function dayWidth(scale: TimeScale): number {
  return (scale.right - scale.left) / (scale.endDay - scale.startDay);
}

/** The middle of a YYYY-MM-DD day: later days are always further right. */
export function xOfDay(scale: TimeScale, day: string): number {
  return boundaryX(scale, dayNumber(day) + 0.5);
}

/** Months between labelled ticks: 1, 2, 3, 6, then 1, 2, 5, 10, 20, 50 … years. */
export function monthStep(scale: TimeScale): number {
  const perMonth = (scale.right - scale.left) / (scale.endMonth - scale.startMonth);
  for (const step of [1, 2, 3, 6]) if (step * perMonth >= MIN_TICK_GAP) return step;
  for (let years = 1; ; years *= 10) {
    for (const multiple of [1, 2, 5]) if (years * multiple * 12 * perMonth >= MIN_TICK_GAP) return years * multiple * 12;
  }
}

export function axisTicks(scale: TimeScale): Tick[] {
  const step = monthStep(scale);
  const perMonth = (scale.right - scale.left) / (scale.endMonth - scale.startMonth);
  const minorEvery = perMonth >= MIN_MINOR_GAP ? 1 : perMonth * 12 >= MIN_MINOR_GAP ? 12 : 0;
  const ticks: Tick[] = [];
  let yearShown = false;
  for (let month = scale.startMonth; month <= scale.endMonth; month += 1) {
    const x = boundaryX(scale, firstDayOfMonth(month));
    if (month % step === 0) {
      const year = String(yearOfMonth(month));
      const lines = step >= 12 ? [year] : !yearShown || month % 12 === 0 ? [monthAbbreviation(month), year] : [monthAbbreviation(month)];
      yearShown = true;
      ticks.push({ x, major: true, lines });
    } else if (minorEvery > 0 && month % minorEvery === 0) ticks.push({ x, major: false, lines: [] });
  }
  return ticks;
}
