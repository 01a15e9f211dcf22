// Sends alerts nobody has taken up within ALERT_ESCALATION_HOURS to the safeguarding leads of the
// organisations in the team around the family (they oversee every case their organisation works
// on: domain/access/case-access.ts); when no organisation in the team has one, to the partnership's
// designated safeguarding leads (safeguarding leads granted the partnership view:
// profile/decision-leads.ts); when there are none either, the alert says so and each administrator
// is sent an email naming no one (ADR 0027). Each alert escalates once: `escalated_at` is set in the same
// statement that checks it is still unset and untaken, so two runs at once cannot both send it.
// Each round first sends on a request for a decision's answer that no lead it reached can answer any
// more (their account switched off, or they no longer see the case): to the leads who can, else the
// partnership's designated leads, else it says it reached nobody (ADR 0027, amendment;
// domain/alerts/decision-request.ts). That does not wait for the hours: nobody is left to answer.
import { escalationCutoff } from '../../domain/alerts/escalation.ts';
import { ESCALATION_UNREACHED, escalationRecipients, escalationRoute, type EscalationRoute } from '../../domain/alerts/recipients.ts';
import { requestRoute } from '../../domain/alerts/decision-request.ts';
import { leadsWhoCanSee, partnershipLeads } from '../profile/decision-leads.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import { systemOperator, type OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { enqueueAlertEmails } from './alert-outbox.ts';
import { notTakenUp } from './open-alerts.ts';

export interface EscalationReport {
  escalated: { alertId: string; caseId: string; safeguardingLeads: string[]; via: EscalationRoute['via'] }[];
  /** Requests for a decision's answer sent on because no lead they reached could answer any more. */
  sentOn: { alertId: string; caseId: string; safeguardingLeads: string[]; via: 'case-leads' | 'partnership' | 'nobody' }[];
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

/** The alert says nobody could be reached, and each active administrator is sent an email naming no one: the alert's id and where to designate leads. */
async function sayNobodyWasReached(trx: Tx, ctx: AppContext, alertId: string, now: Date): Promise<void> {
  await trx.updateTable('alerts').set({ escalation_unreached: ESCALATION_UNREACHED }).where('id', '=', alertId).execute();
  const admins = await trx.selectFrom('users').select('email').where('role', '=', 'admin').where('disabled_at', 'is', null).orderBy('id').execute();
  const body = [
    `An alert (${alertId}) was not acknowledged by anyone in the team around the family in time, and could not be escalated: no organisation in the team has a safeguarding lead, and the partnership has no designated safeguarding lead.`,
    '',
    'Designate the partnership\'s safeguarding leads: grant the partnership view to safeguarding leads\' accounts at /admin/partnership-view. Until then such alerts reach nobody beyond the team.',
  ].join('\n');
  if (admins.length === 0) return;
  await trx
    .insertInto('outbox')
    .values(admins.map((a) => ({ id: ctx.newId(), to_address: a.email.trim(), subject: 'An alert could not be escalated: no safeguarding lead designated', body, alert_id: alertId, created_at: now, next_attempt_at: now, last_error: null, sent_at: null })))
    .execute();
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
    const organisationLeads = await safeguardingLeadsFor(trx, alert.case_id);
    const route = escalationRoute(organisationLeads, organisationLeads.length > 0 ? [] : (await partnershipLeads(trx)).map((l) => l.userId));
    const recipients = escalationRecipients(route.leadIds, new Set(reached.map((r) => r.user_id)));
    if (route.via === 'nobody') await sayNobodyWasReached(trx, ctx, alertId, now);
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
    await recordAudit(trx, ctx, actor, { action: 'alert.escalate', caseId: alert.case_id, subjectType: 'alert', subjectId: alertId, details: { afterHours: hours, safeguardingLeads, via: route.via } });
    return { alertId, caseId: alert.case_id, safeguardingLeads, via: route.via };
  });
}

