// The email that tells a recipient about an alert, for the outbox. It holds what they need to act
// and no more: the subject names nobody (subjects show on lock screens and in shared inboxes); the
// body gives the alert's message (which names the baby, so a practitioner with many families knows
// which one), the steps and where to sign in. Never the entry's summary, the adults' names, an NHS
// number or an address: the record itself is one sign-in away.
import type { Severity } from '../catalogue/finding-definitions.ts';
import type { AlertReason, ReachedAs } from './alert.types.ts';
import { alertTitle, REACHED_AS_WORDS, SEVERITY_LABELS } from './alert-words.ts';

export interface AlertEmailInput {
  reason: AlertReason;
  severity: Severity;
  message: string;
  steps: readonly string[];
  findingId?: string | null;
  caseId: string;
  reachedAs: ReachedAs;
  /** When sent by escalation: the hours nobody acknowledged it in. */
  escalatedAfterHours?: number;
}

export interface AlertEmail {
  subject: string;
  body: string;
}

export function casePath(caseId: string): string {
  return `/cases/${encodeURIComponent(caseId)}`;
}

export const ALERTS_PATH = '/alerts';

export function alertEmail(input: AlertEmailInput): AlertEmail {
  const title = alertTitle(input.reason, input.findingId);
  const escalated = input.escalatedAfterHours !== undefined;
  const subject = `${escalated ? 'Not acknowledged: ' : ''}${SEVERITY_LABELS[input.severity]} alert – ${title}`;
  const lines = [
    ...(escalated
      ? [`Nobody in the team around the family has acknowledged this alert in ${input.escalatedAfterHours} hour${input.escalatedAfterHours === 1 ? '' : 's'}, so it comes to you as ${REACHED_AS_WORDS[input.reachedAs]}.`, '']
      : []),
    input.message,
    '',
    ...(input.steps.length > 0 ? ['What to do now:', ...input.steps.map((step, i) => `${i + 1}. ${step}`), ''] : []),
    `Open the case: ${casePath(input.caseId)}`,
    `Acknowledge the alert, with a note of what you have done: ${ALERTS_PATH}`,
    '',
    `You are sent this as ${REACHED_AS_WORDS[input.reachedAs]}. Sign in to see the record.`,
  ];
  return { subject, body: lines.join('\n') };
}
