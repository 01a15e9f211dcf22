// "Open" for the team: an alert nobody it reached has yet acknowledged with a note (the automatic
// acknowledgement of whoever raised it has no note; domain/alerts/escalation.ts). An alert asking a
// safeguarding lead to confirm or overturn a decision is open until a lead answers it, whatever anyone
// wrote on it (ADR 0027, amendment; domain/alerts/decision-request.ts): it escalates, and counts as
// open everywhere, on that.
import type { ExpressionBuilder } from 'kysely';
import type { Database, Queryable } from '../../infrastructure/db/schema.ts';
import { decisionAnswered } from '../profile/profile-decisions.ts';

/** A where-clause for `alerts`: nobody has taken it up yet (for a request for a decision's answer: nobody has answered it). */
export function notTakenUp(eb: ExpressionBuilder<Database, 'alerts'>) {
  const acknowledgedWithNote = eb
    .selectFrom('alert_recipients')
    .select('alert_recipients.alert_id')
    .whereRef('alert_recipients.alert_id', '=', 'alerts.id')
    .where('alert_recipients.acknowledged_at', 'is not', null)
    .where('alert_recipients.acknowledged_note', 'is not', null);
  const answered = decisionAnswered({ caseId: eb.ref('alerts.case_id'), decisionId: eb.ref('alerts.decision_id') });
  return eb.or([
    eb.and([eb('alerts.decision_id', 'is', null), eb.not(eb.exists(acknowledgedWithNote))]),
    eb.and([eb('alerts.decision_id', 'is not', null), eb.not(answered)]),
  ]);
}

/** Of these findings, those with a critical-finding alert on the case that nobody has taken up. */
export async function openAlertFindingIds(db: Queryable, caseId: string, findingIds: readonly string[]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('alerts')
    .select('finding_id')
    .where('case_id', '=', caseId)
    .where('reason', '=', 'critical-finding')
    .where('finding_id', 'in', findingIds)
    .where(notTakenUp)
    .execute();
  return new Set(rows.flatMap((r) => (r.finding_id ? [r.finding_id] : [])));
}
