// A clock time typed into a form, read as a 24-hour HH:MM. Which moment it names on a day is the
// service's clock's (domain/shared/service-day.ts, londonDateTime).

/** "HH:MM" from "14:30", "14.30" or "9:05"; null when it is not a real 24-hour time. */
export function readClockTime(typed: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(typed.trim());
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
  return `${match[1]!.padStart(2, '0')}:${match[2]!}`;
}
