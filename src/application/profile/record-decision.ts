// Recording the escalation decision the profile supports: the decision, the reasoning, whether the
// safeguarding lead was consulted, and the findings in view, through the one way to change a case
// (cases/change-case.ts), with a new profile version and the audit entry. Decisions are appended,
// never edited: a new one supersedes.
import { ESCALATION_DECISIONS, type EscalationDecision } from '../../domain/profile/escalation.ts';
import type { UserActor } from '../actor.ts';
import { changeCase } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';
import { evaluateStoredProfile, snapshotFindings } from './profile-facts.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';

export interface DecisionInput {
  decision: EscalationDecision;
  reasoning: string;
  leadConsulted: boolean;
  /** Who the safeguarding lead was, when consulted. */
  leadName?: string;
  /** The profile version the user decided on: a change since then must be seen first. */
  profileVersion: number;
}

export type RecordDecisionResult =
  | { ok: true; id: string; profileVersion: number }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string }
  | { ok: false; code: 'reasoning-needed'; message: string }
  | { ok: false; code: 'lead-name-needed'; message: string }
  | { ok: false; code: 'profile-changed'; message: string; currentVersion: number };

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
      const reasoning = input.reasoning.trim();
      if (reasoning === '') return refuse({ ok: false, code: 'reasoning-needed', message: 'Say why: the reasoning behind the decision.' });
      const leadName = input.leadName?.trim() ?? '';
      if (input.leadConsulted && leadName === '') return refuse({ ok: false, code: 'lead-name-needed', message: 'Enter the name of the safeguarding lead you consulted.' });
      if (record.profileVersion !== input.profileVersion) {
        return refuse({ ok: false, code: 'profile-changed', message: 'The profile changed while you were deciding. Look at the findings again, then record your decision.', currentVersion: record.profileVersion });
      }
      const evaluated = await evaluateStoredProfile(trx, caseId, today, (await settingsInForce(ctx, trx)).settings);
      const findings = evaluated ? snapshotFindings(evaluated.evaluation) : [];
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
        })
        .execute();
      const label = ESCALATION_DECISIONS[input.decision].label;
      return {
        changed: true,
        version: {
          kind: 'decision',
          change: { decisionId: id, decision: input.decision, summary: `Decision: ${label}`, leadConsulted: input.leadConsulted, leadName: input.leadConsulted ? leadName : null },
          why: reasoning,
        },
        entriesAdded: [],
        audit: ({ profileVersion }) => ({
          action: 'profile.decision',
          caseId,
          subjectType: 'decision',
          subjectId: id,
          details: { decision: input.decision, leadConsulted: input.leadConsulted, findings: findings.map((f) => f.id), profileVersion },
        }),
        answer: ({ profileVersion }) => ({ ok: true, id, profileVersion }),
        recordId: id,
      };
    },
  );
}
