// Sends alerts nobody has taken up within ALERT_ESCALATION_HOURS to the safeguarding leads of the
// organisations in the team around the family (they oversee every case their organisation works
// on: domain/access/case-access.ts). Each alert escalates once: `escalated_at` is set in the same
// statement that checks it is still unset and untaken, so two runs at once cannot both send it.
import { escalationCutoff } from '../../domain/alerts/escalation.ts';
import { escalationRecipients } from '../../domain/alerts/recipients.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import { systemOperator, type OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { enqueueAlertEmails } from './alert-outbox.ts';
import { notTakenUp } from './open-alerts.ts';

export interface EscalationReport {
  escalated: { alertId: string; caseId: string; safeguardingLeads: string[] }[];
}

/** Active safeguarding leads of every organisation with someone in the case's team. */
async function safeguardingLeadsFor(trx: Tx, caseId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('users')
    .select('users.id')
    .where('users.role', '=', 'safeguarding-lead')
    .where('users.disabled_at', 'is', null)
    .where('users.organisation_id', 'in', (eb) =>
      eb.selectFrom('case_team').innerJoin('users as member', 'member.id', 'case_team.user_id').select('member.organisation_id').where('case_team.case_id', '=', caseId),
    )
    .orderBy('users.id')
    .execute();
  return rows.map((r) => r.id);
}

async function escalateOne(ctx: AppContext, actor: OperatorActor, alertId: string, now: Date, cutoff: Date): Promise<EscalationReport['escalated'][number] | null> {
  return ctx.db.transaction().execute(async (trx) => {
    const alert = await trx
      .updateTable('alerts')
      .set({ escalated_at: now })
      .where('id', '=', alertId)
      .where('escalated_at', 'is', null)
      .where('raised_at', '<=', cutoff)
      .where(notTakenUp)
      .returning(['id', 'case_id', 'reason', 'severity', 'message', 'steps', 'finding_id'])
      .executeTakeFirst();
    if (!alert) return null;
    const reached = await trx.selectFrom('alert_recipients').select('user_id').where('alert_id', '=', alertId).execute();
    const recipients = escalationRecipients(await safeguardingLeadsFor(trx, alert.case_id), new Set(reached.map((r) => r.user_id)));
    if (recipients.length > 0) {
      await trx
        .insertInto('alert_recipients')
        .values(recipients.map((r) => ({ alert_id: alertId, user_id: r.userId, reached_as: r.reachedAs, created_at: now, acknowledged_at: null, acknowledged_note: null })))
        .onConflict((oc) => oc.columns(['alert_id', 'user_id']).doNothing())
        .execute();
    }
    const hours = ctx.config.alertEscalationHours;
    await enqueueAlertEmails(trx, ctx, [{ alert: { id: alertId, caseId: alert.case_id, reason: alert.reason, severity: alert.severity, message: alert.message, steps: alert.steps, findingId: alert.finding_id, escalatedAfterHours: hours }, recipients }]);
    const safeguardingLeads = recipients.map((r) => r.userId);
    await recordAudit(trx, ctx, actor, { action: 'alert.escalate', caseId: alert.case_id, subjectType: 'alert', subjectId: alertId, details: { afterHours: hours, safeguardingLeads } });
    return { alertId, caseId: alert.case_id, safeguardingLeads };
  });
}

/**
 * Escalates every overdue alert; running it again escalates nothing twice. `shouldStop` is asked
 * before each alert: a stopping server ends the round after the alert it is on (each is its own
 * transaction), and the next start escalates the rest.
 */
export async function escalateOverdueAlerts(ctx: AppContext, actor: OperatorActor = systemOperator, options: { shouldStop?: () => boolean } = {}): Promise<EscalationReport> {
  const now = ctx.clock.now();
  const cutoff = escalationCutoff(now, ctx.config.alertEscalationHours);
  const due = await ctx.db.selectFrom('alerts').select('id').where('escalated_at', 'is', null).where('raised_at', '<=', cutoff).where(notTakenUp).orderBy('raised_at').execute();
  const escalated: EscalationReport['escalated'] = [];
  for (const { id } of due) {
    if (options.shouldStop?.() === true) break;
    const done = await escalateOne(ctx, actor, id, now, cutoff);
    if (done) escalated.push(done);
  }
  return { escalated };
}
