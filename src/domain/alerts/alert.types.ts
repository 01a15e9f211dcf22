// Alerts to the team around the family (issue 5): what raised one, how pressing it is, and the
// words and steps everyone it reaches is given. Plain data, ready to store and to show.
import type { FindingId, Severity } from '../catalogue/finding-definitions.ts';

/** `decision-to-confirm`: a safeguarding lead asked to confirm a decision below the level a critical finding suggests (ADR 0027). */
export const ALERT_REASONS = ['trigger-event', 'critical-finding', 'discharge', 'emergency-attendance', 'decision-to-confirm'] as const;
export type AlertReason = (typeof ALERT_REASONS)[number];

/** How a recipient was reached: in the team (as its lead or a member), or by escalation. */
export const REACHED_AS = ['lead-professional', 'team-member', 'safeguarding-lead'] as const;
export type ReachedAs = (typeof REACHED_AS)[number];

/** An alert about to be raised, before it has an id or recipients. */
export interface AlertDraft {
  reason: AlertReason;
  severity: Severity;
  /** One or two sentences naming the baby and what happened; never the entry's summary. */
  message: string;
  /** What to do now, in order. */
  steps: readonly string[];
  /** For `critical-finding`: the finding that newly shows. */
  findingId?: FindingId;
}