/** The request for a decision's answer sent on when no lead it reached can answer it any more; null when one still can, or it has gone as far as it can. */
async function sendOnOne(ctx: AppContext, actor: OperatorActor, alertId: string, now: Date): Promise<EscalationReport['sentOn'][number] | null> {
  return ctx.db.transaction().execute(async (trx) => {
    const alert = await trx
      .selectFrom('alerts')
      .innerJoin('profile_decisions', (join) => join.onRef('profile_decisions.case_id', '=', 'alerts.case_id').onRef('profile_decisions.id', '=', 'alerts.decision_id'))
      .select(['alerts.id', 'alerts.case_id', 'alerts.reason', 'alerts.severity', 'alerts.message', 'alerts.steps', 'alerts.escalation_unreached', 'profile_decisions.decided_by'])
      .where('alerts.id', '=', alertId)
      .where(notTakenUp)
      .forUpdate('alerts')
      .executeTakeFirst();
    if (!alert) return null;
    const [reached, canSee, partnership] = await Promise.all([
      trx.selectFrom('alert_recipients').select('user_id').where('alert_id', '=', alertId).execute(),
      leadsWhoCanSee(trx, alert.case_id),
      partnershipLeads(trx),
    ]);
    const route = requestRoute({
      reached: new Set(reached.map((r) => r.user_id)),
      decidedBy: alert.decided_by,
      leadsWhoCanSee: canSee.map((l) => l.userId),
      partnershipLeads: partnership.map((l) => l.userId),
      saidUnreached: alert.escalation_unreached !== null,
    });
    if (route.via === 'stays') return null;
    const safeguardingLeads = route.via === 'nobody' ? [] : route.leadIds;
    if (route.via === 'nobody') await sayNobodyWasReached(trx, ctx, alertId, now);
    else {
      const recipients = escalationRecipients(route.leadIds, new Set(reached.map((r) => r.user_id)));
      await trx
        .insertInto('alert_recipients')
        .values(recipients.map((r) => ({ alert_id: alertId, user_id: r.userId, reached_as: r.reachedAs, created_at: now, acknowledged_at: null, acknowledged_note: null })))
        .onConflict((oc) => oc.columns(['alert_id', 'user_id']).doNothing())
        .execute();
      await enqueueAlertEmails(trx, ctx, [{ alert: { id: alertId, caseId: alert.case_id, reason: alert.reason, severity: alert.severity, message: alert.message, steps: alert.steps }, recipients }]);
    }
    await recordAudit(trx, ctx, actor, { action: 'alert.escalate', caseId: alert.case_id, subjectType: 'alert', subjectId: alertId, details: { because: 'no-lead-reached-can-answer', safeguardingLeads, via: route.via } });
    return { alertId, caseId: alert.case_id, safeguardingLeads, via: route.via };
  });
}

/** Every open request for a decision's answer (few: one a decision awaiting a lead), each sent on in its own transaction when it must be. */
async function sendOnRequestsNobodyCanAnswer(ctx: AppContext, actor: OperatorActor, now: Date, shouldStop?: () => boolean): Promise<EscalationReport['sentOn']> {
  const open = await ctx.db.selectFrom('alerts').select('id').where('decision_id', 'is not', null).where(notTakenUp).orderBy('raised_at').orderBy('id').execute();
  const sentOn: EscalationReport['sentOn'] = [];
  for (const { id } of open) {
    if (shouldStop?.() === true) break;
    const done = await sendOnOne(ctx, actor, id, now);
    if (done) sentOn.push(done);
  }
  return sentOn;
}

/**
 * Escalates every overdue alert; running it again escalates nothing twice. `shouldStop` is asked
 * before each alert: a stopping server ends the round after the alert it is on (each is its own
 * transaction), and the next start escalates the rest.
 */
export async function escalateOverdueAlerts(ctx: AppContext, actor: OperatorActor = systemOperator, options: { shouldStop?: () => boolean } = {}): Promise<EscalationReport> {
  const now = ctx.clock.now();
  const cutoff = escalationCutoff(now, ctx.config.alertEscalationHours);
  const sentOn = await sendOnRequestsNobodyCanAnswer(ctx, actor, now, options.shouldStop);
  const due = await ctx.db.selectFrom('alerts').select('id').where('escalated_at', 'is', null).where('raised_at', '<=', cutoff).where(notTakenUp).orderBy('raised_at').execute();
  const escalated: EscalationReport['escalated'] = [];
  for (const { id } of due) {
    if (options.shouldStop?.() === true) break;
    const done = await escalateOne(ctx, actor, id, now, cutoff);
    if (done) escalated.push(done);
  }
  return { escalated, sentOn };
}
