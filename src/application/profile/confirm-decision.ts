// A safeguarding lead confirming or overturning a decision awaiting confirmation (ADR 0027;
// docs/domain.md, "Escalation decisions"), with their reasoning, through the one way to change a case
// (cases/change-case.ts): the answer (append-only), a profile version and the audit entry. Refused,
// and audited as denied: a decision that awaits nothing, someone without the lead's role, the
// decider themselves. Confirmed, the decision is in force on the findings it had in view;
// overturned, it never was, and those findings need a new decision. Either way the alert asking for
// the answer closes, for everyone it reached: acknowledging it could not (ADR 0027, amendment).
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../infrastructure/db/schema.ts';
import { confirmRefusal, decisionStanding, ESCALATION_DECISIONS, type ConfirmRefusal } from '../../domain/profile/escalation.ts';
import type { UserActor } from '../actor.ts';
import { changeCase } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';

export const CONFIRM_ANSWERS = ['confirmed', 'overturned'] as const;
export type ConfirmAnswer = (typeof CONFIRM_ANSWERS)[number];

export interface ConfirmInput {
  answer: ConfirmAnswer;
  reasoning: string;
}

export type ConfirmDecisionResult =
  | { ok: true; profileVersion: number }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string }
  | { ok: false; code: 'no-such-decision'; message: string }
  | { ok: false; code: ConfirmRefusal; message: string }
  | { ok: false; code: 'reasoning-needed'; message: string };

export const CONFIRM_REFUSAL_MESSAGES: Readonly<Record<ConfirmRefusal, string>> = {
  'not-awaiting': 'This decision does not await confirmation: it needed none, or a safeguarding lead has already answered it.',
  'not-a-lead': 'Only a safeguarding lead can confirm or overturn this decision.',
  'own-decision': 'You recorded this decision: another safeguarding lead must confirm or overturn it.',
};

/** `submission`: the one-time id of the form it was posted from (ADR 0026). */
export async function confirmDecision(ctx: AppContext, actor: UserActor, caseId: string, decisionId: string, input: ConfirmInput, submission?: string): Promise<ConfirmDecisionResult> {
  return changeCase<ConfirmDecisionResult>(
    ctx,
    actor,
    caseId,
    { action: 'profile.decision-confirmation', submission, refusalSubject: { subjectType: 'decision', subjectId: decisionId } },
    (refusal) => ({ ok: false, ...refusal }),
    async ({ trx, recorder, now }) => {
      const denied = (code: 'no-such-decision' | ConfirmRefusal, message: string, extra: Record<string, unknown> = {}) => ({
        changed: false as const,
        answer: { ok: false as const, code, message },
        audit: { action: 'profile.decision-confirmation', outcome: 'denied' as const, caseId, subjectType: 'decision', subjectId: decisionId, details: { refused: code, ...extra } },
      });
      const [decision, answered, me] = await Promise.all([
        trx.selectFrom('profile_decisions').select(['decision', 'decided_by', 'confirming_lead_id']).where('case_id', '=', caseId).where('id', '=', decisionId).executeTakeFirst(),
        trx.selectFrom('decision_confirmations').select('answer').where('case_id', '=', caseId).where('decision_id', '=', decisionId).executeTakeFirst(),
        trx.selectFrom('users').select('role').where('id', '=', actor.userId).executeTakeFirstOrThrow(),
      ]);
      if (!decision) return denied('no-such-decision', 'There is no such decision on this case.');
      const standing = decisionStanding(decision.confirming_lead_id !== null, answered?.answer ?? null);
      const refusal = confirmRefusal({ userId: actor.userId, role: me.role, decidedBy: decision.decided_by, standing });
      if (refusal) return denied(refusal, CONFIRM_REFUSAL_MESSAGES[refusal], { standing });
      const reasoning = input.reasoning.trim();
      if (reasoning === '') return { changed: false, answer: { ok: false, code: 'reasoning-needed', message: 'Enter your reasoning: why you confirm or overturn the decision.' } };
      await trx
        .insertInto('decision_confirmations')
        .values({ case_id: caseId, decision_id: decisionId, answer: input.answer, reasoning, answered_at: now, answered_by: actor.userId, answered_by_name: recorder.name, agency: recorder.organisation })
        .execute();
      // The alert asking for this answer closes for everyone it reached (ADR 0027, amendment): the
      // answering lead's with what they did, everyone else's with who answered it.
      const label = ESCALATION_DECISIONS[decision.decision].label;
      const what = `the decision "${label}": ${reasoning}`;
      const answererNote = `${input.answer === 'confirmed' ? 'Confirmed' : 'Overturned'} ${what}`.slice(0, 2000);
      const othersNote = `Closed: ${recorder.name} (${recorder.organisation}) ${input.answer} ${what}`.slice(0, 2000);
      const request = (eb: ExpressionBuilder<Database, 'alert_recipients'>) => eb.selectFrom('alerts').select('alerts.id').where('alerts.case_id', '=', caseId).where('alerts.decision_id', '=', decisionId);
      await trx
        .updateTable('alert_recipients')
        .set((eb) => ({ acknowledged_at: now, acknowledged_note: eb.case().when('user_id', '=', actor.userId).then(answererNote).else(othersNote).end() }))
        .where('acknowledged_at', 'is', null)
        .where('alert_id', 'in', request)
        .execute();
      const summary = input.answer === 'confirmed' ? `Decision confirmed by a safeguarding lead: ${label}` : `Decision overturned by a safeguarding lead: ${label}`;
      return {
        changed: true,
        version: { kind: 'decision', change: { decisionId, decision: decision.decision, summary, answer: input.answer }, why: reasoning },
        entriesAdded: [],
        audit: ({ profileVersion }) => ({ action: 'profile.decision-confirmation', caseId, subjectType: 'decision', subjectId: decisionId, details: { answer: input.answer, decision: decision.decision, decidedBy: decision.decided_by, profileVersion } }),
        answer: ({ profileVersion }) => ({ ok: true, profileVersion }),
        recordId: decisionId,
      };
    },
  );
}
