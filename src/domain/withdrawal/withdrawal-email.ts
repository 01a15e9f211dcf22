// The email that tells each person an alert reached that it is withdrawn with the record made in
// error that raised it, or with the person added to the wrong family it was about (issue 21). Like
// every alert email it names nobody: what it was about is gone, so it gives each alert's title,
// severity and day, and the withdrawal's reference to quote. Pure.
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

/** What was withdrawn: a whole record made in error, or a person added to the wrong family. */
export type Withdrawn = 'record' | 'person';

const WITHDRAWN_WORDS: Record<Withdrawn, { opening: string; subject: string }> = {
  record: { opening: 'A record made in error has been withdrawn by two people and removed from the service.', subject: 'a record made in error' },
  person: { opening: 'A person added to the wrong family has been withdrawn by two people and removed from the record.', subject: 'a person added in error' },
};

export function withdrawnAlertsEmail(alerts: readonly WithdrawnAlert[], reference: string, withdrawn: Withdrawn = 'record'): { subject: string; body: string } {
  const one = alerts.length === 1;
  const words = WITHDRAWN_WORDS[withdrawn];
  const lines = [
    `${words.opening} ${one ? 'The alert it raised that reached you is' : `The ${String(alerts.length)} alerts it raised that reached you are`} withdrawn with it:`,
    '',
    ...alerts.map((a) => `- ${SEVERITY_LABELS[a.severity]} alert – ${alertTitle(a.reason, a.findingId)}, raised on ${dayInWords(a.raisedOn)}`),
    '',
    `You do not need to do anything more about ${one ? 'it' : 'them'}. If you acted on ${one ? 'it' : 'one of them'}, tell your safeguarding lead.`,
    `Reference for the withdrawal: ${reference}`,
  ];
  return { subject: `${one ? 'Alert' : 'Alerts'} withdrawn: ${words.subject}`, body: lines.join('\n') };
}
