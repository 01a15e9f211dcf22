// The service's today: the calendar day in London at a moment, as YYYY-MM-DD. A record made just
// after midnight in summer (23:30 UTC) is made "today", the London day, not yesterday's UTC one. Pure:
// the moment comes from the caller's clock.

/** Built once: making a DateTimeFormat costs far more than using one. */
const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

export function serviceToday(now: Date): string {
  return londonDay.format(now);
}
