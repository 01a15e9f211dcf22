// Moments in a synthetic working day. Days themselves are counted by the domain's calendar
// (domain/shared/calendar-date.ts).

/** A moment on a day, during working hours, from a minute offset after 08:00. */
export function momentOn(day: string, minutesAfterEight: number): string {
  const minutes = 8 * 60 + minutesAfterEight;
  return `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00.000Z`;
}
