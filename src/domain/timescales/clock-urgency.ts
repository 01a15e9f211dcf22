// Which of a case's clocks presses most, and how to say it in one line (My cases; docs/domain.md,
// Clocks and timescales). Pure. Overdue clocks come first, the longest overdue first; then the
// clocks due soon, the nearest first; then the clocks due, the nearest first. A met clock never
// presses. Ties keep the clocks' own order (clocks.ts CLOCK_IDS).
import { dayInWords } from '../shared/calendar-date.ts';
import type { Clock } from './clocks.ts';
import { workingDaysBetween } from './working-days.ts';

export type ClockUrgency = 'overdue' | 'due-soon' | 'due' | 'none';

const RANK: Record<Exclude<ClockUrgency, 'none'>, number> = { overdue: 0, 'due-soon': 1, due: 2 };

/** The running clock that presses most, or null when none runs (none started, or all met). */
export function mostUrgentClock(clocks: readonly Clock[]): Clock | null {
  let best: Clock | null = null;
  for (const clock of clocks) {
    if (clock.status === 'met') continue;
    if (best === null) best = clock;
    else {
      const byRank = RANK[clock.status] - RANK[best.status as Exclude<ClockUrgency, 'none'>];
      if (byRank < 0 || (byRank === 0 && clock.dueOn < best.dueOn)) best = clock;
    }
  }
  return best;
}

/** How pressing a case's clocks are: its most urgent running clock's status, or 'none'. */
export function clockUrgency(clocks: readonly Clock[]): ClockUrgency {
  const clock = mostUrgentClock(clocks);
  return clock === null ? 'none' : (clock.status as Exclude<ClockUrgency, 'none'>);
}

/**
 * Orders two cases by their clocks: overdue first (the longest overdue first), then due soon, then
 * due (the nearest due day first), then those with no clock running. 0 when equally pressing.
 */
export function byClockUrgency(a: readonly Clock[], b: readonly Clock[]): number {
  const first = mostUrgentClock(a);
  const second = mostUrgentClock(b);
  if (first === null || second === null) return (first === null ? 1 : 0) - (second === null ? 1 : 0);
  const rank = RANK[first.status as Exclude<ClockUrgency, 'none'>] - RANK[second.status as Exclude<ClockUrgency, 'none'>];
  return rank !== 0 ? rank : first.dueOn.localeCompare(second.dueOn);
}

const workingDays = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`;

/**
 * A running clock in plain words on `today`: "Initial child protection conference overdue by 3
 * working days", "Assessment due in 4 working days", "… due today". A clock overdue by no working
 * day yet (due on a Friday, read on the Saturday) and one due on a day that is not a working day
 * name the day it was due. Null for a met clock.
 */
export function clockInWords(clock: Clock, today: string): string | null {
  if (clock.status === 'met') return null;
  if (clock.status === 'overdue') {
    const late = workingDaysBetween(clock.dueOn, today);
    return late >= 1 ? `${clock.label} overdue by ${workingDays(late)}` : `${clock.label} overdue: was due ${dayInWords(clock.dueOn)}`;
  }
  if (clock.dueOn === today) return `${clock.label} due today`;
  const left = workingDaysBetween(today, clock.dueOn);
  return left >= 1 ? `${clock.label} due in ${workingDays(left)}` : `${clock.label} due ${dayInWords(clock.dueOn)}`;
}
