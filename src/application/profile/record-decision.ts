// Recording the escalation decision the profile supports: the decision, the reasoning, whether the
// safeguarding lead was consulted, and the findings in view, through the one way to change a case
// (cases/change-case.ts), with a new profile version and the audit entry. Decisions are appended,
// never edited: a new one supersedes.
// A decision below the level a critical finding in view suggests is not in force on one person's
// word (ADR 0027; docs/domain.md, "Escalation decisions"): it is recorded naming the safeguarding
// lead's account asked to confirm it (a lead who can see the case, never the decider), and that lead
// is told by an alert naming the decision, which no acknowledgement closes while it awaits an answer
// (alerts/acknowledge-alert.ts). Until a lead confirms it (confirm-decision.ts) it counts as no decision. The
// free-text lead consulted is a record of a conversation and never stands in for the confirmation.
import {
  confirmationNeeded,
  DECISION_INPUT_MESSAGES,
  decisionInputProblems,
  ESCALATION_DECISIONS,
  type DecisionInputField,
  type DecisionInputProblem,
  type EscalationDecision,
} from '../../domain/profile/escalation.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { caseLevelLabel } from '../../domain/shared/case-levels.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { enqueueAlertEmails } from '../alerts/alert-outbox.ts';
import { changeCase } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';
import { leadsWhoCanSee } from './decision-leads.ts';
import { evaluateStoredProfile, snapshotFindings } from './profile-facts.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';

export interface DecisionInput {
  decision: EscalationDecision;
  reasoning: string;
  leadConsulted: boolean;
  /** Who the safeguarding lead was, when consulted: a record of a conversation, not a confirmation. */
  leadName?: string;
  /** The safeguarding lead's account asked to confirm a decision below the level a critical finding suggests. */
  confirmingLeadId?: string;
  /** The profile version the user decided on: a change since then must be seen first. */
  profileVersion: number;
}

export type RecordDecisionResult =
  | { ok: true; id: string; profileVersion: number; awaitingConfirmation: boolean; alertId: string | null }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string }
  | { ok: false; code: DecisionInputProblem; message: string; errors: Partial<Record<DecisionInputField, string>> }
  | { ok: false; code: 'profile-changed'; message: string; currentVersion: number };

/** Each problem's words, by field. */
export function decisionProblemMessages(problems: Partial<Record<DecisionInputField, DecisionInputProblem>>): Partial<Record<DecisionInputField, string>> {
  return Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, DECISION_INPUT_MESSAGES[problem]]));
}

