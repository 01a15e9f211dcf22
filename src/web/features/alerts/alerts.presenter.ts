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

export function presentAlert(alert: MyAlert) {
  return {
    id: alert.id,
    caseId: alert.caseId,
    caseName: alert.caseName,
    title: alert.title,
    tag: severityTag(alert.severity),
    message: alert.message,
    steps: alert.steps,
    raised: formatDateTime(alert.raisedAt),
    reachedAs: REACHED_AS_WORDS[alert.reachedAs],
    escalated: alert.escalatedAt ? formatDateTime(alert.escalatedAt) : null,
    acknowledged: acknowledgement(alert),
    open: alert.acknowledgedAt === null,
  };
}

/** The home page shows the newest few; the alerts page has them all. */
export const HOME_ALERTS_SHOWN = 5;

export function presentHomeAlerts(alerts: readonly MyAlert[]) {
  return {
    total: alerts.length,
    shown: alerts.slice(0, HOME_ALERTS_SHOWN).map(presentAlert),
    more: Math.max(0, alerts.length - HOME_ALERTS_SHOWN),
  };
}
