// The email that tells each person an alert reached that it is withdrawn with the record made in
// error that raised it (issue 21). Like every alert email it names nobody: the record is gone, so it
// gives each alert's title, severity and day, and the withdrawal's reference to quote. Pure.
import type { Severity } from '../catalogue/finding-definitions.ts';
import type { AlertReason } from '../alerts/alert.types.ts';
import { alertTitle, SEVERITY_LABELS } from '../alerts/alert-words.ts';
import { dayInWords } from '../shared/calendar-date.ts';

export interface WithdrawnAlert {
  reason: AlertReason;
  findingId: string | null;
  severity: Severity;
  /** The service's day it was raised, YYYY-MM-DD. */
  raisedOn: string;
}

export function withdrawnAlertsEmail(alerts: readonly WithdrawnAlert[], reference: string): { subject: string; body: string } {
  const one = alerts.length === 1;
  const lines = [
    `A record made in error has been withdrawn by two people and removed from the service. ${one ? 'The alert it raised that reached you is' : `The ${String(alerts.length)} alerts it raised that reached you are`} withdrawn with it:`,
    '',
    ...alerts.map((a) => `- ${SEVERITY_LABELS[a.severity]} alert – ${alertTitle(a.reason, a.findingId)}, raised on ${dayInWords(a.raisedOn)}`),
    '',
    `You do not need to do anything more about ${one ? 'it' : 'them'}. If you acted on ${one ? 'it' : 'one of them'}, tell your safeguarding lead.`,
    `Reference for the withdrawal: ${reference}`,
  ];
  return { subject: one ? 'Alert withdrawn: a record made in error' : 'Alerts withdrawn: a record made in error', body: lines.join('\n') };
}
