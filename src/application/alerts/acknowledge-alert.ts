// A recipient acknowledges an alert with a note of what they have done or will do. Only someone the
// alert reached may; a refusal is audited. One acknowledgement with a note stops the escalation.
// An alert asking a safeguarding lead to confirm or overturn a decision cannot be acknowledged while
// the decision awaits an answer (ADR 0027, amendment; domain/alerts/decision-request.ts): the
// refusal, audited, says to answer it; answering closes it (profile/confirm-decision.ts).
import { ACKNOWLEDGEMENT_MESSAGES, checkAcknowledgementNote } from '../../domain/alerts/acknowledgement.ts';
import { acknowledgementRefusal, DECISION_REQUEST_MESSAGES } from '../../domain/alerts/decision-request.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { decisionAwaitsAnswer } from '../profile/profile-decisions.ts';

export type AcknowledgeAlertResult =
  | { ok: true; value: { alertId: string; caseId: string; acknowledgedAt: Date } }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string }
  | { ok: false; code: 'note-needed'; message: string }
  | { ok: false; code: 'note-too-long'; message: string }
  | { ok: false; code: 'answer-needed'; message: string; caseId: string; decisionId: string }
  | { ok: false; code: 'already-acknowledged'; message: string; acknowledgedAt: Date };

export async function acknowledgeAlert(ctx: AppContext, actor: UserActor, alertId: string, note: string | undefined): Promise<AcknowledgeAlertResult> {
  return ctx.db.transaction().execute(async (trx): Promise<AcknowledgeAlertResult> => {
    const alert = await trx.selectFrom('alerts').select(['id', 'case_id', 'decision_id']).where('id', '=', alertId).executeTakeFirst();
    if (!alert) return { ok: false, code: 'not-found', message: 'There is no alert with this id.' };
    const event = { action: 'alert.acknowledge', caseId: alert.case_id, subjectType: 'alert', subjectId: alert.id } as const;
    const recipient = await trx.selectFrom('alert_recipients').select(['reached_as', 'acknowledged_at']).where('alert_id', '=', alertId).where('user_id', '=', actor.userId).forUpdate().executeTakeFirst();
    if (!recipient) {
      await recordAudit(trx, ctx, actor, { ...event, outcome: 'denied' });
      return { ok: false, code: 'forbidden', message: 'Only someone this alert was sent to can acknowledge it.' };
    }
    if (alert.decision_id !== null) {
      const decisionId = alert.decision_id;
      const awaitingAnswer = await decisionAwaitsAnswer(trx, alert.case_id, decisionId);
      if (acknowledgementRefusal({ decisionId, awaitingAnswer }) === 'answer-needed') {
        await recordAudit(trx, ctx, actor, { ...event, outcome: 'denied', details: { refused: 'answer-needed', decisionId } });
        return { ok: false, code: 'answer-needed', message: DECISION_REQUEST_MESSAGES['answer-needed'], caseId: alert.case_id, decisionId };
      }
    }
    const problem = checkAcknowledgementNote(note);
    if (problem === 'note-needed') return { ok: false, code: problem, message: ACKNOWLEDGEMENT_MESSAGES[problem] };
    if (problem === 'note-too-long') return { ok: false, code: problem, message: ACKNOWLEDGEMENT_MESSAGES[problem] };
    if (recipient.acknowledged_at !== null) {
      return { ok: false, code: 'already-acknowledged', message: 'You have already acknowledged this alert.', acknowledgedAt: recipient.acknowledged_at };
    }
    const acknowledgedAt = ctx.clock.now();
    const trimmed = note!.trim();
    await trx.updateTable('alert_recipients').set({ acknowledged_at: acknowledgedAt, acknowledged_note: trimmed }).where('alert_id', '=', alertId).where('user_id', '=', actor.userId).execute();
    await recordAudit(trx, ctx, actor, { ...event, details: { reachedAs: recipient.reached_as, note: trimmed } });
    return { ok: true, value: { alertId, caseId: alert.case_id, acknowledgedAt } };
  });
}
