// When an alert goes to the safeguarding leads: nobody it reached has acknowledged it, with a note,
// within the configured hours. One person acknowledging is enough: the point is that someone in
// the team has taken it up; the others still see it open in their own list until they acknowledge
// it. The automatic acknowledgement of the person who raised it does not count: they cannot be the
// only one who knows. (The query in application/alerts/open-alerts.ts applies this rule.)

export interface AcknowledgementFacts {
  acknowledgedAt: Date | null;
  /** Null for the automatic acknowledgement of the person who raised the alert: a person always writes a note. */
  note: string | null;
}

export function acknowledgedAutomatically(recipient: AcknowledgementFacts): boolean {
  return recipient.acknowledgedAt !== null && recipient.note === null;
}

/** Alerts raised at or before this moment, and not taken up, are due to escalate. */
export function escalationCutoff(now: Date, hours: number): Date {
  return new Date(now.getTime() - hours * 3_600_000);
}
