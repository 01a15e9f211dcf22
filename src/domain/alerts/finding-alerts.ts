// Which critical findings raise an alert after a change: those showing now that did not show in the
// version before, unless an alert for the same finding on the case is still open (nobody has
// acknowledged it yet), so a finding that flickers off and on does not alert the team twice.
import { findingDefinition } from '../catalogue/catalogue.ts';
import { FINDING_IDS, type FindingId, type Severity } from '../catalogue/finding-definitions.ts';
import type { AlertDraft } from './alert.types.ts';
import { protocolSteps } from './protocol-steps.ts';

export interface FindingShown {
  id: string;
  severity: Severity;
}

export interface FindingAlertInput {
  /** The findings the previous version left; empty before the first version. */
  before: readonly FindingShown[];
  /** The findings the change left. */
  after: readonly FindingShown[];
  /** Findings with an alert on this case that nobody has acknowledged yet. */
  openAlertFindingIds: ReadonlySet<string>;
  babyName: string;
}

function isFindingId(id: string): id is FindingId {
  return (FINDING_IDS as readonly string[]).includes(id);
}

/** The critical findings that newly show and have no open alert: what needs an alert, before any lookup. */
export function newlyCriticalFindingIds(before: readonly FindingShown[], after: readonly FindingShown[]): FindingId[] {
  const shown = new Set(before.map((f) => f.id));
  const ids = after.filter((f) => f.severity === 'critical' && !shown.has(f.id)).map((f) => f.id);
  return [...new Set(ids)].filter(isFindingId);
}

export function alertsForFindings(input: FindingAlertInput): AlertDraft[] {
  return newlyCriticalFindingIds(input.before, input.after)
    .filter((id) => !input.openAlertFindingIds.has(id))
    .map((findingId) => ({
      reason: 'critical-finding',
      severity: 'critical',
      message: `${findingDefinition(findingId).title}: ${input.babyName}. Act now: follow the steps.`,
      steps: protocolSteps(findingId),
      findingId,
    }));
}
