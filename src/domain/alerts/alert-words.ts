// The words an alert is shown and sent with: a title that names no one, and the severity's label.
import { findingDefinition } from '../catalogue/catalogue.ts';
import { FINDING_IDS, type FindingId, type Severity } from '../catalogue/finding-definitions.ts';
import type { AlertReason, ReachedAs } from './alert.types.ts';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { critical: 'Critical', high: 'High', attention: 'Attention' };

export const REACHED_AS_WORDS: Readonly<Record<ReachedAs, string>> = {
  'lead-professional': 'the lead professional',
  'team-member': 'a member of the team around the family',
  'safeguarding-lead': 'a safeguarding lead',
};

const REASON_TITLES: Readonly<Record<Exclude<AlertReason, 'critical-finding'>, string>> = {
  discharge: 'Discharged from hospital or a neonatal unit',
  'emergency-attendance': 'Taken to the emergency department',
  'trigger-event': 'An event that brings the profile review forward',
  'decision-to-confirm': 'A decision awaits your confirmation as safeguarding lead',
};

/** A title without personal data, for headings and email subjects. */
export function alertTitle(reason: AlertReason, findingId: string | null | undefined): string {
  if (reason === 'critical-finding') {
    return findingId && (FINDING_IDS as readonly string[]).includes(findingId) ? findingDefinition(findingId as FindingId).title : 'A critical finding';
  }
  return REASON_TITLES[reason];
}
