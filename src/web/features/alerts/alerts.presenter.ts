// How alerts are shown: a severity tag (the text says it, so colour is never the only sign), when
// and how the alert reached the user, and whether and how they acknowledged it.
import type { MyAlert } from '../../../application/alerts/list-alerts.ts';
import { REACHED_AS_WORDS } from '../../../domain/alerts/alert-words.ts';
import { formatDateTime } from '../../views/london-time.ts';
import { severityTag } from '../../views/severity.ts';

function acknowledgement(alert: MyAlert): string | null {
  if (alert.acknowledgedAt === null) return null;
  if (alert.acknowledgedAutomatically) return `Automatically, ${formatDateTime(alert.acknowledgedAt)}: you recorded what raised it`;
  return `${formatDateTime(alert.acknowledgedAt)}: ${alert.acknowledgedNote ?? ''}`;
}

/**
 * What to do when an alert's escalation reached nobody (no organisation in the team has a safeguarding
 * lead, and the partnership has none designated: docs/domain.md, "Alerts"): only an administrator can
 * give the service someone to escalate to.
 */
export const UNREACHED_WHAT_TO_DO =
  'Ask an administrator to give a safeguarding lead the partnership view, or to give one of the organisations in the team around the family a safeguarding lead. Until then, an alert on this baby that nobody in the team acknowledges in time reaches nobody else: act on this one within the team.';

export function presentAlert(alert: MyAlert) {
  // A request for a decision's answer links straight to its confirmation page, which is where it is closed (ADR 0027, amendment).
  const answerAt = alert.decisionId === null ? null : `/cases/${encodeURIComponent(alert.caseId)}/profile/decisions/${encodeURIComponent(alert.decisionId)}/confirmation`;
  return {
    id: alert.id,
    caseId: alert.caseId,
    href: answerAt ?? `/cases/${encodeURIComponent(alert.caseId)}`,
    answerAt: alert.acknowledgedAt === null ? answerAt : null,
    caseName: alert.caseName,
    title: alert.title,
    tag: severityTag(alert.severity),
    message: alert.message,
    steps: alert.steps,
    raised: formatDateTime(alert.raisedAt),
    reachedAs: REACHED_AS_WORDS[alert.reachedAs],
    escalated: alert.escalatedAt ? formatDateTime(alert.escalatedAt) : null,
    // The note the alert keeps when its escalation found no safeguarding lead, and what to do about it.
    unreached: alert.escalationUnreached === null ? null : { note: alert.escalationUnreached, whatToDo: UNREACHED_WHAT_TO_DO },
    acknowledged: acknowledgement(alert),
    open: alert.acknowledgedAt === null,
  };
}

/** The home page's banner: the newest few open alerts (viewHome), how many are open, and how many more. */
export function presentHomeAlerts(alerts: { shown: readonly MyAlert[]; open: number }) {
  const total = Math.max(alerts.open, alerts.shown.length);
  return { total, shown: alerts.shown.map(presentAlert), more: total - alerts.shown.length };
}
