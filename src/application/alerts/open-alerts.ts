// "Open" for the team: an alert nobody it reached has yet acknowledged with a note (the automatic
// acknowledgement of whoever raised it has no note; domain/alerts/escalation.ts).
import type { ExpressionBuilder } from 'kysely';
import type { Database, Queryable } from '../../infrastructure/db/schema.ts';

/** A where-clause for `alerts`: nobody has taken it up yet. */
export function notTakenUp(eb: ExpressionBuilder<Database, 'alerts'>) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('alert_recipients')
        .select('alert_recipients.alert_id')
        .whereRef('alert_recipients.alert_id', '=', 'alerts.id')
        .where('alert_recipients.acknowledged_at', 'is not', null)
        .where('alert_recipients.acknowledged_note', 'is not', null),
    ),
  );
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
