// The service's day and clock: London's. The only place that knows the service's time zone: the
// calendar day and the clock time in London at a moment, and the moment a London clock time on a
// day names (its offset +00:00 in winter, +01:00 in summer). A record made just after midnight in
// summer (23:30 UTC) is made "today", the London day, not yesterday's UTC one. Pure: every moment
// comes from the caller's clock. Days themselves are calendar-date.ts's; how pages write dates and
// times in words is web/views/london-time.ts's.

export const SERVICE_TIME_ZONE = 'Europe/London';

/** Built once: making a DateTimeFormat costs far more than using one. */
const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: SERVICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const londonMoment = new Intl.DateTimeFormat('en-CA', {
  timeZone: SERVICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

/** A moment as London reads it: the day (YYYY-MM-DD), the clock (HH:MM, 24-hour), the seconds and the offset (+01:00). */
export interface LondonClock {
  day: string;
  time: string;
  second: string;
  offset: string;
}

/** The service's today: the London day at a moment, as YYYY-MM-DD. */
export function serviceToday(now: Date): string {
  return londonDay.format(now);
}

/** The first moment of British Summer Time in a year: 01:00 UTC on the last Sunday of March (and its end, of October). */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0, 1);
  return lastDay - new Date(lastDay).getUTCDay() * 86_400_000;
}

/**
 * Since 1996 the UK's clocks have changed at 01:00 UTC on the last Sundays of March and October
 * (the Summer Time Order 2002 and the EU rule before it). Within those years the offset is worked
 * out by arithmetic, which pages listing thousands of entries need (Intl's formatToParts costs
 * microseconds a call); outside them, and for an invalid Date, Intl decides. Tested against Intl.
 */
const RULE_YEARS = { from: 1996, to: 2199 };

function londonOffsetByRule(instant: number): 0 | 60 | null {
  const year = new Date(instant).getUTCFullYear();
  if (!(year >= RULE_YEARS.from && year <= RULE_YEARS.to)) return null;
  return instant >= lastSundayAtOneUtc(year, 2) && instant < lastSundayAtOneUtc(year, 9) ? 60 : 0;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The London day, clock time and offset at a moment. An invalid Date throws a RangeError, as Intl does. */
export function londonClock(moment: Date): LondonClock {
  const instant = moment.getTime();
  const ruled = Number.isNaN(instant) ? null : londonOffsetByRule(instant);
  if (ruled !== null) {
    const local = new Date(instant + ruled * 60_000);
    return {
      day: `${String(local.getUTCFullYear())}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`,
      time: `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`,
      second: two(local.getUTCSeconds()),
      offset: ruled === 60 ? '+01:00' : '+00:00',
    };
  }
  return londonClockByIntl(moment);
}

/** londonClock as Intl reads it: for any moment, and the reference its arithmetic is tested against. */
export function londonClockByIntl(moment: Date): LondonClock {
  const parts = Object.fromEntries(londonMoment.formatToParts(moment).map((part) => [part.type, part.value]));
  const offset = /GMT([+-]\d{2}:\d{2})/.exec(parts['timeZoneName'] ?? '')?.[1] ?? '+00:00';
  return { day: `${parts['year']}-${parts['month']}-${parts['day']}`, time: `${parts['hour']}:${parts['minute']}`, second: parts['second'] ?? '00', offset };
}

/**
 * A moment as an ISO date-time in the service's time zone, with its offset ("2026-06-01T14:15:00+01:00"):
 * its date part is the day it happened where it happened, which every rule that counts days reads.
 */
export function serviceDateTime(moment: Date): string {
  const { day, time, second, offset } = londonClock(moment);
  return `${day}T${time}:${second}${offset}`;
}

/** Minutes ahead of UTC in London at this instant: 0 or 60. */
function offsetMinutes(instant: number): number {
  const [sign, hours, minutes] = /^([+-])(\d{2}):(\d{2})$/.exec(londonClock(new Date(instant)).offset)?.slice(1) ?? ['+', '00', '00'];
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/**
 * The ISO date-time, with London's offset, of a London clock time on a day (YYYY-MM-DD, HH:MM): a
 * time typed for a summer day is sent as +01:00 and one for a winter day as +00:00.
 */
export function londonDateTime(day: string, time: string): string {
  const asIfUtc = Date.parse(`${day}T${time}:00Z`);
  const offset = offsetMinutes(asIfUtc - offsetMinutes(asIfUtc) * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${day}T${time}:00${sign}${hours}:${minutes}`;
}

/** The London day and clock time of a stored `occurredAt`: a day alone (YYYY-MM-DD) has no time. */
export function londonDayAndTime(occurredAt: string): { day: string; time: string | null } {
  if (occurredAt.length === 10) return { day: occurredAt, time: null };
  const { day, time } = londonClock(new Date(occurredAt));
  return { day, time };
}
