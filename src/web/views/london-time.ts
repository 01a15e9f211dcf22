// Times typed on the pages are clock times in the UK. An entry stores a date-time with its offset,
// so a time typed for a summer day is sent as +01:00 and one for a winter day as +00:00.
const TIME_ZONE = 'Europe/London';

const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });
const partsFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Minutes ahead of UTC in the UK at this instant: 0 or 60. */
function offsetMinutes(instant: number): number {
  const name = offsetFormat.formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** "HH:MM" from "14:30", "14.30" or "9:05"; null when it is not a real 24-hour time. */
export function readClockTime(typed: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(typed.trim());
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
  return `${match[1]!.padStart(2, '0')}:${match[2]!}`;
}

/** An ISO date-time with the UK offset for a UK clock time on a day (YYYY-MM-DD, HH:MM). */
export function ukDateTime(day: string, time: string): string {
  const asIfUtc = Date.parse(`${day}T${time}:00Z`);
  const offset = offsetMinutes(asIfUtc - offsetMinutes(asIfUtc) * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${day}T${time}:00${sign}${hours}:${minutes}`;
}

/** The UK day and clock time of an entry's `occurredAt`; no time when only a day was given. */
export function ukDayAndTime(occurredAt: string): { day: string; time: string | null } {
  if (occurredAt.length === 10) return { day: occurredAt, time: null };
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(occurredAt)).map((part) => [part.type, part.value]));
  return { day: `${parts['year']}-${parts['month']}-${parts['day']}`, time: `${parts['hour']}:${parts['minute']}` };
}