async function tellTheLead(trx: Tx, ctx: AppContext, caseId: string, decisionId: string, leadId: string, now: Date, words: { decision: string; level: string; decidedBy: string; agency: string }): Promise<string> {
  const baby = await trx.selectFrom('cases').select(['status', 'given_name', 'family_name']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const name = infantDisplayName({ status: baby.status, givenName: baby.given_name, familyName: baby.family_name });
  const alertId = ctx.newId();
  const message = `${words.decidedBy} (${words.agency}) recorded the decision "${words.decision}" on ${name} while a critical finding shows. It is below the ${words.level.toLowerCase()} level the finding suggests, so it is not in force until you confirm it.`;
  const steps = [
    'Read the profile and the decision’s reasoning.',
    'Confirm the decision, or overturn it, with your reasoning, on its confirmation page (this alert links to it). The alert stays open until a safeguarding lead answers: acknowledging it cannot close it.',
  ];
  // The alert names the decision (migration 067): it links to its confirmation page and closes when a lead answers it.
  await trx.insertInto('alerts').values({ case_id: caseId, id: alertId, reason: 'decision-to-confirm', severity: 'critical', message, steps: JSON.stringify(steps), entry_id: null, finding_id: null, raised_at: now, escalated_at: null, decision_id: decisionId }).execute();
  const recipients = [{ userId: leadId, reachedAs: 'safeguarding-lead' as const, acknowledgedAutomatically: false }];
  await trx.insertInto('alert_recipients').values({ alert_id: alertId, user_id: leadId, reached_as: 'safeguarding-lead', created_at: now, acknowledged_at: null, acknowledged_note: null }).execute();
  await enqueueAlertEmails(trx, ctx, [{ alert: { id: alertId, caseId, reason: 'decision-to-confirm', severity: 'critical', message, steps }, recipients }]);
  return alertId;
}

/** `submission`: the one-time id of the form it was posted from, noted with what it records so that a second post is answered as the first, not refused as stale (ADR 0026). */
export async function recordDecision(ctx: AppContext, actor: UserActor, caseId: string, input: DecisionInput, submission?: string): Promise<RecordDecisionResult> {
  return changeCase<RecordDecisionResult>(
    ctx,
    actor,
    caseId,
    { action: 'profile.decision', submission },
    (refusal) => ({ ok: false, ...refusal }),
    async ({ trx, recorder, record, now, today }) => {
      const refuse = (answer: RecordDecisionResult) => ({ changed: false as const, answer });
      // First: the rules below read the findings showing now, which a stale form's user has not seen.
      if (record.profileVersion !== input.profileVersion) {
        return refuse({ ok: false, code: 'profile-changed', message: 'The profile changed while you were deciding. Look at the findings again, then record your decision.', currentVersion: record.profileVersion });
      }
      const reasoning = input.reasoning.trim();
      const leadName = input.leadName?.trim() ?? '';
      const [evaluated, offeredLeads] = await Promise.all([
        settingsInForce(ctx, trx).then(({ settings }) => evaluateStoredProfile(trx, caseId, today, settings)),
        leadsWhoCanSee(trx, caseId),
      ]);
      const findings = evaluated ? snapshotFindings(evaluated.evaluation) : [];
      // Every problem at once: what the user typed is all answered in one pass.
      const problems = decisionInputProblems({
        decision: input.decision,
        reasoning,
        leadConsulted: input.leadConsulted,
        leadName,
        confirmingLeadId: input.confirmingLeadId,
        findingsInView: findings,
        offeredLeads,
        deciderId: actor.userId,
      });
      const first = Object.values(problems)[0];
      if (first) return refuse({ ok: false, code: first, message: DECISION_INPUT_MESSAGES[first], errors: decisionProblemMessages(problems) });
      const needed = confirmationNeeded(input.decision, findings);
      const confirmingLeadId = needed ? input.confirmingLeadId! : null;
      const id = ctx.newId();
      await trx
        .insertInto('profile_decisions')
        .values({
          case_id: caseId,
          id,
          decision: input.decision,
          reasoning,
          lead_consulted: input.leadConsulted,
          lead_name: input.leadConsulted ? leadName : null,
          findings: JSON.stringify(findings),
          profile_version: input.profileVersion,
          decided_at: now,
          decided_by: actor.userId,
          decided_by_name: recorder.name,
          agency: recorder.organisation,
          confirming_lead_id: confirmingLeadId,
        })
        .execute();
      const label = ESCALATION_DECISIONS[input.decision].label;
      const alertId = needed && confirmingLeadId
        ? await tellTheLead(trx, ctx, caseId, id, confirmingLeadId, now, { decision: label, level: caseLevelLabel(needed.suggested), decidedBy: recorder.name, agency: recorder.organisation })
        : null;
      const awaiting = confirmingLeadId !== null;
      return {
        changed: true,
        version: {
          kind: 'decision',
          change: {
            decisionId: id,
            decision: input.decision,
            summary: awaiting ? `Decision: ${label} (awaiting a safeguarding lead's confirmation)` : `Decision: ${label}`,
            leadConsulted: input.leadConsulted,
            leadName: input.leadConsulted ? leadName : null,
            ...(awaiting ? { awaitingConfirmationBy: confirmingLeadId } : {}),
          },
          why: reasoning,
        },
        entriesAdded: [],
        audit: ({ profileVersion }) => ({
          action: 'profile.decision',
          caseId,
          subjectType: 'decision',
          subjectId: id,
          details: { decision: input.decision, leadConsulted: input.leadConsulted, findings: findings.map((f) => f.id), profileVersion, ...(awaiting ? { awaitingConfirmationBy: confirmingLeadId, alertId } : {}) },
        }),
        answer: ({ profileVersion }) => ({ ok: true, id, profileVersion, awaitingConfirmation: awaiting, alertId }),
        recordId: id,
      };
    },
  );
}
