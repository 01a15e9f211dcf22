// Day arithmetic on ISO days (YYYY-MM-DD), in UTC so that no time zone shifts a day.
const DAY_MS = 86_400_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A moment on a day, during working hours, from a minute offset after 08:00. */
export function momentOn(day: string, minutesAfterEight: number): string {
  const minutes = 8 * 60 + minutesAfterEight;
  return `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00.000Z`;
}
