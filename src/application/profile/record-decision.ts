// Recording the escalation decision the profile supports: the decision, the reasoning, whether the
// safeguarding lead was consulted, and the findings in view. One transaction with a new profile
// version and the audit entry. Decisions are appended, never edited: a new one supersedes.
import { ESCALATION_DECISIONS, type EscalationDecision } from '../../domain/profile/escalation.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { recorderFor } from '../recorder.ts';
import { lockProfileForChange } from './profile-change-guard.ts';
import { evaluateStoredProfile } from './profile-facts.ts';
import { appendProfileVersion, snapshotFindings } from './profile-versions.ts';

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

export async function recordDecision(ctx: AppContext, actor: UserActor, caseId: string, input: DecisionInput): Promise<RecordDecisionResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const guard = await lockProfileForChange(trx, ctx, actor, caseId, 'profile.decision');
    if (!guard.ok) return guard;
    const reasoning = input.reasoning.trim();
    if (reasoning === '') return { ok: false, code: 'reasoning-needed', message: 'Say why: the reasoning behind the decision.' };
    const leadName = input.leadName?.trim() ?? '';
    if (input.leadConsulted && leadName === '') return { ok: false, code: 'lead-name-needed', message: 'Enter the name of the safeguarding lead you consulted.' };
    if (guard.record.profileVersion !== input.profileVersion) {
      return { ok: false, code: 'profile-changed', message: 'The profile changed while you were deciding. Look at the findings again, then record your decision.', currentVersion: guard.record.profileVersion };
    }
    const evaluated = await evaluateStoredProfile(trx, ctx, caseId);
    const findings = evaluated ? snapshotFindings(evaluated.evaluation) : [];
    const recorder = await recorderFor(trx, actor);
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
        decided_at: ctx.clock.now(),
        decided_by: actor.userId,
        decided_by_name: recorder.name,
        agency: recorder.organisation,
      })
      .execute();
    const label = ESCALATION_DECISIONS[input.decision].label;
    const profileVersion = await appendProfileVersion(trx, ctx, actor, caseId, {
      kind: 'decision',
      change: { decisionId: id, decision: input.decision, summary: `Decision: ${label}`, leadConsulted: input.leadConsulted, leadName: input.leadConsulted ? leadName : null },
      why: reasoning,
    });
    await recordAudit(trx, ctx, actor, {
      action: 'profile.decision',
      caseId,
      subjectType: 'decision',
      subjectId: id,
      details: { decision: input.decision, leadConsulted: input.leadConsulted, findings: findings.map((f) => f.id), profileVersion },
    });
    return { ok: true, id, profileVersion };
  });
}
